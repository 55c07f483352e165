import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreNer, mapNerType, NerRecord } from './ner.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

const records: NerRecord[] = [
  {
    id: 'a',
    text: 'Nikol Pashinyan visited Paris .',
    entities: [
      { start: 0, end: 15, type: 'PER' },
      { start: 24, end: 29, type: 'LOC' },
    ],
  },
  {
    id: 'b',
    text: 'The Azeri army and NATO met .',
    entities: [
      { start: 4, end: 9, type: 'MISC' },
      { start: 19, end: 23, type: 'ORG' },
    ],
  },
];

test('type mapping', () => {
  assert.equal(mapNerType('PERSON'), 'PER');
  assert.equal(mapNerType('GPE'), 'LOC');
  assert.equal(mapNerType('FAC'), 'LOC');
  assert.equal(mapNerType('NORP'), 'MISC');
  assert.equal(mapNerType('EVENT'), 'MISC');
  assert.equal(mapNerType('LAW'), 'MISC');
  assert.equal(mapNerType('ORG'), 'ORG');
  assert.equal(mapNerType('DATE'), null);
});

test('perfect predictions score 1', () => {
  const s = scoreNer(records, (text) => records.find((r) => r.text === text)!.entities);
  close(s.precision, 1);
  close(s.recall, 1);
  close(s.f1, 1);
  for (const t of ['PER', 'ORG', 'LOC', 'MISC'] as const) close(s.perType[t].f1, 1);
});

test('exact span and type micro P/R/F1 with mapped and dropped types', () => {
  const preds: Record<string, { start: number; end: number; type: string }[]> = {
    a: [
      { start: 0, end: 15, type: 'PERSON' }, // correct after mapping
      { start: 24, end: 29, type: 'GPE' }, // correct after mapping
      { start: 24, end: 29, type: 'GPE' }, // duplicate: counted once
      { start: 16, end: 23, type: 'DATE' }, // dropped
    ],
    b: [
      { start: 4, end: 14, type: 'NORP' }, // wrong span
      { start: 19, end: 23, type: 'LOC' }, // wrong type
    ],
  };
  const s = scoreNer(records, (text) => preds[records.find((r) => r.text === text)!.id]);
  // predicted 4 (PER, LOC, MISC, LOC), gold 4, tp 2
  assert.deepEqual(s.counts.ALL, { tp: 2, predicted: 4, gold: 4 });
  close(s.precision, 0.5);
  close(s.recall, 0.5);
  close(s.f1, 0.5);
  close(s.perType.PER.f1, 1);
  // LOC: predicted 2 (one right), gold 1
  close(s.perType.LOC.precision, 0.5);
  close(s.perType.LOC.recall, 1);
  close(s.perType.LOC.f1, 2 / 3);
  close(s.perType.MISC.f1, 0);
  close(s.perType.ORG.recall, 0);
  close(s.perType.ORG.precision, 0);
});

test('no predictions gives zeros, not NaN', () => {
  const s = scoreNer(records, () => []);
  assert.equal(s.precision, 0);
  assert.equal(s.recall, 0);
  assert.equal(s.f1, 0);
});
