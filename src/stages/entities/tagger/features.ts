/**
 * Feature extraction. Every feature is a 32-bit hash: word-intrinsic features are computed once
 * per distinct token string (cached), context / conjunction / gazetteer / document features are
 * derived per position by mixing integer hashes, so no feature strings are built at run time.
 */
import { hashString, mix, mix3, template } from './hash.js';
import { normalizeToken, stripDiacritics } from './tokenize.js';
import { WordClusters } from './clusters.js';
import { Gazetteer, gazKey, GazCodes } from './gazetteer.js';
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
  pSelf: template('p1-self'),
};

/** capitalisation class */
export const CAP_LOWER = 0;
export const CAP_INIT = 1;
export const CAP_ALL = 2;
export const CAP_MIXED = 3;
export const CAP_NONE = 4; // no letters

export interface WordInfo {
  norm: string;
  /** lower-cased, diacritics stripped: key for document statistics and gazetteers */
  key: string;
  feats: Uint32Array;
  hLower: number;
  hSShape: number;
  hSuf3: number;
  hC2: number;
  hC3: number;
  cap: number;
  hasLetter: boolean;
}

function charClass(c: string): string {
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  if (lo !== up) return c === up ? 'X' : 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (/\p{N}/u.test(c)) return 'd';
  return c;
}

export function wordShape(w: string): { shape: string; short: string } {
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
  if (up + low === 0) return CAP_NONE;
  if (up === 0) return CAP_LOWER;
  if (low === 0) return up === 1 && firstUp ? CAP_INIT : CAP_ALL;
  if (firstUp && up === 1) return CAP_INIT;
  return CAP_MIXED;
}

export interface DocFeatures {
  /** number of tokens in the document */
  n: number;
  /** sentence boundaries: sentence s spans tokens sentStart[s] .. sentStart[s+1] */
  sentStart: Int32Array;
  words: WordInfo[];
  /** base feature hashes of token i: feats[featStart[i] .. featStart[i+1]] */
  feats: Uint32Array;
  featStart: Int32Array;
  /** whether the position gives no case evidence (sentence-initial, after a quote, headline) */
  caseless: Uint8Array;
}

export class FeatureExtractor {
  private cache = new Map<string, WordInfo>();
  private buf = new Uint32Array(4096);

  constructor(
    readonly clusters: WordClusters,
    readonly gazetteer: Gazetteer,
  ) {}

  word(tok: string): WordInfo {
    let wi = this.cache.get(tok);
    if (wi !== undefined) return wi;
    if (this.cache.size > 200000) this.cache.clear();
    wi = this.computeWord(tok);
    this.cache.set(tok, wi);
    return wi;
  }

