/**
 * A dateline: the place a story was filed from, opening its first paragraph ("ABUJA, Nigeria
 * (Reuters) - …", "GAZA CITY — …", "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- …"). It says
 * where the reporter was, not where anything happened, so neither the city nor the country
 * in it is an event's place or the story's focus.
 */
const DATELINE = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*[\p{L}\d .'’-]{1,30}){0,3}\s*(?:\([^()\n]{2,30}\)\s*)?(?:--|—|–|-(?=\s))/u;

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
