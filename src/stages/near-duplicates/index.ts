import type { NearDuplicateSentence, Sentence } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';

export interface NearDuplicateOptions {
  /** sentences shorter than this many words are never flagged (headlines repeat words by chance) */
  minWords: number;
  /** the most words that may differ, as a share of the longer sentence */
  maxEditShare: number;
}

const DEFAULTS: NearDuplicateOptions = { minWords: 6, maxEditShare: 0.2 };

/** Words folded for comparison: lower case, quotes and apostrophes made plain. */
export function comparableWords(text: string): string[] {
  // the runs of letters, digits and apostrophes (double quotes only ever separate words)
  const words = text.toLowerCase().match(/[\p{L}\p{N}'’‘`]+/gu);
  if (!words) return [];
  for (let i = 0; i < words.length; i++) if (/[’‘`]/.test(words[i]!)) words[i] = words[i]!.replace(/[’‘`]/g, "'");
  return words;
}

/** Word-level edit distance, abandoning early once it exceeds `limit`. */
export function wordEditDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Is `b` a near-duplicate of `a` (a word or two changed)? Returns the similarity, or undefined. */
export function nearDuplicateSimilarity(a: string, b: string, options: NearDuplicateOptions = DEFAULTS): number | undefined {
  const wa = comparableWords(a);
  const wb = comparableWords(b);
  if (Math.min(wa.length, wb.length) < options.minWords) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(wa.length, wb.length) * options.maxEditShare));
  const distance = wordEditDistance(wa, wb, limit);
  return distance > limit ? undefined : 1 - distance / Math.max(wa.length, wb.length);
}

/**
 * Flag each sentence that repeats an earlier one with a word or two changed. Candidate
 * pairs come from shared word trigrams, so long articles stay linear in practice.
 */
export function findNearDuplicateSentences(sentences: readonly Sentence[], options: NearDuplicateOptions = DEFAULTS): NearDuplicateSentence[] {
  const { words, trigram } = wordIds(sentences.map((s) => comparableWords(s.span.text)));
  const byTrigram = new Map<number | string, number[]>();
  const found: NearDuplicateSentence[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const w = words[i]!;
    if (w.length < options.minWords) continue;
    const candidates = new Map<number, number>();
    const grams = new Set<number | string>();
    for (let k = 0; k + 2 < w.length; k++) grams.add(trigram(w[k]!, w[k + 1]!, w[k + 2]!));
    for (const g of grams) for (const j of byTrigram.get(g) ?? []) candidates.set(j, (candidates.get(j) ?? 0) + 1);
    let best: NearDuplicateSentence | undefined;
    for (const [j, shared] of candidates) {
      if (shared < Math.min(3, grams.size)) continue;
      const other = words[j]!;
      const limit = Math.max(1, Math.floor(Math.max(w.length, other.length) * options.maxEditShare));
      const distance = wordEditDistance(other, w, limit);
      if (distance > limit) continue;
      const similarity = 1 - distance / Math.max(w.length, other.length);
      if (!best || similarity > best.similarity) best = { sentence: i, duplicateOf: j, similarity: Math.round(similarity * 1000) / 1000 };
    }
    if (best) found.push(best);
    for (const g of grams) {
      const list = byTrigram.get(g);
      if (list) list.push(i);
      else byTrigram.set(g, [i]);
    }
  }
  return found;
}

/**
 * Each distinct word as a number, and a trigram's key from three of them: a number while
 * the document has few enough distinct words for the key to stay exact, else a string.
 */
function wordIds(sentenceWords: string[][]): { words: Int32Array[]; trigram: (a: number, b: number, c: number) => number | string } {
  const ids = new Map<string, number>();
  const words = sentenceWords.map((ws) => {
    const out = new Int32Array(ws.length);
    for (let k = 0; k < ws.length; k++) {
      let id = ids.get(ws[k]!);
      if (id === undefined) ids.set(ws[k]!, (id = ids.size));
      out[k] = id;
    }
    return out;
  });
  const size = ids.size + 1;
  const exact = size * size * size < Number.MAX_SAFE_INTEGER;
  return { words, trigram: exact ? (a, b, c) => (a * size + b) * size + c : (a, b, c) => `${a} ${b} ${c}` };
}

export function createNearDuplicateStage(options: NearDuplicateOptions = DEFAULTS): Stage {
  return {
    name: 'near-duplicates',
    version: '1',
    requires: ['sentences'],
    provides: ['nearDuplicates'],
    run(doc) {
      return { layers: { nearDuplicates: findNearDuplicateSentences(doc.get('sentences'), options) } };
    },
  };
}
