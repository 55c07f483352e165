/**
 * A dateline: the place a story was filed from, opening its first paragraph ("ABUJA, Nigeria
 * (Reuters) - …", "GAZA CITY — …", "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- …"). It says
 * where the reporter was, not where anything happened, so neither the city nor the country
 * in it is an event's place or the story's focus.
 */
const DATELINE = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*[\p{L}\d .'’-]{1,30}){0,3}\s*(?:\([^()\n]{2,30}\)\s*)?(?:--|—|–|-(?=\s))/u;

/** Is [start, end) inside a dateline that opens its line? */
export function isDatelinePlace(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const m = DATELINE.exec(text.slice(lineStart, lineStart + 120));
  return !!m && end <= lineStart + m[0].length;
}
