import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSpan } from '../../core/span.js';
import type { CasualtyCount, Quote } from '../../core/layers/index.js';
import { segmentedDoc } from '../../testing/docs.js';
import { findNearDuplicateSentences } from '../near-duplicates/index.js';
import { findRestatements } from './index.js';

const text = [
  'Nine dead',
  'Nine people were killed when the bridge collapsed, the mayor said.',
  'The mayor called it “a preventable disaster” and ordered an inquiry into the contractor.',
  'The mayor called it “an avoidable disaster” and ordered an inquiry into the contractor.',
].join('\n');

function quote(id: string, sentence: number, phrase: string): Quote {
  const at = text.indexOf(phrase);
  return { id, span: makeSpan(text, at, at + phrase.length), direct: true, speaker: null, sentence };
}

function count(id: string, sentence: number, phrase: string): CasualtyCount {
  const at = text.indexOf(phrase);
  const span = makeSpan(text, at, at + phrase.length);
  return { id, span, numberSpan: makeSpan(text, at, at + 4), kind: 'killed', value: 9, qualifier: 'exact', who: 'people', claimant: null, sentence };
}

test('facts of a near-duplicate sentence and a heading figure point at what they restate', () => {
  const doc = segmentedDoc(text);
  const sentences = doc.get('sentences');
  const near = findNearDuplicateSentences(sentences);
  assert.deepEqual(near.map((n) => [n.sentence, n.duplicateOf]), [[3, 2]]);
  const quotes = [quote('q1', 2, 'a preventable disaster'), quote('q2', 3, 'an avoidable disaster')];
  const counts = [count('c1', 0, 'Nine dead'), count('c2', 1, 'Nine people were killed')];
  const r = findRestatements(sentences, near, quotes, counts);
  assert.deepEqual(r.map((x) => [x.layer, x.id, x.duplicateOf]), [['quotes', 'q2', 'q1'], ['counts', 'c1', 'c2']]);
});

test('different figures in a heading are not restatements', () => {
  const doc = segmentedDoc(text);
  const other = { ...count('c2', 1, 'Nine people were killed'), value: 12 };
  assert.deepEqual(findRestatements(doc.get('sentences'), [], [], [count('c1', 0, 'Nine dead'), other]), []);
});
