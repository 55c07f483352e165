/**
 * A dateline: the place a story was filed from, opening its first paragraph ("ABUJA, Nigeria
 * (Reuters) - …", "GAZA CITY — …", "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- …"). It says
 * where the reporter was, not where anything happened, so neither the city nor the country
 * in it is an event's place or the story's focus.
 */
/*
 * The dateline patterns of every stage live here. One dateline (DATELINE) opens a line or a
 * stretch of reported speech, or follows a headline run into it; the two city patterns below
 * find other things (the city of one glued to a name, a city to split a glued headline before).
 */

/** the dash closing a dateline: "--", an em or en dash, or a hyphen before a space */
const DASH = String.raw`(?:--|—|–|-(?=\s))`;

/** a dateline: up to four capitalised words, up to three comma parts, an agency in brackets, the dash */
const DATELINE_BODY = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*[\p{L}\d .'’-]{1,30}){0,3}\s*(?:\([^()\n]{2,30}\)\s*)?${DASH}`;
/** a dateline opening a line */
const DATELINE = new RegExp(`^${DATELINE_BODY}`, 'u');
/** a dateline opening reported speech, with the space after it, cut off it */
const OPENING_DATELINE = new RegExp(String.raw`^${DATELINE_BODY}\s*`, 'u');
/** a dateline, its city in capitals, run into the headline before it when the line break was lost ("…in AfghanistanKANDAHAR, …"), with the space after it */
const GLUED_DATELINE = new RegExp(String.raw`(?<=\p{Ll})(?=\p{Lu}{3})${DATELINE_BODY}\s*`, 'u');

/**
 * The city of a dateline in capitals, as a regex source to look ahead for: "KANDAHAR" before
 * ",", " —" or " (" ("PrioritiesLONDON —"). The clean stage splits a headline glued to it.
 */
export const CAPITALS_DATELINE_CITY = String.raw`\p{Lu}{3,}(?:[ -]\p{Lu}{2,})*(?=,| [—–-]| \()`;

/** a dateline's city in capitals glued to the end of a name ("AfghanistanKANDAHAR"); group 1 is the city */
export const GLUED_DATELINE_CITY = /\p{Ll}(\p{Lu}{3,})$/u;

/**
 * Where the text of [start, end) goes on after a dateline opening it ("KANDAHAR, Afghanistan,
 * Oct. 3 (Xinhua) -- "), or after a headline run into one ("…in AfghanistanKANDAHAR,
 * Afghanistan, Oct. 3 (Xinhua) --", looked for in the first 200 characters); else `start`.
 */
export function afterOpeningDateline(text: string, start: number, end: number): number {
  const m = OPENING_DATELINE.exec(text.slice(start, end)) ?? GLUED_DATELINE.exec(text.slice(start, Math.min(end, start + 200)));
  return m ? start + m.index + m[0].length : start;
}

/** Where the dateline opening the line that starts at `lineStart` ends; -1 when the line opens with none. */
function datelineEnd(text: string, lineStart: number): number {
  const m = DATELINE.exec(text.slice(lineStart, lineStart + 120));
  return m ? lineStart + m[0].length : -1;
}

/**
 * Is [start, end) inside a dateline that opens its line? The test for one text: make it once a
 * document and ask it of every mention; each line's dateline is worked out once.
 */
export function datelineTest(text: string): (start: number, end: number) => boolean {
  const ends = new Map<number, number>();
  return (start, end) => {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let e = ends.get(lineStart);
    if (e === undefined) ends.set(lineStart, (e = datelineEnd(text, lineStart)));
    return e >= 0 && end <= e;
  };
}
