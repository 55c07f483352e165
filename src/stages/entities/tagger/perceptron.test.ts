import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerceptronTrainer, predictSeqs, TrainSeq } from './perceptron.js';
import { viterbi, TRANS_SIZE, START_ROW, END_ROW } from './viterbi.js';
import {
  ALLOWED,
  NUM_LABELS,
  O,
  labelOf,
  labelsToSpans,
  spansToLabels,
  posOf,
  typeOf,
  POS_B,
  POS_I,
  POS_L,
  POS_U,
  LABEL_NAMES,
} from './labels.js';
import { mix, hashString } from './hash.js';

const L = NUM_LABELS;

test('BILOU encoding round-trips spans', () => {
  const spans = [
    { startToken: 0, endToken: 2, label: 'PER' as const },
    { startToken: 3, endToken: 4, label: 'LOC' as const },
    { startToken: 5, endToken: 8, label: 'ORG' as const },
  ];
  const labels = spansToLabels(9, spans);
  assert.deepEqual(
    Array.from(labels, (l) => LABEL_NAMES[l]),
    ['B-PER', 'L-PER', 'O', 'U-LOC', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'O'],
  );
  assert.deepEqual(labelsToSpans(labels), spans);
});

test('label helpers', () => {
  const l = labelOf(2, POS_I);
  assert.equal(typeOf(l), 2);
  assert.equal(posOf(l), POS_I);
  assert.equal(typeOf(O), -1);
});

test('Viterbi respects BILOU constraints even when emissions prefer invalid labels', () => {
  const n = 4;
  const emit = new Float32Array(n * L);
  // emissions that, taken greedily, would give O I-PER O L-ORG (all invalid after O)
  emit[0 * L + O] = 1;
  emit[1 * L + labelOf(0, POS_I)] = 5;
  emit[2 * L + O] = 1;
  emit[3 * L + labelOf(1, POS_L)] = 5;
  const trans = new Float32Array(TRANS_SIZE);
  const out = new Uint8Array(n);
  viterbi(emit, 0, n, trans, out, 0);
  let prev = -1;
  for (let t = 0; t < n; t++) {
    const l = out[t];
    if (t === 0) assert.ok(posOf(l) !== POS_I && posOf(l) !== POS_L, 'no I-/L- at sentence start');
    else assert.equal(ALLOWED[prev * L + l], 1, `transition ${LABEL_NAMES[prev]} -> ${LABEL_NAMES[l]}`);
    prev = l;
  }
  const last = out[n - 1];
  assert.ok(posOf(last) !== POS_B && posOf(last) !== POS_I, 'entity closed at sentence end');
  // no I- directly after O anywhere
  for (let t = 1; t < n; t++) if (out[t - 1] === O) assert.notEqual(posOf(out[t]), POS_I);
});

test('Viterbi uses transition weights', () => {
  const n = 2;
  const emit = new Float32Array(n * L);
  emit[labelOf(0, POS_B)] = 1; // B-PER slightly preferred at t=0
  emit[L + O] = 0.5;
  const trans = new Float32Array(TRANS_SIZE);
  trans[START_ROW * L + labelOf(0, POS_B)] = 0;
  const out = new Uint8Array(n);
  viterbi(emit, 0, n, trans, out, 0);
  // B-PER must be followed by L-PER (O is not allowed after B-)
  if (out[0] === labelOf(0, POS_B)) assert.equal(out[1], labelOf(0, POS_L));
  trans[END_ROW * L + O] = 10;
  viterbi(emit, 0, n, trans, out, 0);
  assert.equal(out[1], O);
});

test('perceptron learns a toy tagging task', () => {
  // vocabulary: capitalised "names" are PER (one or two tokens), "in X" marks a LOC, rest O
  const names = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena'];
  const surnames = ['Petrova', 'Ivanov', 'Rossi'];
  const places = ['Tarsk', 'Velmora', 'Quillon'];
  const fillers = ['the', 'met', 'saw', 'a', 'friend', 'today'];
  const rows = new Map<number, number>();
  const row = (h: number) => {
    let r = rows.get(h);
    if (r === undefined) {
      r = rows.size;
      rows.set(h, r);
    }
    return r;
  };
  const tW = hashString('w');
  const tPrev = hashString('prev');
  const tNext = hashString('next');
  const rnd = (() => {
    let s = 7;
    return () => (s = (s * 48271) % 2147483647) / 2147483647;
  })();
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const makeSeq = (): { toks: string[]; gold: Uint8Array } => {
    const toks: string[] = [];
    const spans: { startToken: number; endToken: number; label: 'PER' | 'LOC' }[] = [];
    for (let k = 0; k < 3; k++) {
      const x = rnd();
      if (x < 0.3) {
        const s = toks.length;
        toks.push(pick(names));
        if (rnd() < 0.5) toks.push(pick(surnames));
        spans.push({ startToken: s, endToken: toks.length, label: 'PER' });
      } else if (x < 0.5) {
        toks.push('in');
        spans.push({ startToken: toks.length, endToken: toks.length + 1, label: 'LOC' });
        toks.push(pick(places));
      }
      toks.push(pick(fillers));
    }
    return { toks, gold: spansToLabels(toks.length, spans) };
  };
  const toSeq = (toks: string[], gold: Uint8Array): TrainSeq => {
    const r: number[] = [];
    const start = [0];
    toks.forEach((t, i) => {
      r.push(row(mix(tW, hashString(t))));
      r.push(row(mix(tPrev, hashString(toks[i - 1] ?? '<s>'))));
      r.push(row(mix(tNext, hashString(toks[i + 1] ?? '</s>'))));
      start.push(r.length);
    });
    return { rows: Int32Array.from(r), start: Int32Array.from(start), gold };
  };
  const train: TrainSeq[] = [];
  for (let i = 0; i < 200; i++) {
    const { toks, gold } = makeSeq();
    train.push(toSeq(toks, gold));
  }
  const test: TrainSeq[] = [];
  for (let i = 0; i < 50; i++) {
    const { toks, gold } = makeSeq();
    test.push(toSeq(toks, gold));
  }
  const tr = new PerceptronTrainer(rows.size);
  const errs = tr.train(train, 8, 1);
  assert.ok(errs[errs.length - 1] < errs[0], 'training errors go down');
  const wt = tr.averaged();
  const pred = predictSeqs(test, wt);
  let correct = 0;
  let total = 0;
  test.forEach((s, i) => {
    for (let t = 0; t < s.gold.length; t++) {
      total++;
      if (pred[i][t] === s.gold[t]) correct++;
    }
  });
  assert.ok(correct / total > 0.97, `toy accuracy ${correct}/${total}`);
});

test('BILOU label set has 17 labels with U for single tokens', () => {
  assert.equal(NUM_LABELS, 17);
  assert.equal(LABEL_NAMES[labelOf(3, POS_U)], 'U-MISC');
  assert.equal(LABEL_NAMES[labelOf(1, POS_L)], 'L-ORG');
});
