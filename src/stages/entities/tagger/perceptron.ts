/**
 * Structured averaged perceptron (Collins 2002) over dense feature rows: each feature row holds
 * one weight per label in a Float32Array; averaging uses the "w - u/c" trick with u in float64.
 */
import { NUM_LABELS } from './labels.js';
import { viterbi, TRANS_SIZE, START_ROW, END_ROW } from './viterbi.js';
import { mulberry32 } from './clusters.js';

const L = NUM_LABELS;

/** a training sequence: feature rows of token i are rows[start[i] .. start[i+1]] */
export interface TrainSeq {
  rows: Int32Array;
  start: Int32Array;
  gold: Uint8Array;
}

export interface PerceptronWeights {
  /** numRows x L */
  w: Float32Array;
  trans: Float32Array;
}

/** Accumulate emission scores of a sequence into `emit` (n x L). */
export function scoreSeq(seq: { rows: Int32Array; start: Int32Array }, w: Float32Array, emit: Float32Array): void {
  const n = seq.start.length - 1;
  emit.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const eo = i * L;
    for (let k = seq.start[i]; k < seq.start[i + 1]; k++) {
      const r = seq.rows[k];
      if (r < 0) continue;
      const ro = r * L;
      for (let l = 0; l < L; l++) emit[eo + l] += w[ro + l];
    }
  }
}

export class PerceptronTrainer {
  readonly w: Float32Array;
  private u: Float64Array;
  readonly trans: Float32Array;
  private transU: Float64Array;
  private c = 1;

  constructor(readonly numRows: number) {
    this.w = new Float32Array(numRows * L);
    this.u = new Float64Array(numRows * L);
    this.trans = new Float32Array(TRANS_SIZE);
    this.transU = new Float64Array(TRANS_SIZE);
  }

  private upd(r: number, label: number, d: number): void {
    const i = r * L + label;
    this.w[i] += d;
    this.u[i] += this.c * d;
  }

  private updT(i: number, d: number): void {
    this.trans[i] += d;
    this.transU[i] += this.c * d;
  }

  /**
   * Train for `epochs` passes over `seqs` in a seeded random order.
   * Returns the number of token errors per epoch.
   */
  train(seqs: TrainSeq[], epochs: number, seed: number, log?: (s: string) => void): number[] {
    const rand = mulberry32(seed);
    const order = seqs.map((_, i) => i);
    let maxN = 1;
    for (const s of seqs) maxN = Math.max(maxN, s.gold.length);
    const emit = new Float32Array(maxN * L);
    const pred = new Uint8Array(maxN);
    const errs: number[] = [];
    for (let ep = 0; ep < epochs; ep++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      let errors = 0;
      let tokens = 0;
      for (const si of order) {
        const s = seqs[si];
        const n = s.gold.length;
        tokens += n;
        if (n === 0) continue;
        scoreSeq(s, this.w, emit);
        viterbi(emit, 0, n, this.trans, pred, 0);
        let wrong = false;
        for (let i = 0; i < n; i++) if (pred[i] !== s.gold[i]) wrong = true;
        if (wrong) {
          for (let i = 0; i < n; i++) {
            const g = s.gold[i];
            const p = pred[i];
            if (g !== p) {
              errors++;
              for (let k = s.start[i]; k < s.start[i + 1]; k++) {
                const r = s.rows[k];
                if (r < 0) continue;
                this.upd(r, g, 1);
                this.upd(r, p, -1);
              }
            }
            const gp = i === 0 ? START_ROW : s.gold[i - 1];
            const pp = i === 0 ? START_ROW : pred[i - 1];
            if (gp !== pp || g !== p) {
              this.updT(gp * L + g, 1);
              this.updT(pp * L + p, -1);
            }
          }
          const gl = s.gold[n - 1];
          const pl = pred[n - 1];
          if (gl !== pl) {
            this.updT(END_ROW * L + gl, 1);
            this.updT(END_ROW * L + pl, -1);
          }
        }
        this.c++;
      }
      errs.push(errors);
      log?.(`  epoch ${ep + 1}/${epochs}: ${errors} token errors / ${tokens} (${((100 * errors) / tokens).toFixed(2)}%)`);
    }
    return errs;
  }

  /** averaged weights */
  averaged(): PerceptronWeights {
    const w = new Float32Array(this.w.length);
    const c = this.c;
    for (let i = 0; i < w.length; i++) w[i] = this.w[i] - this.u[i] / c;
    const trans = new Float32Array(TRANS_SIZE);
    for (let i = 0; i < TRANS_SIZE; i++) trans[i] = this.trans[i] - this.transU[i] / c;
    return { w, trans };
  }
}

/** decode sequences with fixed weights */
export function predictSeqs(seqs: { rows: Int32Array; start: Int32Array }[], wt: PerceptronWeights): Uint8Array[] {
  let maxN = 1;
  for (const s of seqs) maxN = Math.max(maxN, s.start.length - 1);
  const emit = new Float32Array(maxN * L);
  return seqs.map((s) => {
    const n = s.start.length - 1;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    scoreSeq(s, wt.w, emit);
    viterbi(emit, 0, n, wt.trans, out, 0);
    return out;
  });
}
