const LETTER = /^\p{L}$/u;

/** The code point ending at `end` (a surrogate pair counts as one, as in a /u regex). */
function codePointBefore(s: string, end: number): string {
  const low = s.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = s.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.slice(end - 2, end);
  }
  return s[end - 1]!;
}

/**
 * The last run of letters, lower-cased. Scanned backwards: the end-anchored regex
 * `(\p{L}+)[^\p{L}]*$` retries from every position and is quadratic in long sentences.
 */
export function lastWord(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = codePointBefore(s, end);
    if (LETTER.test(c)) break;
    end -= c.length;
  }
  let start = end;
  while (start > 0) {
    const c = codePointBefore(s, start);
    if (!LETTER.test(c)) break;
    start -= c.length;
  }
  return s.slice(start, end).toLowerCase();
}
