/**
 * First-order Viterbi decoding over BILOU labels with hard constraints (no I-/L- after O, no type
 * change inside an entity, entities closed at the sentence end).
 *
 * Transition weights: trans[(prev) * L + cur] for prev in 0..L-1, row L = sentence start,
 * row L+1 = "to sentence end" (trans[(L+1)*L + last]).
 */
import { ALLOWED, ALLOWED_END, ALLOWED_START, NUM_LABELS } from './labels.js';

const L = NUM_LABELS;
export const TRANS_SIZE = (L + 2) * L;
export const START_ROW = L;
export const END_ROW = L + 1;

/** for each label, the list of labels allowed before it */
const PREVS: Int32Array[] = [];
for (let cur = 0; cur < L; cur++) {
  const p: number[] = [];
  for (let prev = 0; prev < L; prev++) if (ALLOWED[prev * L + cur]) p.push(prev);
  PREVS.push(Int32Array.from(p));
}

let backBuf = new Uint8Array(1024 * L);
const deltaA = new Float64Array(L);
const deltaB = new Float64Array(L);

/**
 * Decode one sentence. `emit` holds n*L emission scores starting at `emitOffset`; the best label
 * sequence is written to out[outOffset .. outOffset+n]. `scale` multiplies emissions (for
 * quantised weights).
 */
export function viterbi(
  emit: ArrayLike<number>,
  emitOffset: number,
  n: number,
  trans: ArrayLike<number>,
  out: Uint8Array,
  outOffset: number,
): void {
  if (n === 0) return;
  if (backBuf.length < n * L) backBuf = new Uint8Array(n * L * 2);
  const back = backBuf;
  let prev = deltaA;
  let cur = deltaB;
  for (let l = 0; l < L; l++) {
    prev[l] = ALLOWED_START[l] ? trans[START_ROW * L + l] + emit[emitOffset + l] : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    const eo = emitOffset + t * L;
    for (let c = 0; c < L; c++) {
      const ps = PREVS[c];
      let best = -Infinity;
      let arg = ps[0];
      for (let k = 0; k < ps.length; k++) {
        const p = ps[k];
        const s = prev[p] + trans[p * L + c];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[c] = best + emit[eo + c];
      back[t * L + c] = arg;
    }
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  let best = -Infinity;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    if (!ALLOWED_END[l]) continue;
    const s = prev[l] + trans[END_ROW * L + l];
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  out[outOffset + n - 1] = arg;
  for (let t = n - 1; t > 0; t--) {
    arg = back[t * L + arg];
    out[outOffset + t - 1] = arg;
  }
}
