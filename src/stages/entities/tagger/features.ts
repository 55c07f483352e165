/**
 * Feature extraction. Every feature is a 32-bit hash: word-intrinsic features are computed once
 * per distinct token string (cached), context / conjunction / gazetteer / document features are
 * derived per position by mixing integer hashes, so no feature strings are built at run time.
 */
import { hashString, mix, mix3, template } from './hash.js';
import { normalizeToken, stripDiacritics } from './tokenize.js';
import { WordClusters } from './clusters.js';
import { Gazetteer, gazKey, GazCodes, type GazStart } from './gazetteer.js';
import { NUM_LABELS, O, posOf, typeOf } from './labels.js';

const T = {
  bias: template('bias'),
  w: template('w'),
  raw: template('raw'),
  shape: template('shape'),
  sshape: template('sshape'),
  pre: [template('p1'), template('p2'), template('p3'), template('p4')],
  suf: [template('s1'), template('s2'), template('s3'), template('s4')],
  c1: template('c1'),
  c2: template('c2'),
  c3: template('c3'),
  nocl: template('nocl'),
  flag: template('flag'),
  len: template('len'),
  init: template('init'),
  ctxW: [template('w-2'), template('w-1'), template('w+1'), template('w+2')],
  ctxS: [template('ss-2'), template('ss-1'), template('ss+1'), template('ss+2')],
  ctxC2: [template('c2-2'), template('c2-1'), template('c2+1'), template('c2+2')],
  ctxC3: [template('c3-1'), template('c3+1')],
  ctxCap: [template('cap-1'), template('cap+1')],
  ctxSuf: [template('suf3-1'), template('suf3+1')],
  ww: [template('w-1|w0'), template('w0|w+1')],
  wcl: [template('w-1|c3'), template('c3|w+1')],
  sss: template('ss-1|ss0|ss+1'),
  ss2: [template('ss-1|ss0'), template('ss0|ss+1')],
  hl: template('headline'),
  hlShape: template('headline|shape'),
  hlW: template('headline|w'),
  gz: template('gz'),
  gzCtx: [template('gz-1'), template('gz+1')],
  gzN: template('gz-none'),
  dLc: template('doc-lc'),
  dCap: template('doc-cap'),
  dNoCap: template('doc-nocap'),
  pMaj: template('p1-majority'),
  pMajPos: template('p1-majority-pos'),
  pAny: template('p1-any'),
  pO: template('p1-only-o'),
  pMajW: template('p1-majority|cap'),
};

/** capitalisation class */
export const CAP_LOWER = 0;
export const CAP_INIT = 1;
export const CAP_ALL = 2;
export const CAP_MIXED = 3;
export const CAP_NONE = 4; // no letters

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

/** the templates mixed with one word's hashes, ahead of the conjunctions that need them */
export interface PairHeads {
  /** as the left word of w-1|w0, w-1|c3, ss-1|ss0 and ss-1|ss0|ss+1 */
  ww0: number;
  wcl0: number;
  ss20: number;
  sss: number;
  /** as the centre word of w0|w+1, c3|w+1 and ss0|ss+1 */
  ww1: number;
  wcl1: number;
  ss21: number;
}

function pairHeads(hLower: number, hSShape: number, hC3: number): PairHeads {
  return {
    ww0: mix(T.ww[0], hLower),
    wcl0: mix(T.wcl[0], hLower),
    ss20: mix(T.ss2[0], hSShape),
    sss: mix(T.sss, hSShape),
    ww1: mix(T.ww[1], hLower),
    wcl1: mix(T.wcl[1], hC3),
    ss21: mix(T.ss2[1], hSShape),
  };
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

function charClass(c: string): string {
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  if (lo !== up) return c === up ? 'X' : 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (/\p{N}/u.test(c)) return 'd';
  return c;
}

/** charClass of an ASCII character code */
function asciiClass(c: number): string {
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  return String.fromCharCode(c);
}

const NON_ASCII = /[^\x00-\x7f]/;
const SURROGATE = /[\ud800-\udfff]/;

export function wordShape(w: string): { shape: string; short: string } {
  if (!NON_ASCII.test(w)) {
    let shape = '';
    let short = '';
    let last = '';
    for (let i = 0; i < w.length; i++) {
      const c = asciiClass(w.charCodeAt(i));
      if (i < 12) shape += c;
      if (c !== last) short += c;
      last = c;
    }
    if (w.length > 12) shape += '~';
    return { shape, short };
  }
  let shape = '';
  let short = '';
  let last = '';
  let i = 0;
  for (const ch of w) {
    const c = charClass(ch);
    if (i < 12) shape += c;
    if (c !== last) short += c;
    last = c;
    i++;
  }
  if (i > 12) shape += '~';
  return { shape, short };
}

function capClass(w: string): number {
  if (NON_ASCII.test(w)) return capClassUnicode(w);
  let up = 0;
  let low = 0;
  let firstUp = false;
  let first = true;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      up++;
      if (first) firstUp = true;
      first = false;
    } else if (c >= 97 && c <= 122) {
      low++;
      first = false;
    }
  }
  return capClassOf(up, low, firstUp);
}

