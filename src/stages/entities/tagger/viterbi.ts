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

/** labels that can begin a segment (O, B-x, U-x) and labels that close one (O, L-x, U-x) */
const OPENERS = Int32Array.from([0, 1, 4, 5, 8, 9, 12, 13, 16]);
const CLOSERS = Int32Array.from([0, 3, 4, 7, 8, 11, 12, 15, 16]); // unrolled in viterbi() below
for (let c = 0; c < L; c++) {
  // sanity: the specialised recursion below must match the constraint table
  const opener = OPENERS.includes(c);
  for (let p = 0; p < L; p++) {
    const ty = (c - 1) >> 2;
    const ok = opener ? CLOSERS.includes(p) : p === 1 + 4 * ty || p === 2 + 4 * ty;
    if (ok !== (ALLOWED[p * L + c] === 1)) throw new Error(`viterbi: constraint table mismatch at ${p}->${c}`);
  }
}

let backBuf = new Uint8Array(1024 * L);
const deltaA = new Float64Array(L);
const deltaB = new Float64Array(L);
/** trans[CLOSERS[k] * L + OPENERS[ci]] at [ci * CLOSERS.length + k], so that the inner loop below reads memory in order */
const openerTrans = new Float64Array(OPENERS.length * CLOSERS.length);

/** gathered on every call: training updates the transition table in place */
function gatherOpenerTrans(trans: ArrayLike<number>): void {
  for (let ci = 0; ci < OPENERS.length; ci++) {
    for (let k = 0; k < CLOSERS.length; k++) openerTrans[ci * CLOSERS.length + k] = trans[CLOSERS[k] * L + OPENERS[ci]];
  }
}

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
  gatherOpenerTrans(trans);
  const nc = CLOSERS.length;
  for (let t = 1; t < n; t++) {
    const eo = emitOffset + t * L;
    const bo = t * L;
    // labels that may start here (O, B-x, U-x) follow a closed label (O, L-x, U-x); the nine
    // closed labels' scores are held in locals and the max unrolled, the hot loop of decoding
    const c0 = prev[0], c1 = prev[3], c2 = prev[4], c3 = prev[7], c4 = prev[8], c5 = prev[11], c6 = prev[12], c7 = prev[15], c8 = prev[16];
    for (let ci = 0; ci < OPENERS.length; ci++) {
      const c = OPENERS[ci];
      const to = ci * nc;
      let best = -Infinity;
      let arg = 0;
      let s = c0 + openerTrans[to];
      if (s > best) { best = s; arg = 0; }
      s = c1 + openerTrans[to + 1];
      if (s > best) { best = s; arg = 3; }
      s = c2 + openerTrans[to + 2];
      if (s > best) { best = s; arg = 4; }
      s = c3 + openerTrans[to + 3];
      if (s > best) { best = s; arg = 7; }
      s = c4 + openerTrans[to + 4];
      if (s > best) { best = s; arg = 8; }
      s = c5 + openerTrans[to + 5];
      if (s > best) { best = s; arg = 11; }
      s = c6 + openerTrans[to + 6];
      if (s > best) { best = s; arg = 12; }
      s = c7 + openerTrans[to + 7];
      if (s > best) { best = s; arg = 15; }
      s = c8 + openerTrans[to + 8];
      if (s > best) { best = s; arg = 16; }
      cur[c] = best + emit[eo + c];
      back[bo + c] = arg;
    }
    // I-x and L-x follow B-x or I-x
    for (let ty = 0; ty < 4; ty++) {
      const bl = 1 + ty * 4;
      const il = bl + 1;
      const ll = bl + 2;
      const pb = prev[bl];
      const pi = prev[il];
      let s1 = pb + trans[bl * L + il];
      let s2 = pi + trans[il * L + il];
      if (s1 >= s2) {
        cur[il] = s1 + emit[eo + il];
        back[bo + il] = bl;
      } else {
        cur[il] = s2 + emit[eo + il];
        back[bo + il] = il;
      }
      s1 = pb + trans[bl * L + ll];
      s2 = pi + trans[il * L + ll];
      if (s1 >= s2) {
        cur[ll] = s1 + emit[eo + ll];
        back[bo + ll] = bl;
      } else {
        cur[ll] = s2 + emit[eo + ll];
        back[bo + ll] = il;
      }
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
