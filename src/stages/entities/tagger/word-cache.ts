/**
 * The caches that make a token cost a look-up: a bounded Map from token string to its
 * WordInfo with a direct-mapped table of recent tokens in front, the KeyStats shared by the
 * words of a key, and the per-word caches of resolved weight rows and gazetteer starts,
 * filled lazily by the document driver (features.ts).
 */
import type { WordClusters } from './clusters.js';
import type { Gazetteer, GazStart } from './gazetteer.js';
import { computeWordInfo, type KeyStats, type WordInfo } from './word-info.js';

/** maps a feature hash to a weight row, or -1 when the model does not know the feature */
export type Resolver = (h: number) => number;

const RECENT_MASK = 2047;

export class WordCache {
  private cache = new Map<string, WordInfo>();
  private recentKeys: (string | undefined)[] = new Array(RECENT_MASK + 1).fill(undefined);
  private recentWords: (WordInfo | undefined)[] = new Array(RECENT_MASK + 1).fill(undefined);
  /** KeyStats per key hash: kept while the word cache is, so every word of a key shares one */
  private keyStats = new Map<number, KeyStats>();

  constructor(readonly clusters: WordClusters) {}

  word(tok: string): WordInfo {
    // most tokens are a few hundred frequent words: a direct-mapped table in front of the Map
    const slot = (Math.imul(tok.length, 0x9e3779b1) ^ Math.imul(tok.charCodeAt(0), 31) ^ Math.imul(tok.charCodeAt(tok.length - 1), 131)) & RECENT_MASK;
    if (this.recentKeys[slot] === tok) return this.recentWords[slot]!;
    let wi = this.cache.get(tok);
    if (wi === undefined) {
      if (this.cache.size > 50000) this.cache.clear();
      wi = computeWordInfo(tok, this.clusters, this.keyStats);
      this.cache.set(tok, wi);
    }
    this.recentKeys[slot] = tok;
    this.recentWords[slot] = wi;
    return wi;
  }

  /** bound the per-key stats; only between documents, and with the words that point at them */
  trimBetweenDocuments(): void {
    if (this.keyStats.size > 60_000) {
      this.keyStats.clear();
      this.cache.clear();
      this.recentKeys.fill(undefined);
      this.recentWords.fill(undefined);
    }
  }
}

/** the gazetteer trie node of a word's key, cached on the word per gazetteer generation */
export function gazStartOf(w: WordInfo, gazetteer: Gazetteer): GazStart {
  if (w.gazOwner !== gazetteer.generation) {
    w.gazStart = gazetteer.start(w.key);
    w.gazOwner = gazetteer.generation;
  }
  return w.gazStart;
}

/** resolved rows of a word's intrinsic and neighbour features (cached) */
export function resolveWordRows(w: WordInfo, resolve: Resolver): void {
  if (w.rowOwner === resolve && w.rows) return;
  const rows: number[] = [];
  const start = new Int32Array(6);
  const add = (arr: Uint32Array) => {
    for (let k = 0; k < arr.length; k++) {
      const r = resolve(arr[k]);
      if (r >= 0) rows.push(r);
    }
  };
  start[0] = 0;
  add(w.feats);
  for (let k = 0; k < 4; k++) {
    start[k + 1] = rows.length;
    add(w.ctx[k]);
  }
  start[5] = rows.length;
  w.rows = Int32Array.from(rows);
  w.rowStart = start;
  w.rowOwner = resolve;
}

/** copy the cached rows of segment `seg` (0 intrinsic, 1..4 as neighbour at -2,-1,+1,+2) */
export function copyRows(buf: Int32Array, q: number, w: WordInfo, seg: number): number {
  const rows = w.rows!;
  const st = w.rowStart!;
  for (let k = st[seg]; k < st[seg + 1]; k++) buf[q++] = rows[k];
  return q;
}
