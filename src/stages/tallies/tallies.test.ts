import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CasualtyCount } from '../../core/layers/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVictimGroups, tallyCounts } from './index.js';

let n = 0;
function count(value: number, extra: Partial<CasualtyCount> = {}): CasualtyCount {
  const span = { start: 0, end: 1, text: 'x' };
  return { id: `c${n++}`, span, numberSpan: span, kind: 'killed', value, qualifier: 'exact', who: 'people', claimant: null, sentence: n, ...extra };
}
const claimant = (name: string) => ({ span: { start: 0, end: 1, text: name }, name });
const span = (text: string) => ({ start: 0, end: text.length, text });

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

test('figures for different sides add up; figures for one side, or for people of no side, compete', () => {
  const groups = loadVictimGroups();
  const [sides] = tallyCounts([count(23, { who: 'Afghan soldiers' }), count(20, { who: 'insurgents' }), count(5, { who: 'troops', qualifier: 'approximately' })], [], [], groups);
  assert.deepEqual({ low: sides!.low, best: sides!.best, high: sides!.high, claims: sides!.claims.length }, { low: 43, best: 43, high: 43, claims: 3 });
  const [oneSide] = tallyCounts([count(7, { who: 'Taliban militants' }), count(3, { who: 'militants' }), count(4, { who: 'militants' })], [], [], groups);
  assert.equal(oneSide!.best, 7);
  const [withTotal] = tallyCounts([count(12, { who: 'people' }), count(9, { who: 'soldiers' }), count(3, { who: 'civilians' })], [], [], groups);
  assert.deepEqual([withTotal!.low, withTotal!.best, withTotal!.high], [12, 12, 12]);
});

test('the victim-group lexicon reads the head noun and rejects a noun on two sides', () => {
  const groups = loadVictimGroups();
  assert.equal(groups.groupOf('Syrian pro-regime fighters'), 'armed groups');
  assert.equal(groups.groupOf('other Russian military personnel'), 'security forces');
  assert.equal(groups.groupOf('people'), undefined);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-groups-'));
  const path = join(dir, 'groups.json');
  writeFileSync(path, JSON.stringify({ version: 1, groups: { a: ['guards'], b: ['guards'] } }));
  assert.throws(() => loadVictimGroups(path), /groups\.json: "guards" is listed under both "a" and "b"/);
});

test('victims told as more ("was also killed") add to the toll', () => {
  const general = count(1, { who: 'general', span: { start: 0, end: 20, text: 'a general was killed' } });
  const commander = count(1, { who: 'local commander', span: { start: 30, end: 62, text: 'commander, was also reportedly killed' } });
  const [t] = tallyCounts([general, commander], [], [], loadVictimGroups());
  assert.deepEqual([t!.low, t!.best, t!.high, t!.claims.length], [2, 2, 2, 2]);
});

test('figures for different victims in one sentence and from one source are one list and add up', () => {
  const women = count(5, { kind: 'injured', who: 'women', whoSpan: span('women'), sentence: 40 });
  const girl = count(1, { kind: 'injured', who: '9-year-old girl', whoSpan: span('girl'), sentence: 40 });
  const men = count(2, { kind: 'injured', who: 'men', whoSpan: span('men'), sentence: 40 });
  const [t] = tallyCounts([women, girl, men], [], []);
  assert.equal(t!.best, 8);
  // the same victims in two sentences remain rival claims
  const [u] = tallyCounts([count(5, { who: 'people', sentence: 41 }), count(5, { who: 'people', sentence: 42 })], [], []);
  assert.equal(u!.best, 5);
});

test("rival sources' figures for the same side range from the smaller to the larger; the conservative one is best", () => {
  const groups = loadVictimGroups();
  const army = count(17, { who: 'soldiers', qualifier: 'at_least', claimant: claimant('army commander') });
  const attackers = count(4, { who: 'attackers', claimant: claimant('army commander'), sentence: army.sentence });
  const boast = count(35, { who: 'soldiers', claimant: claimant('the group') });
  const [t] = tallyCounts([army, attackers, boast], [], [], groups);
  assert.deepEqual([t!.low, t!.best, t!.high], [21, 21, 39]);
  // one source telling the figure twice is no rivalry
  const [u] = tallyCounts([count(17, { who: 'soldiers', claimant: claimant('army') }), count(20, { who: 'soldiers', claimant: claimant('army') })], [], [], groups);
  assert.deepEqual([u!.low, u!.best, u!.high], [20, 20, 20]);
});
