import type { PhraseEntry } from './types.js';

/** Lower-cased leading word of a string: letters and digits up to the first other character. */
export function leadingWord(s: string): string {
  return leadingWordAt(s, 0, s.length);
}

/** leadingWord of text.slice(start, end), without making the slice first */
function leadingWordAt(text: string, start: number, end: number): string {
  return text.slice(start, leadingWordEnd(text, start, end)).toLowerCase();
}

/** where the leading word of text.slice(start, end) ends */
function leadingWordEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const wordChar = c < 128
      ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
      : !(c === 0x2019 || c === 0x2018 || c === 0x201c || c === 0x201d || c === 0x2013 || c === 0x2014 || c === 0xa0);
    if (!wordChar) break;
    i++;
  }
  return i;
}

/**
 * Phrases keyed by the lower-cased leading word, longest first, so a scan over tokens
 * does one Map lookup per token and a startsWith per candidate (no regexes).
 */
export class PhraseIndex<T> {
  private readonly map = new Map<string, PhraseEntry<T>[]>();
  /** valuesOf answers: names recur in news (bounded; emptied whenever a phrase is added) */
  private readonly exact = new Map<string, readonly T[]>();

  constructor(readonly caseSensitive: boolean) {}

  add(phrase: string, value: T): void {
    this.exact.clear();
    const p = this.caseSensitive ? phrase.trim() : phrase.trim().toLowerCase();
    const key = leadingWord(p);
    if (!key) return;
    let list = this.map.get(key);
    if (!list) this.map.set(key, (list = []));
    if (list.some((e) => e.phrase === p && e.value === value)) return;
    list.push({ phrase: p, value });
    list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  candidates(key: string): readonly PhraseEntry<T>[] | undefined {
    return this.map.get(key);
  }

  /** The values of the entries whose phrase is exactly `phrase`, in index order. Treat the result as read-only. */
  valuesOf(phrase: string): readonly T[] {
    let out = this.exact.get(phrase);
    if (out === undefined) {
      out = (this.map.get(leadingWord(phrase)) ?? []).filter((e) => e.phrase === phrase).map((e) => e.value);
      if (this.exact.size >= 20_000) this.exact.clear();
      this.exact.set(phrase, out);
    }
    return out;
  }

  get size(): number {
    let n = 0;
    for (const l of this.map.values()) n += l.length;
    return n;
  }
}

/**
 * A text with its tokens, prepared once per document for phrase matching: the lower-cased
 * text (when lower-casing keeps offsets) and which token ends at each offset.
 */
export class TokenText {
  readonly lower: string;
  readonly keys: string[];
  /** only for tokens whose ends do not rise strictly (never from the segment stage) */
  private readonly endAt?: Map<number, number>;

  constructor(readonly text: string, readonly starts: Int32Array, readonly ends: Int32Array) {
    const lower = text.toLowerCase();
    this.lower = lower.length === text.length ? lower : '';
    // Lower-casing kept every character's length, and only a capital sigma lower-cases by its
    // context: then a slice of the lower-cased text is the lower-cased slice, one call fewer per token.
    const sliceLower = this.lower !== '' && !text.includes('\u03a3');
    this.keys = new Array<string>(starts.length);
    let rising = true;
    for (let i = 0; i < starts.length; i++) {
      this.keys[i] = sliceLower ? lower.slice(starts[i], leadingWordEnd(text, starts[i], ends[i])) : leadingWordAt(text, starts[i], ends[i]);
      if (i > 0 && ends[i] <= ends[i - 1]) rising = false;
    }
    if (!rising) {
      this.endAt = new Map();
      for (let i = 0; i < ends.length; i++) this.endAt.set(ends[i], i);
    }
  }

  /** Index of the token that ends exactly at this offset, or -1 (token ends rise, so a binary search). */
  tokenEndingAt(offset: number): number {
    if (this.endAt) return this.endAt.get(offset) ?? -1;
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = ends[mid]!;
      if (e === offset) return mid;
      if (e < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private startsWithLower(phrase: string, at: number): boolean {
    if (this.lower) return this.lower.startsWith(phrase, at);
    return this.text.slice(at, at + phrase.length).toLowerCase() === phrase;
  }

  /**
   * The longest phrase of the index that starts at token i and ends at a token end,
   * with the index of its last token.
   */
  match<T>(index: PhraseIndex<T>, i: number, accept?: (v: T) => boolean): { entry: PhraseEntry<T>; last: number } | undefined {
    const list = index.candidates(this.keys[i]);
    if (!list) return undefined;
    const at = this.starts[i];
    for (const entry of list) {
      const ok = index.caseSensitive ? this.text.startsWith(entry.phrase, at) : this.startsWithLower(entry.phrase, at);
      if (!ok) continue;
      const last = this.tokenEndingAt(at + entry.phrase.length);
      if (last < i) continue;
      if (accept && !accept(entry.value)) continue;
      return { entry, last };
    }
    return undefined;
  }

  /** Every phrase of the index starting at token i (longest first). */
  matchAll<T>(index: PhraseIndex<T>, i: number): { entry: PhraseEntry<T>; last: number }[] {
    const list = index.candidates(this.keys[i]);
    if (!list) return [];
    const at = this.starts[i];
    const out: { entry: PhraseEntry<T>; last: number }[] = [];
    for (const entry of list) {
      const ok = index.caseSensitive ? this.text.startsWith(entry.phrase, at) : this.startsWithLower(entry.phrase, at);
      if (!ok) continue;
      const last = this.tokenEndingAt(at + entry.phrase.length);
      if (last >= i) out.push({ entry, last });
    }
    return out;
  }
}
