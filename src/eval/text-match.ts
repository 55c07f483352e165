/**
 * Matching by meaning, as ../shared/gold/README.md defines it: case-insensitive,
 * typographic quotes and apostrophes folded to ASCII, white space collapsed.
 */
const QUOTES: Record<string, string> = { '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‘': "'", '’': "'", '`': "'", '′': "'", '″': '"' };

export function foldText(s: string): string {
  return s.replace(/[“”„«»‘’`′″]/g, (c) => QUOTES[c]!).replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Folded text with white space removed altogether, for locating passages: cleaning may
 * put a space between two glued sentences ("forces.After"), which must not hide them.
 */
export function foldCompact(s: string): string {
  return foldText(s).replace(/ /g, '');
}

/** Fold a text without white space, keeping for each folded character its offset in the original. */
export function foldWithOffsets(s: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (/\s/.test(c)) continue;
    const f = (QUOTES[c] ?? c).toLowerCase();
    // lower-casing may change the length (rare): keep one offset per folded unit
    for (let k = 0; k < f.length; k++) offsets.push(i);
    folded += f;
  }
  return { folded, offsets };
}

/** Every [start, end) range of the original text where `passage` occurs (folded). */
export function findPassage(text: string, passage: string, index = foldWithOffsets(text)): { start: number; end: number }[] {
  const needle = foldCompact(passage);
  if (!needle) return [];
  const found: { start: number; end: number }[] = [];
  for (let at = index.folded.indexOf(needle); at >= 0; at = index.folded.indexOf(needle, at + 1)) {
    found.push({ start: index.offsets[at]!, end: index.offsets[at + needle.length - 1]! + 1 });
  }
  return found;
}

const wordsOf = (s: string) => ` ${foldText(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** Equal after folding, or one contains the other as whole words ("UN" in "the UN Security Council", not in "Hunan"). */
export function aliasMatches(predicted: string, alias: string): boolean {
  const a = wordsOf(predicted);
  const b = wordsOf(alias);
  if (a.trim() === '' || b.trim() === '') return false;
  return a === b || a.includes(b) || b.includes(a);
}

export function anyAliasMatches(predicted: (string | undefined | null)[], aliases: readonly (string | null)[]): boolean {
  return predicted.some((p) => p && aliases.some((a) => a !== null && aliasMatches(p, a)));
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
