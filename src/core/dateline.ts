/**
 * A dateline: the place a story was filed from, opening its first paragraph ("ABUJA, Nigeria
 * (Reuters) - …", "GAZA CITY — …", "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- …"). It says
 * where the reporter was, not where anything happened, so it is neither an event's place nor
 * the story's focus.
 */
const AFTER_PLACE = /^(?:,\s*[\p{L}\d .'’-]{1,30}){0,3}\s*(?:\([^()\n]{2,30}\)\s*)?(?:--|—|–|-(?=\s))/u;

/** Is [start, end) a place opening a line and followed by the rest of a dateline? */
export function isDatelinePlace(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return false;
  return AFTER_PLACE.test(text.slice(end, end + 90));
}