function capClassOf(up: number, low: number, firstUp: boolean): number {
  if (up + low === 0) return CAP_NONE;
  if (up === 0) return CAP_LOWER;
  if (low === 0) return up === 1 && firstUp ? CAP_INIT : CAP_ALL;
  if (firstUp && up === 1) return CAP_INIT;
  return CAP_MIXED;
}

function capClassUnicode(w: string): number {
  let up = 0;
  let low = 0;
  let firstUp = false;
  let first = true;
  for (const ch of w) {
    const lo = ch.toLowerCase();
    const u = ch.toUpperCase();
    if (lo !== u) {
      if (ch === u) {
        up++;
        if (first) firstUp = true;
      } else low++;
      first = false;
    }
  }
  return capClassOf(up, low, firstUp);
}

/** maps a feature hash to a weight row, or -1 when the model does not know the feature */
export type Resolver = (h: number) => number;

export interface DocFeatures {
  /** number of tokens in the document */
  n: number;
  /** sentence boundaries: sentence s spans tokens sentStart[s] .. sentStart[s+1] */
  sentStart: Int32Array;
  words: WordInfo[];
  /** resolved base feature rows of token i: rows[featStart[i] .. featStart[i+1]] (unknown ones left out) */
  rows: Int32Array;
  featStart: Int32Array;
  /** whether the position gives no case evidence (sentence-initial, after a quote, headline) */
  caseless: Uint8Array;
}

