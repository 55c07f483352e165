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

const story = [
  'Rebels shelled the market on Monday, killing at least 14 people.',
  'Casualties mount',
  'At least 14 people were killed in the shelling, the governor said.',
  'The army said three soldiers were killed near the bridge.',
  'A driver was killed at the checkpoint.',
  'Elsewhere, three soldiers were killed in an ambush.',
].join('\n');

function storyCount(id: string, sentence: number, phrase: string, fields: Partial<CasualtyCount> = {}): CasualtyCount {
  const at = story.indexOf(phrase);
  const span = makeSpan(story, at, at + phrase.length);
  return { id, span, numberSpan: span, kind: 'killed', value: 14, qualifier: 'at_least', who: 'people', claimant: null, sentence, ...fields };
}

test('a figure given in passing and a lone victim of an earlier total point at the statement they belong to', () => {
  const doc = segmentedDoc(story);
  const passing = storyCount('c1', 0, 'killing at least 14 people');
  const stated = storyCount('c2', 2, 'At least 14 people were killed');
  const soldiers = storyCount('c3', 3, 'three soldiers were killed', { value: 3, qualifier: 'exact', who: 'soldiers' });
  const driver = storyCount('c4', 4, 'A driver was killed', { value: 1, qualifier: 'exact', who: 'driver', subsetOf: 'c3' });
  const ambush = storyCount('c5', 5, 'three soldiers were killed in an ambush', { value: 3, qualifier: 'exact', who: 'soldiers' });
  const r = findRestatements(doc.get('sentences'), [], [], [passing, stated, soldiers, driver, ambush]);
  // two body statements of the same figure stay two facts; a subset in its own sentence is kept when it is the first mention
  assert.deepEqual(r.map((x) => [x.id, x.duplicateOf]), [['c1', 'c2'], ['c4', 'c3']]);
});

test('a subset named in the same sentence as its total is a fact of its own', () => {
  const doc = segmentedDoc(story);
  const total = storyCount('c1', 2, 'At least 14 people were killed');
  const part = storyCount('c2', 2, 'the governor', { value: 1, qualifier: 'exact', subsetOf: 'c1' });
  assert.deepEqual(findRestatements(doc.get('sentences'), [], [], [total, part]), []);
});

test('a heading figure does not restate victims told as more', () => {
  const lines = ['Blast kills general', 'A colonel was also killed in the blast, officials said.'].join('\n');
  const doc = segmentedDoc(lines);
  const at = (phrase: string) => makeSpan(lines, lines.indexOf(phrase), lines.indexOf(phrase) + phrase.length);
  const heading: CasualtyCount = { id: 'c1', span: at('kills general'), numberSpan: at('general'), kind: 'killed', value: 1, qualifier: 'exact', who: 'general', claimant: null, sentence: 0 };
  const more: CasualtyCount = { ...heading, id: 'c2', span: at('A colonel was also killed'), numberSpan: at('A colonel'), who: 'colonel', sentence: 1 };
  assert.deepEqual(findRestatements(doc.get('sentences'), [], [], [heading, more]), []);
});
