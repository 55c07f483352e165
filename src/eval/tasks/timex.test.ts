import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanIsValid } from '../../core/span.js';
import { canonicalValue, matchTimexes, predictWithDatesStage, scoreTimex, simpleSentences, type TimexRecord } from './timex.js';

const record = (text: string, timexes: TimexRecord['timexes'], publishedAt = '2023-09-20'): TimexRecord => ({ id: 'r', text, publishedAt, timexes });

test('matching is one-to-one, largest overlap first', () => {
  const gold = [
    { start: 0, end: 7, type: 'DATE', value: 'a' },
    { start: 8, end: 20, type: 'DATE', value: 'b' },
  ];
  const pred = [
    { start: 5, end: 20, type: 'DATE', value: 'b' },
    { start: 0, end: 3, type: 'DATE', value: 'a' },
  ];
  const m = matchTimexes(gold, pred);
  assert.equal(m.length, 2);
  assert.equal(m.find((x) => x.gold.value === 'b')!.predicted.start, 5);
  assert.equal(m.find((x) => x.gold.value === 'a')!.predicted.start, 0);
});

test('scores: extent recall/precision, value accuracy and F1', () => {
  const recs = [
    record('x', [
      { start: 0, end: 4, type: 'DATE', value: '2023-09-19' },
      { start: 10, end: 14, type: 'DATE', value: '2022' },
      { start: 20, end: 24, type: 'DURATION', value: 'P6W' },
      { start: 50, end: 54, type: 'SET', value: 'P1W' },
      { start: 60, end: 64, type: 'DATE', value: 'PAST_REF' },
    ]),
  ];
  const s = scoreTimex(recs, () => [
    { start: 0, end: 4, type: 'DATE', value: '2023-09-19' },
    { start: 11, end: 13, type: 'DATE', value: '2021' },
    { start: 30, end: 34, type: 'DATE', value: 'PRESENT_REF' },
    { start: 40, end: 44, type: 'SET', value: 'P1D' },
  ]);
  assert.equal(s.extentRecall, 2 / 5);
  assert.equal(s.extentPrecision, 2 / 4);
  assert.equal(s.valueAccuracy, 1 / 2);
  const p = 1 / 4;
  const r = 1 / 5;
  assert.ok(Math.abs(s.valueF1! - (2 * p * r) / (p + r)) < 1e-12);
});

test('a file that annotates only calendar values does not count durations, sets or references against the system', () => {
  const recs = [record('x', [{ start: 0, end: 4, type: 'DATE', value: '2023-09-19' }])];
  const s = scoreTimex(recs, () => [
    { start: 0, end: 4, type: 'DATE', value: '2023-09-19' },
    { start: 10, end: 14, type: 'DURATION', value: 'P2D' },
    { start: 20, end: 24, type: 'DATE', value: 'PRESENT_REF' },
    { start: 30, end: 34, type: 'SET', value: 'P1D' },
    { start: 40, end: 44, type: 'DATE', value: '2023-09-18' },
  ]);
  assert.equal(s.extentPrecision, 1 / 2, 'the unmatched calendar date still counts against precision');
  assert.equal(s.valueF1, 2 / 3);
});

test('notations of one TIMEX3 value compare equal, other values do not', () => {
  assert.equal(canonicalValue('2000-W02'), canonicalValue('2000-W2'));
  assert.equal(canonicalValue('196X'), canonicalValue('196'));
  assert.equal(canonicalValue('19XX'), canonicalValue('19'));
  assert.notEqual(canonicalValue('2000-W20'), canonicalValue('2000-W2'));
  assert.notEqual(canonicalValue('1998-XX'), canonicalValue('1998'));
  assert.notEqual(canonicalValue('2023-09-19TMO'), canonicalValue('2023-09-19'));
});

test('a rate without a denominator is left out', () => {
  const s = scoreTimex([record('nothing here', [])], () => []);
  assert.deepEqual(s, {});
});

test('the dates stage predicts ranges as their two ends, as TimeML annotates them', () => {
  const text = 'The valley was contested from 1988 to 1994. Talks resumed on Tuesday.';
  const predict = predictWithDatesStage();
  const preds = predict(record(text, []));
  assert.deepEqual(
    preds.map((p) => [text.slice(p.start, p.end), p.value]),
    [['1988', '1988'], ['1994', '1994'], ['Tuesday', '2023-09-19']],
  );
});

test('measurement sentences are valid spans and keep abbreviations together', () => {
  const text = 'Troops moved at 9 a.m. Tuesday toward the U.S. base.The talks ended.\n\nA new line';
  const sentences = simpleSentences(text);
  for (const s of sentences) assert.ok(spanIsValid(text, s.span));
  assert.deepEqual(sentences.map((s) => s.span.text), ['Troops moved at 9 a.m. Tuesday toward the U.S. base.', 'The talks ended.', 'A new line']);
});
