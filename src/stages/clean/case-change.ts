/**
 * Where a lower-case letter meets a capital ("SyriaThe", "militantsAt"): every glue of a word
 * to a capitalised one ends there. Finding these places with a plain loop over the text, and
 * trying the glue regexes only at the word before each, costs a fraction of running those
 * regexes (which start with a look behind and Unicode classes) over every position.
 */

type CaseKind = 0 | 1 | 2; // other, upper (\p{Lu}), lower (\p{Ll})
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;
const kinds = new Map<number, CaseKind>();
const letters = new Map<number, boolean>();

function caseOf(cp: number): CaseKind {
  if (cp < 128) return cp >= 65 && cp <= 90 ? 1 : cp >= 97 && cp <= 122 ? 2 : 0;
  let k = kinds.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    kinds.set(cp, (k = UPPER.test(ch) ? 1 : LOWER.test(ch) ? 2 : 0));
  }
  return k;
}

/** \p{L} */
export function isLetter(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  let l = letters.get(cp);
  if (l === undefined) letters.set(cp, (l = LETTER.test(String.fromCodePoint(cp))));
  return l;
}

/** [\p{Ll}\d] (in a Unicode regex \d is 0-9) */
export function isLowerOrDigit(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || caseOf(cp) === 2;
}

/** The offsets of each capital (\p{Lu}) right after a lower-case letter (\p{Ll}), by code point, in order. */
export function caseChanges(text: string): number[] {
  const out: number[] = [];
  let afterLower = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const k = caseOf(cp);
    if (k === 1 && afterLower) out.push(i);
    afterLower = k === 2;
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** Where the run of code points that `inRun` accepts and that ends at `end` starts. */
export function runStart(text: string, end: number, inRun: (cp: number) => boolean): number {
  let i = end;
  while (i > 0) {
    let j = i - 1;
    const c = text.charCodeAt(j);
    if (c >= 0xdc00 && c <= 0xdfff && j > 0) {
      const h = text.charCodeAt(j - 1);
      if (h >= 0xd800 && h <= 0xdbff) j--;
    }
    if (!inRun(text.codePointAt(j)!)) break;
    i = j;
  }
  return i;
}

/**
 * `matchAll(re, text)` for a regex whose matches are runs of `inRun` code points, each ending
 * at or after a case change inside its run and starting where the run does (it looks behind
 * for a word start): `sticky` is the same regex with the `y` flag, tried once at the start of
 * each run that holds a case change.
 */
export function matchesAtCaseChanges(text: string, sticky: RegExp, inRun: (cp: number) => boolean): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let last = -1;
  for (const at of caseChanges(text)) {
    const start = runStart(text, at, inRun);
    if (start === last) continue;
    last = start;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m) out.push(m);
  }
  sticky.lastIndex = 0;
  return out;
}
