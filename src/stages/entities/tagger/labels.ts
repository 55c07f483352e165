/**
 * BILOU label set: O plus {B,I,L,U} x {PER,ORG,LOC,MISC} = 17 labels.
 * label = 0 for O, else 1 + type*4 + pos with pos B=0 I=1 L=2 U=3.
 */

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const NER_TYPES: readonly NerLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];
export const NUM_LABELS = 17;
export const O = 0;
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;

export interface NerSpanByToken {
  startToken: number;
  /** exclusive */
  endToken: number;
  label: NerLabel;
}

export function labelOf(type: number, pos: number): number {
  return 1 + type * 4 + pos;
}
export function typeOf(label: number): number {
  return label === 0 ? -1 : ((label - 1) >> 2);
}
export function posOf(label: number): number {
  return label === 0 ? -1 : ((label - 1) & 3);
}

export const LABEL_NAMES: string[] = ['O'];
for (const t of NER_TYPES) for (const p of ['B', 'I', 'L', 'U']) LABEL_NAMES.push(`${p}-${t}`);

/** allowed[prev * NUM_LABELS + cur] */
export const ALLOWED = new Uint8Array(NUM_LABELS * NUM_LABELS);
/** labels allowed at the first / last position of a sentence */
export const ALLOWED_START = new Uint8Array(NUM_LABELS);
export const ALLOWED_END = new Uint8Array(NUM_LABELS);

function opens(l: number): boolean {
  // a label after which an entity is "open" (must continue with I/L of the same type)
  const p = posOf(l);
  return p === POS_B || p === POS_I;
}

for (let prev = 0; prev < NUM_LABELS; prev++) {
  for (let cur = 0; cur < NUM_LABELS; cur++) {
    let ok: boolean;
    if (opens(prev)) {
      const p = posOf(cur);
      ok = (p === POS_I || p === POS_L) && typeOf(cur) === typeOf(prev);
    } else {
      const p = posOf(cur);
      ok = cur === O || p === POS_B || p === POS_U;
    }
    ALLOWED[prev * NUM_LABELS + cur] = ok ? 1 : 0;
  }
}
for (let l = 0; l < NUM_LABELS; l++) {
  const p = posOf(l);
  ALLOWED_START[l] = l === O || p === POS_B || p === POS_U ? 1 : 0;
  ALLOWED_END[l] = l === O || p === POS_L || p === POS_U ? 1 : 0;
}

export function typeIndex(t: string): number {
  return NER_TYPES.indexOf(t as NerLabel);
}

/** encode token spans as BILOU labels (overlapping spans: the first one wins) */
export function spansToLabels(n: number, spans: NerSpanByToken[]): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) {
    const t = typeIndex(s.label);
    if (t < 0 || s.startToken < 0 || s.endToken > n || s.endToken <= s.startToken) continue;
    let free = true;
    for (let i = s.startToken; i < s.endToken; i++) if (out[i] !== O) free = false;
    if (!free) continue;
    if (s.endToken - s.startToken === 1) {
      out[s.startToken] = labelOf(t, POS_U);
    } else {
      out[s.startToken] = labelOf(t, POS_B);
      for (let i = s.startToken + 1; i < s.endToken - 1; i++) out[i] = labelOf(t, POS_I);
      out[s.endToken - 1] = labelOf(t, POS_L);
    }
  }
  return out;
}

/** decode BILOU labels to spans; tolerant to invalid sequences (treats them like BIO) */
export function labelsToSpans(labels: ArrayLike<number>): NerSpanByToken[] {
  const spans: NerSpanByToken[] = [];
  let start = -1;
  let type = -1;
  const close = (end: number) => {
    if (start >= 0) spans.push({ startToken: start, endToken: end, label: NER_TYPES[type] });
    start = -1;
    type = -1;
  };
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === O) {
      close(i);
      continue;
    }
    const t = typeOf(l);
    const p = posOf(l);
    if (p === POS_B || p === POS_U || start < 0 || t !== type) {
      close(i);
      start = i;
      type = t;
    }
    if (p === POS_L || p === POS_U) close(i + 1);
  }
  close(labels.length);
  return spans;
}
