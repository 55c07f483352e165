/**
 * Feature templates: the id of every feature family, and the parts of conjunctions that can be
 * mixed ahead of time (per word, or as small tables over classes). The model's weights are
 * keyed by these hashes, so renaming a template here invalidates data/ner/model.bin.gz.
 */
import { mix, mix3, template } from './hash.js';

export const T = {
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

export function pairHeads(hLower: number, hSShape: number, hC3: number): PairHeads {
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

/** the features a word contributes as the neighbour at -2, -1, +1, +2 */
export function contextFeatures(hLower: number, hSShape: number, hC2: number, hC3: number, cap: number, hSuf3: number): Uint32Array[] {
  // s: slot in the four-offset templates; side: slot in the two-offset (-1, +1) ones
  const far = (s: number) => Uint32Array.of(mix(T.ctxW[s], hLower), mix(T.ctxS[s], hSShape), mix(T.ctxC2[s], hC2));
  const near = (s: number, side: number) =>
    Uint32Array.of(
      mix(T.ctxW[s], hLower),
      mix(T.ctxS[s], hSShape),
      mix(T.ctxC2[s], hC2),
      mix(T.ctxC3[side], hC3),
      mix(T.ctxCap[side], cap),
      mix(T.ctxSuf[side], hSuf3),
    );
  return [far(0), near(1, 0), near(2, 1), far(3)];
}

/** mix3(t, a, b) for small a and b, computed once */
function table3(t: number, na: number, nb: number): Uint32Array {
  const out = new Uint32Array(na * nb);
  for (let a = 0; a < na; a++) for (let b = 0; b < nb; b++) out[a * nb + b] = mix3(t, a, b);
  return out;
}
/** init: (caseless + 2 * first) x cap */
export const INIT = table3(T.init, 4, 5);
/** headline: level (1, 2) x cap, and the level's heads for the shape and word conjunctions */
export const HL = table3(T.hl, 3, 5);
export const HL_SHAPE = [0, mix(T.hlShape, 1), mix(T.hlShape, 2)];
export const HL_WORD = [0, mix(T.hlW, 1), mix(T.hlW, 2)];
export const DOC_LC = table3(T.dLc, 2, 2);
export const DOC_CAP = Uint32Array.from([0, 1, 2, 3, 4], (c) => mix(T.dCap, c));
export const DOC_NOCAP = Uint32Array.from([0, 1, 2, 3, 4], (c) => mix(T.dNoCap, c));
export const GZ_NONE = Uint32Array.from([0, 1, 2, 3, 4], (c) => mix(T.gzN, c));
