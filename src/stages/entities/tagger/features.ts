/**
 * Feature extraction for a document. Every feature is a 32-bit hash: word-intrinsic features
 * are computed once per distinct token string (word-info.ts, cached by word-cache.ts), context /
 * conjunction / gazetteer / document features are derived per position by mixing integer
 * hashes, so no feature strings are built at run time. This file is the per-document driver;
 * its inner loop stays here, in one function, because it runs for every token.
 */
import { mix } from './hash.js';
import type { WordClusters } from './clusters.js';
import type { Gazetteer, GazCodes, GazStart } from './gazetteer.js';
import { T, INIT, HL, HL_SHAPE, HL_WORD, DOC_LC, DOC_CAP, DOC_NOCAP, GZ_NONE } from './templates.js';
import { CAP_LOWER } from './word-shape.js';
import { BOS_WORD, EOS_WORD, type WordInfo } from './word-info.js';
import { WordCache, copyRows, gazStartOf, resolveWordRows, type Resolver } from './word-cache.js';
import { countCaseStats, markCaseless, predictionFeatures } from './document-stats.js';

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

export class FeatureExtractor {
  private wordCache: WordCache;
  private docStamp = 0;
  private labelStamp = 0;
  private rowBuf = new Int32Array(4096);
  private tmp: number[] = [];

  constructor(
    readonly clusters: WordClusters,
    readonly gazetteer: Gazetteer,
  ) {
    this.wordCache = new WordCache(clusters);
  }

  /**
   * Extract base features (everything except first-pass predictions) for a document. With
   * `positionalOnly`, the rows hold only position-specific features: the caller adds each
   * word's own and neighbour features (`feats`, `ctx`) itself, as the tagger does from cached sums.
   */
  extractDocument(sentences: string[][], resolve: Resolver, positionalOnly = false): DocFeatures {
    const cache = this.wordCache;
    cache.trimBetweenDocuments();
    const stamp = ++this.docStamp;
    let n = 0;
    for (const s of sentences) n += s.length;
    const sentStart = new Int32Array(sentences.length + 1);
    const words: WordInfo[] = new Array(n);
    const caseless = new Uint8Array(n);
    let p = 0;
    for (let s = 0; s < sentences.length; s++) {
      sentStart[s] = p;
      for (const tok of sentences[s]) words[p++] = cache.word(tok);
    }
    sentStart[sentences.length] = n;

    const headline = markCaseless(sentStart, words, caseless);
    countCaseStats(words, caseless, stamp);

    // features
    const featStart = new Int32Array(n + 1);
    let buf = this.rowBuf;
    let q = 0;
    const bos = BOS_WORD;
    const eos = EOS_WORD;
    if (!positionalOnly) {
      resolveWordRows(bos, resolve);
      resolveWordRows(eos, resolve);
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
        starts[i - a] = gazStartOf(words[i], this.gazetteer);
        if (!positionalOnly) resolveWordRows(words[i], resolve);
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

  /** features from the first-pass labels of the other occurrences of each word (document-stats.ts) */
  predictionFeatures(doc: DocFeatures, labels: Uint8Array): { feats: Uint32Array; start: Int32Array } {
    return predictionFeatures(doc.words, doc.caseless, labels, ++this.labelStamp);
  }
}
