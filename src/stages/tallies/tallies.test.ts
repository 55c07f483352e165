import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CasualtyCount } from '../../core/layers/index.js';
import { tallyCounts } from './index.js';

let n = 0;
function count(value: number, extra: Partial<CasualtyCount> = {}): CasualtyCount {
  const span = { start: 0, end: 1, text: 'x' };
  return { id: `c${n++}`, span, numberSpan: span, kind: 'killed', value, qualifier: 'exact', who: 'people', claimant: null, sentence: n, ...extra };
}
const claimant = (name: string) => ({ span: { start: 0, end: 1, text: name }, name });

test('parts claimed by two sides that add up to the reported total give one figure', () => {
  const [t] = tallyCounts([count(29, { qualifier: 'at_least' }), count(27, { claimant: claimant('separatists') }), count(2, { claimant: claimant('Azerbaijan') })], [], []);
  assert.deepEqual({ low: t!.low, best: t!.best, high: t!.high, claims: t!.claims.length }, { low: 29, best: 29, high: 29, claims: 3 });
});

test('restated, subset and background counts do not enter the tally', () => {
  const total = count(12, { kind: 'arrested' });
  const women = count(7, { kind: 'arrested', subsetOf: total.id });
  const heading = count(12, { kind: 'arrested' });
  const old = count(5, { kind: 'killed', sentence: 99 });
  const tallies = tallyCounts([total, women, heading, old], [{ layer: 'counts', id: heading.id, duplicateOf: total.id, reason: 'heading' }], [{ sentence: 99, span: { start: 0, end: 1, text: 'x' }, reason: 'past' }]);
  assert.deepEqual(tallies.map((t) => [t.kind, t.best, t.claims.length]), [['arrested', 12, 1]]);
});

test('an approximate figure is not a firm low; disagreeing claims widen the high', () => {
  const [t] = tallyCounts([count(300, { kind: 'displaced', qualifier: 'approximately' }), count(250, { kind: 'displaced', claimant: claimant('ministry') }), count(120, { kind: 'evacuated' })], [], []);
  assert.equal(t!.kind, 'displaced');
  assert.equal(t!.low, 250);
  assert.equal(t!.best, 300);
  assert.equal(t!.high, 370);
});
