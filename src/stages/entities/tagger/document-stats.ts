/**
 * Document-level evidence: which sentences are headlines and which positions say nothing about
 * case, how often each key is seen lower-cased or capitalised where case is informative, and
 * the features drawn from the first pass's labels of the other occurrences of a word. Counts
 * live on the words' shared KeyStats, valid for the document whose stamp they carry.
 */
import { mix, mix3 } from './hash.js';
import { NUM_LABELS, O, posOf, typeOf } from './labels.js';
import { T } from './templates.js';
import { CAP_ALL, CAP_LOWER } from './word-shape.js';
import type { WordInfo } from './word-info.js';

/**
 * Headline level per sentence (2 mostly upper case, 1 mostly capitalised, 0 running text),
 * and `caseless[i]` = 1 where position i gives no case evidence (sentence-initial, after a
 * quote or colon, in a headline).
 */
export function markCaseless(sentStart: Int32Array, words: WordInfo[], caseless: Uint8Array): Uint8Array {
  const nSent = sentStart.length - 1;
  const headline = new Uint8Array(nSent);
  for (let s = 0; s < nSent; s++) {
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
  return headline;
}

/** count, per key, the lower-cased occurrences and the capitalised ones where case is informative */
export function countCaseStats(words: WordInfo[], caseless: Uint8Array, stamp: number): void {
  const n = words.length;
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
}

/**
 * Features from first-pass labels of the other occurrences of the same word in the document.
 * Returns hashes per token in a flat array with offsets.
 */
export function predictionFeatures(words: WordInfo[], caseless: Uint8Array, labels: Uint8Array, stamp: number): { feats: Uint32Array; start: Int32Array } {
  const n = words.length;
  // counts per key: [17 label counts]
  for (let i = 0; i < n; i++) {
    const w = words[i];
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
    const w = words[i];
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
      out.push(mix3(T.pMajW, bt, w.cap + 8 * caseless[i]));
      out.push(mix3(T.pMajPos, posOf(bestL), bt));
      for (let t = 0; t < 4; t++) if (typeCount[t] > 0) out.push(mix(T.pAny, t));
    } else if (oCount > 0) {
      out.push(mix(T.pO, caseless[i]));
    }
  }
  start[n] = out.length;
  return { feats: Uint32Array.from(out), start };
}
