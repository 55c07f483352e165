/**
 * What the tagger knows about one distinct token string, computed once and cached by the
 * word cache: its normalised form and key, its word-intrinsic and neighbour feature hashes,
 * the hashes the per-position conjunctions mix, and slots for the per-model caches (resolved
 * rows, summed weights, gazetteer start) so the hot loops read fields instead of Maps.
 */
import { hashString, mix, mix3 } from './hash.js';
import { normalizeToken, stripDiacritics } from './tokenize.js';
import type { WordClusters } from './clusters.js';
import type { GazStart } from './gazetteer.js';
import { T, contextFeatures, pairHeads, type PairHeads } from './templates.js';
import { CAP_NONE, capClass, wordShape } from './word-shape.js';

/**
 * Document counts of one lower-cased key (shared by the words with that key hash), valid
 * while `doc` / `labelsDoc` equal the extractor's current document stamps: per-word fields
 * instead of Maps keyed by hash, which cost several look-ups per token.
 */
export interface KeyStats {
  doc: number;
  lc: number;
  cap: number;
  labelsDoc: number;
  labels: Int32Array | null;
}

export interface WordInfo {
  norm: string;
  /** lower-cased, diacritics stripped: key for document statistics and gazetteers */
  key: string;
  /** word-intrinsic feature hashes (incl. the bias) */
  feats: Uint32Array;
  /** feature hashes this word contributes as a neighbour at offsets -2, -1, +1, +2 */
  ctx: Uint32Array[];
  /** resolved rows of feats and ctx (cached per resolver): rows[rowStart[k] .. rowStart[k+1]] */
  rows: Int32Array | null;
  rowStart: Int32Array | null;
  rowOwner: unknown;
  /** inference cache: where the summed weights of each feature segment sit in the owner's arena */
  sumsAt: number;
  sumsOwner: unknown;
  hLower: number;
  hSShape: number;
  hSuf3: number;
  hC2: number;
  hC3: number;
  cap: number;
  hasLetter: boolean;
  /** the gazetteer trie node for `key`, valid while the gazetteer's generation is `gazOwner` */
  gazStart: GazStart;
  gazOwner: unknown;
  stats: KeyStats;
  heads: PairHeads;
}

export function newKeyStats(): KeyStats {
  return { doc: -1, lc: 0, cap: 0, labelsDoc: -1, labels: null };
}

/** sentence-boundary pseudo words (their context features stand for "no word there") */
function boundaryWord(h: number): WordInfo {
  return {
    norm: '',
    key: '',
    feats: new Uint32Array(0),
    ctx: contextFeatures(h, h, h, h, 9, h),
    rows: null,
    rowStart: null,
    rowOwner: null,
    sumsAt: -1,
    sumsOwner: null,
    hLower: h,
    hSShape: h,
    hSuf3: h,
    hC2: h,
    hC3: h,
    cap: 9,
    hasLetter: false,
    gazStart: undefined,
    gazOwner: null,
    stats: newKeyStats(),
    heads: pairHeads(h, h, h),
  };
}

export const BOS_WORD = boundaryWord(0x11);
export const EOS_WORD = boundaryWord(0x22);

const SURROGATE = /[\ud800-\udfff]/;

/** the word-intrinsic features of `tok`; `keyStats` shares one KeyStats among the words of a key */
export function computeWordInfo(tok: string, clusters: WordClusters, keyStats: Map<number, KeyStats>): WordInfo {
  const norm = normalizeToken(tok);
  const lower = norm.toLowerCase();
  const key = /^[\x00-\x7f]*$/.test(lower) ? lower : stripDiacritics(lower);
  const { shape, short } = wordShape(norm);
  const cap = capClass(norm);
  const feats: number[] = [T.bias];
  const hLower = hashString(key);
  feats.push(mix(T.w, hLower));
  feats.push(mix(T.raw, hashString(norm)));
  const hShape = hashString(shape);
  const hSShape = hashString(short);
  feats.push(mix(T.shape, hShape));
  feats.push(mix(T.sshape, hSShape));
  // prefixes and suffixes by code point (a key without surrogates is sliced as it is)
  const chars: string[] | null = SURROGATE.test(key) ? Array.from(key) : null;
  const L = chars ? chars.length : key.length;
  let hSuf3 = 0;
  for (let k = 1; k <= 4; k++) {
    if (L > k) {
      feats.push(mix(T.pre[k - 1], hashString(chars ? chars.slice(0, k).join('') : key.slice(0, k))));
      const suf = hashString(chars ? chars.slice(L - k).join('') : key.slice(L - k));
      feats.push(mix(T.suf[k - 1], suf));
      if (k === 3) hSuf3 = suf;
    }
  }
  if (hSuf3 === 0) hSuf3 = hLower;
  let cid = clusters.lookupHash(hLower);
  if (cid < 0 && key.includes('-')) {
    // hyphenated: use the last part's cluster (e.g. pro-Russian -> russian), marked as such
    const parts = key.split('-').filter((p) => p.length > 0);
    const last = parts[parts.length - 1];
    if (last) {
      const c = clusters.lookup(last);
      if (c >= 0) cid = c + 100000;
    }
  }
  let hC2 = 0;
  let hC3 = 0;
  if (cid >= 0) {
    const hy = cid >= 100000 ? 1 : 0;
    const id = cid % 100000;
    feats.push(mix3(T.c1, id >> 7, hy));
    hC2 = mix(id >> 3, hy + 7);
    hC3 = mix(id, hy + 11);
    feats.push(mix(T.c2, hC2));
    feats.push(mix(T.c3, hC3));
    feats.push(mix3(T.c2, hC2, cap));
  } else {
    feats.push(mix(T.nocl, hSShape));
    hC2 = hSShape ^ 0x5bd1e995;
    hC3 = hC2;
  }
  const hasLetter = cap !== CAP_NONE;
  const hasDigit = /\p{N}/u.test(norm);
  const flags =
    cap |
    (hasDigit ? 8 : 0) |
    (norm.includes('-') ? 16 : 0) |
    (norm.includes('.') ? 32 : 0) |
    (norm.includes("'") ? 64 : 0) |
    (!hasLetter && !hasDigit ? 128 : 0);
  feats.push(mix(T.flag, flags));
  feats.push(mix3(T.len, Math.min(L, 10), cap));
  return {
    norm,
    key,
    feats: Uint32Array.from(feats),
    ctx: contextFeatures(hLower, hSShape, hC2, hC3, cap, hSuf3),
    rows: null,
    rowStart: null,
    rowOwner: null,
    sumsAt: -1,
    sumsOwner: null,
    hLower,
    hSShape,
    hSuf3,
    hC2,
    hC3,
    cap,
    hasLetter,
    gazStart: undefined,
    gazOwner: null,
    stats: keyStatsFor(keyStats, hLower),
    heads: pairHeads(hLower, hSShape, hC3),
  };
}

function keyStatsFor(keyStats: Map<number, KeyStats>, hLower: number): KeyStats {
  let st = keyStats.get(hLower);
  if (st === undefined) {
    st = newKeyStats();
    keyStats.set(hLower, st);
  }
  return st;
}