  private computeWord(tok: string): WordInfo {
    const norm = normalizeToken(tok);
    const lower = norm.toLowerCase();
    const key = /^[\x00-\x7f]*$/.test(lower) ? lower : stripDiacritics(lower);
    const { shape, short } = wordShape(norm);
    const cap = capClass(norm);
    const feats: number[] = [];
    const hLower = hashString(key);
    feats.push(mix(T.w, hLower));
    feats.push(mix(T.raw, hashString(norm)));
    const hShape = hashString(shape);
    const hSShape = hashString(short);
    feats.push(mix(T.shape, hShape));
    feats.push(mix(T.sshape, hSShape));
    const chars = Array.from(key);
    const L = chars.length;
    let hSuf3 = 0;
    for (let k = 1; k <= 4; k++) {
      if (L > k) {
        feats.push(mix(T.pre[k - 1], hashString(chars.slice(0, k).join(''))));
        const suf = hashString(chars.slice(L - k).join(''));
        feats.push(mix(T.suf[k - 1], suf));
        if (k === 3) hSuf3 = suf;
      }
    }
    if (hSuf3 === 0) hSuf3 = hLower;
    let cid = this.clusters.lookup(key);
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
      hLower,
      hSShape,
      hSuf3,
      hC2,
      hC3,
      cap,
      hasLetter,
    };
  }

  /** Extract base features (everything except first-pass predictions) for a document. */
  extractDocument(sentences: string[][]): DocFeatures {
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
    const lcCount = new Map<string, number>();
    const capCount = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const w = words[i];
      if (!w.hasLetter) continue;
      if (w.cap === CAP_LOWER) lcCount.set(w.key, (lcCount.get(w.key) ?? 0) + 1);
      else if (!caseless[i]) capCount.set(w.key, (capCount.get(w.key) ?? 0) + 1);
    }

    // features
    const featStart = new Int32Array(n + 1);
    let buf = this.buf;
    let q = 0;
    const push = (h: number) => {
      if (q >= buf.length) {
        const nb = new Uint32Array(buf.length * 2);
        nb.set(buf);
        buf = nb;
      }
      buf[q++] = h;
    };
    for (let s = 0; s < sentences.length; s++) {
      const a = sentStart[s];
      const b = sentStart[s + 1];
      const keys: string[] = [];
      const norms: string[] = [];
      for (let i = a; i < b; i++) {
        keys.push(words[i].key);
        norms.push(words[i].norm);
      }
      const gz: GazCodes = this.gazetteer.match(keys, norms);
      const hl = headline[s];
      for (let i = a; i < b; i++) {
        featStart[i] = q;
        const w = words[i];
        push(T.bias);
        for (let k = 0; k < w.feats.length; k++) push(w.feats[k]);
        const first = i === a;
        push(mix3(T.init, caseless[i] + (first ? 2 : 0), w.cap));
        // context words
        const wm2 = i - 2 >= a ? words[i - 2] : null;
        const wm1 = i - 1 >= a ? words[i - 1] : null;
        const wp1 = i + 1 < b ? words[i + 1] : null;
        const wp2 = i + 2 < b ? words[i + 2] : null;
        const hm2 = wm2 ? wm2.hLower : 0x11;
        const hm1 = wm1 ? wm1.hLower : 0x11;
        const hp1 = wp1 ? wp1.hLower : 0x22;
        const hp2 = wp2 ? wp2.hLower : 0x22;
        push(mix(T.ctxW[0], hm2));
        push(mix(T.ctxW[1], hm1));
        push(mix(T.ctxW[2], hp1));
        push(mix(T.ctxW[3], hp2));
        const sm2 = wm2 ? wm2.hSShape : 0x11;
        const sm1 = wm1 ? wm1.hSShape : 0x11;
        const sp1 = wp1 ? wp1.hSShape : 0x22;
        const sp2 = wp2 ? wp2.hSShape : 0x22;
        push(mix(T.ctxS[0], sm2));
        push(mix(T.ctxS[1], sm1));
        push(mix(T.ctxS[2], sp1));
        push(mix(T.ctxS[3], sp2));
        push(mix(T.ctxC2[0], wm2 ? wm2.hC2 : 0x11));
        push(mix(T.ctxC2[1], wm1 ? wm1.hC2 : 0x11));
        push(mix(T.ctxC2[2], wp1 ? wp1.hC2 : 0x22));
        push(mix(T.ctxC2[3], wp2 ? wp2.hC2 : 0x22));
        push(mix(T.ctxC3[0], wm1 ? wm1.hC3 : 0x11));
        push(mix(T.ctxC3[1], wp1 ? wp1.hC3 : 0x22));
        push(mix(T.ctxCap[0], wm1 ? wm1.cap : 9));
        push(mix(T.ctxCap[1], wp1 ? wp1.cap : 9));
        push(mix(T.ctxSuf[0], wm1 ? wm1.hSuf3 : 0x11));
        push(mix(T.ctxSuf[1], wp1 ? wp1.hSuf3 : 0x22));
        push(mix3(T.ww[0], hm1, w.hLower));
        push(mix3(T.ww[1], w.hLower, hp1));
        push(mix3(T.wcl[0], hm1, w.hC3));
        push(mix3(T.wcl[1], w.hC3, hp1));
        push(mix(mix3(T.sss, sm1, w.hSShape), sp1));
        push(mix3(T.ss2[0], sm1, w.hSShape));
        push(mix3(T.ss2[1], w.hSShape, sp1));
        if (hl) {
          push(mix3(T.hl, hl, w.cap));
          push(mix3(T.hlShape, hl, w.hSShape));
          push(mix3(T.hlW, hl, w.hLower));
        }
        // gazetteers
        const g = gz[i - a];
        if (g.length === 0) push(mix(T.gzN, w.cap));
        for (const code of g) {
          push(mix(T.gz, code));
          push(mix3(T.gz, code, w.cap === CAP_LOWER ? 0 : 1));
        }
        if (i - 1 >= a) for (const code of gz[i - 1 - a]) push(mix(T.gzCtx[0], code));
        if (i + 1 < b) for (const code of gz[i + 1 - a]) push(mix(T.gzCtx[1], code));
        // document surface features
        if (w.hasLetter && w.cap !== CAP_LOWER) {
          const lc = lcCount.get(w.key) ?? 0;
          const cc = (capCount.get(w.key) ?? 0) - (caseless[i] ? 0 : 1);
          if (lc > 0) push(mix3(T.dLc, caseless[i], cc > 0 ? 1 : 0));
          if (caseless[i]) push(cc > 0 ? mix(T.dCap, w.cap) : mix(T.dNoCap, w.cap));
        }
      }
    }
    featStart[n] = q;
    this.buf = buf;
    return { n, sentStart, words, feats: buf.slice(0, q), featStart, caseless };
  }

  /**
   * Features from first-pass labels of the other occurrences of the same word in the document.
   * Returns hashes per token in a flat array with offsets.
   */
  predictionFeatures(doc: DocFeatures, labels: Uint8Array): { feats: Uint32Array; start: Int32Array } {
    const n = doc.n;
    // counts per key: [17 label counts]
    const counts = new Map<string, Int32Array>();
    for (let i = 0; i < n; i++) {
      const w = doc.words[i];
      if (!w.hasLetter || w.cap === CAP_LOWER) continue;
      let c = counts.get(w.key);
      if (!c) {
        c = new Int32Array(NUM_LABELS);
        counts.set(w.key, c);
      }
      c[labels[i]]++;
    }
    const out: number[] = [];
    const start = new Int32Array(n + 1);
    const typeCount = new Int32Array(4);
    for (let i = 0; i < n; i++) {
      start[i] = out.length;
      const w = doc.words[i];
      if (!w.hasLetter || w.cap === CAP_LOWER) continue;
      const c = counts.get(w.key)!;
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