function contextFeatures(hLower: number, hSShape: number, hC2: number, hC3: number, cap: number, hSuf3: number): Uint32Array[] {
  return [
    Uint32Array.of(mix(T.ctxW[0], hLower), mix(T.ctxS[0], hSShape), mix(T.ctxC2[0], hC2)),
    Uint32Array.of(
      mix(T.ctxW[1], hLower),
      mix(T.ctxS[1], hSShape),
      mix(T.ctxC2[1], hC2),
      mix(T.ctxC3[0], hC3),
      mix(T.ctxCap[0], cap),
      mix(T.ctxSuf[0], hSuf3),
    ),
    Uint32Array.of(
      mix(T.ctxW[2], hLower),
      mix(T.ctxS[2], hSShape),
      mix(T.ctxC2[2], hC2),
      mix(T.ctxC3[1], hC3),
      mix(T.ctxCap[1], cap),
      mix(T.ctxSuf[1], hSuf3),
    ),
    Uint32Array.of(mix(T.ctxW[3], hLower), mix(T.ctxS[3], hSShape), mix(T.ctxC2[3], hC2)),
  ];
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

function newKeyStats(): KeyStats {
  return { doc: -1, lc: 0, cap: 0, labelsDoc: -1, labels: null };
}

/** mix3(t, a, b) for small a and b, computed once */
function table3(t: number, na: number, nb: number): Uint32Array {
  const out = new Uint32Array(na * nb);
  for (let a = 0; a < na; a++) for (let b = 0; b < nb; b++) out[a * nb + b] = mix3(t, a, b);
  return out;
}
/** init: (caseless + 2 * first) x cap */
const INIT = table3(T.init, 4, 5);
/** headline: level (1, 2) x cap, and the level's heads for the shape and word conjunctions */
const HL = table3(T.hl, 3, 5);
const HL_SHAPE = [0, mix(T.hlShape, 1), mix(T.hlShape, 2)];
const HL_WORD = [0, mix(T.hlW, 1), mix(T.hlW, 2)];
const DOC_LC = table3(T.dLc, 2, 2);
const DOC_CAP = Uint32Array.from([0, 1, 2, 3, 4], (c) => mix(T.dCap, c));
const DOC_NOCAP = Uint32Array.from([0, 1, 2, 3, 4], (c) => mix(T.dNoCap, c));
const GZ_NONE = Uint32Array.from([0, 1, 2, 3, 4], (c) => mix(T.gzN, c));

const RECENT_MASK = 2047;

export const BOS_WORD = boundaryWord(0x11);
export const EOS_WORD = boundaryWord(0x22);

/** copy the cached rows of segment `seg` (0 intrinsic, 1..4 as neighbour at -2,-1,+1,+2) */
function copyRows(buf: Int32Array, q: number, w: WordInfo, seg: number): number {
  const rows = w.rows!;
  const st = w.rowStart!;
  for (let k = st[seg]; k < st[seg + 1]; k++) buf[q++] = rows[k];
  return q;
}

export class FeatureExtractor {
  private cache = new Map<string, WordInfo>();
  private recentKeys: (string | undefined)[] = new Array(RECENT_MASK + 1).fill(undefined);
  private recentWords: (WordInfo | undefined)[] = new Array(RECENT_MASK + 1).fill(undefined);
  /** KeyStats per key hash: kept while the word cache is, so every word of a key shares one */
  private keyStats = new Map<number, KeyStats>();
  private docStamp = 0;
  private labelStamp = 0;
  private rowBuf = new Int32Array(4096);
  private tmp: number[] = [];

  constructor(
    readonly clusters: WordClusters,
    readonly gazetteer: Gazetteer,
  ) {}

  word(tok: string): WordInfo {
    // most tokens are a few hundred frequent words: a direct-mapped table in front of the Map
    const slot = (Math.imul(tok.length, 0x9e3779b1) ^ Math.imul(tok.charCodeAt(0), 31) ^ Math.imul(tok.charCodeAt(tok.length - 1), 131)) & RECENT_MASK;
    if (this.recentKeys[slot] === tok) return this.recentWords[slot]!;
    let wi = this.cache.get(tok);
    if (wi === undefined) {
      if (this.cache.size > 50000) this.cache.clear();
      wi = this.computeWord(tok);
      this.cache.set(tok, wi);
    }
    this.recentKeys[slot] = tok;
    this.recentWords[slot] = wi;
    return wi;
  }

  private computeWord(tok: string): WordInfo {
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
    let cid = this.clusters.lookupHash(hLower);
    if (cid < 0 && key.includes('-')) {
      // hyphenated: use the last part's cluster (e.g. pro-Russian -> russian), marked as such
      const parts = key.split('-').filter((p) => p.length > 0);
      const last = parts[parts.length - 1];
      if (last) {
        const c = this.clusters.lookup(last);
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
      stats: this.statsFor(hLower),
      heads: pairHeads(hLower, hSShape, hC3),
    };
  }

  private statsFor(hLower: number): KeyStats {
    let st = this.keyStats.get(hLower);
    if (st === undefined) {
      st = newKeyStats();
      this.keyStats.set(hLower, st);
    }
    return st;
  }

  private gazStart(w: WordInfo): GazStart {
    const gazetteer = this.gazetteer;
    if (w.gazOwner !== gazetteer.generation) {
      w.gazStart = gazetteer.start(w.key);
      w.gazOwner = gazetteer.generation;
    }
    return w.gazStart;
  }

  /** resolved rows of a word's intrinsic and neighbour features (cached) */
  private wordRows(w: WordInfo, resolve: Resolver): void {
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

  /**
   * Extract base features (everything except first-pass predictions) for a document. With
   * `positionalOnly`, the rows hold only position-specific features: the caller adds each
   * word's own and neighbour features (`feats`, `ctx`) itself, as the tagger does from cached sums.
   */
  extractDocument(sentences: string[][], resolve: Resolver, positionalOnly = false): DocFeatures {
    if (this.keyStats.size > 60_000) {
      // only between documents, and with the words that point at them
      this.keyStats.clear();
      this.cache.clear();
      this.recentKeys.fill(undefined);
      this.recentWords.fill(undefined);
    }
    const stamp = ++this.docStamp;
    let n = 0;
    for (const s of sentences) n += s.length;
    const sentStart = new Int32Array(sentences.length + 1);
    const words: WordInfo[] = new Array(n);
    const caseless = new Uint8Array(n);
    let p = 0;
    for (let s = 0; s < sentences.length; s++) {
      sentStart[s] = p;
      for (const tok of sentences[s]) words[p++] = this.word(tok);
    }
    sentStart[sentences.length] = n;

    // headline detection and case-informativeness
    const headline = new Uint8Array(sentences.length);
    for (let s = 0; s < sentences.length; s++) {
      const a = sentStart[s];
      const b = sentStart[s + 1];
      let alpha = 0;
      let caps = 0;
      let allCaps = 0;
      for (let i = a; i < b; i++) {
        const w = words[i];
        if (!w.hasLetter || w.norm.length < 4) continue;
        alpha++;
        if (w.cap !== CAP_LOWER) caps++;
        if (w.cap === CAP_ALL) allCaps++;
      }
      if (alpha >= 2 && allCaps >= 0.8 * alpha) headline[s] = 2;
      else if (alpha >= 3 && caps >= 0.75 * alpha) headline[s] = 1;
      for (let i = a; i < b; i++) {
        let c = headline[s] ? 1 : 0;
        if (i === a) c = 1;
        else {
          const prev = words[i - 1].norm;
          if (prev === '"' || prev === "'" || prev === ':' || prev === '(' || prev === '-' || prev === '--' || prev === '.')
            c = 1;
        }
        caseless[i] = c;
      }
    }

    // document statistics: lower-cased occurrences and case-informative capitalised occurrences
    for (let i = 0; i < n; i++) {
      const w = words[i];
      if (!w.hasLetter) continue;
      const st = w.stats;
      if (st.doc !== stamp) {
        st.doc = stamp;
        st.lc = 0;
        st.cap = 0;
      }
      if (w.cap === CAP_LOWER) st.lc++;
      else if (!caseless[i]) st.cap++;
    }

    // features
    const featStart = new Int32Array(n + 1);
    let buf = this.rowBuf;
    let q = 0;
    const bos = BOS_WORD;
    const eos = EOS_WORD;
    if (!positionalOnly) {
      this.wordRows(bos, resolve);
      this.wordRows(eos, resolve);
    }
    for (let s = 0; s < sentences.length; s++) {
      const a = sentStart[s];
      const b = sentStart[s + 1];
      const keys: string[] = new Array(b - a);
      const norms: string[] = new Array(b - a);
      const starts: GazStart[] = new Array(b - a);
      for (let i = a; i < b; i++) {
        keys[i - a] = words[i].key;
        norms[i - a] = words[i].norm;
        starts[i - a] = this.gazStart(words[i]);
        if (!positionalOnly) this.wordRows(words[i], resolve);
      }
      const gz: GazCodes = this.gazetteer.match(keys, norms, starts);
      const hl = headline[s];
      for (let i = a; i < b; i++) {
        featStart[i] = q;
        const w = words[i];
        const wm2 = i - 2 >= a ? words[i - 2] : bos;
        const wm1 = i - 1 >= a ? words[i - 1] : bos;
        const wp1 = i + 1 < b ? words[i + 1] : eos;
        const wp2 = i + 2 < b ? words[i + 2] : eos;
        if (q + 512 > buf.length) {
          const nb = new Int32Array(buf.length * 2 + 1024);
          nb.set(buf.subarray(0, q));
          buf = nb;
        }
        // cached word-level rows: own intrinsic features and the neighbours' context features
        // (left out when the caller adds the words' cached weight sums itself)
        if (!positionalOnly) {
          q = copyRows(buf, q, w, 0);
          q = copyRows(buf, q, wm2, 1);
          q = copyRows(buf, q, wm1, 2);
          q = copyRows(buf, q, wp1, 3);
          q = copyRows(buf, q, wp2, 4);
        }
        // position-specific features
        const h: number[] = this.tmp;
        h.length = 0;
        const first = i === a;
        h.push(INIT[(caseless[i] + (first ? 2 : 0)) * 5 + w.cap]);
        const hp1 = wp1.hLower;
        const sp1 = wp1.hSShape;
        // mix3(t, x, y) = mix(mix(t, x), y): the words' heads hold mix(t, x)
        const left = wm1.heads;
        const own = w.heads;
        h.push(mix(left.ww0, w.hLower));
        h.push(mix(own.ww1, hp1));
        h.push(mix(left.wcl0, w.hC3));
        h.push(mix(own.wcl1, hp1));
        h.push(mix(mix(left.sss, w.hSShape), sp1));
        h.push(mix(left.ss20, w.hSShape));
        h.push(mix(own.ss21, sp1));
        if (hl) {
          h.push(HL[hl * 5 + w.cap]);
          h.push(mix(HL_SHAPE[hl], w.hSShape));
          h.push(mix(HL_WORD[hl], w.hLower));
        }
        // gazetteers
        const g = gz[i - a];
        if (g.length === 0) h.push(GZ_NONE[w.cap]);
        for (const code of g) {
          const hg = mix(T.gz, code);
          h.push(hg);
          h.push(mix(hg, w.cap === CAP_LOWER ? 0 : 1));
        }
        if (i - 1 >= a) for (const code of gz[i - 1 - a]) h.push(mix(T.gzCtx[0], code));
        if (i + 1 < b) for (const code of gz[i + 1 - a]) h.push(mix(T.gzCtx[1], code));
        // document surface features
        if (w.hasLetter && w.cap !== CAP_LOWER) {
          const lc = w.stats.lc;
          const cc = w.stats.cap - (caseless[i] ? 0 : 1);
          if (lc > 0) h.push(DOC_LC[caseless[i] * 2 + (cc > 0 ? 1 : 0)]);
          if (caseless[i]) h.push(cc > 0 ? DOC_CAP[w.cap] : DOC_NOCAP[w.cap]);
        }
        if (q + h.length > buf.length) {
          const nb = new Int32Array(buf.length * 2 + h.length);
          nb.set(buf.subarray(0, q));
          buf = nb;
        }
        for (let k = 0; k < h.length; k++) {
          const r = resolve(h[k]);
          if (r >= 0) buf[q++] = r;
        }
      }
    }
    featStart[n] = q;
    this.rowBuf = buf;
    return { n, sentStart, words, rows: buf.slice(0, q), featStart, caseless };
  }

  /**
   * Features from first-pass labels of the other occurrences of the same word in the document.
   * Returns hashes per token in a flat array with offsets.
   */
  predictionFeatures(doc: DocFeatures, labels: Uint8Array): { feats: Uint32Array; start: Int32Array } {
    const n = doc.n;
    // counts per key: [17 label counts]
    const stamp = ++this.labelStamp;
    for (let i = 0; i < n; i++) {
      const w = doc.words[i];
      if (!w.hasLetter || w.cap === CAP_LOWER) continue;
      const st = w.stats;
      if (st.labelsDoc !== stamp) {
        st.labelsDoc = stamp;
        if (st.labels) st.labels.fill(0);
        else st.labels = new Int32Array(NUM_LABELS);
      }
      st.labels![labels[i]]++;
    }
    const out: number[] = [];
    const start = new Int32Array(n + 1);
    const typeCount = new Int32Array(4);
    for (let i = 0; i < n; i++) {
      start[i] = out.length;
      const w = doc.words[i];
      if (!w.hasLetter || w.cap === CAP_LOWER) continue;
      const c = w.stats.labels!;
      typeCount.fill(0);
      let ent = 0;
      let bestL = -1;
      let bestLc = 0;
      for (let l = 1; l < NUM_LABELS; l++) {
        let k = c[l];
        if (l === labels[i]) k--;
        if (k <= 0) continue;
        typeCount[typeOf(l)] += k;
        ent += k;
        if (k > bestLc) {
          bestLc = k;
          bestL = l;
        }
      }
      const oCount = c[O] - (labels[i] === O ? 1 : 0);
      if (ent > 0) {
        let bt = 0;
        for (let t = 1; t < 4; t++) if (typeCount[t] > typeCount[bt]) bt = t;
        const share = ent >= oCount ? 1 : 0;
        out.push(mix3(T.pMaj, bt, share));
        out.push(mix3(T.pMajW, bt, w.cap + 8 * doc.caseless[i]));
        out.push(mix3(T.pMajPos, posOf(bestL), bt));
        for (let t = 0; t < 4; t++) if (typeCount[t] > 0) out.push(mix(T.pAny, t));
      } else if (oCount > 0) {
        out.push(mix(T.pO, doc.caseless[i]));
      }
    }
    start[n] = out.length;
    return { feats: Uint32Array.from(out), start };
  }
}

export { gazKey };
