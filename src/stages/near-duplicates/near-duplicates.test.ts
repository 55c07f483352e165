import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc } from '../../testing/docs.js';
import { findNearDuplicateSentences, wordEditDistance } from './index.js';

test('a repeated sentence with one word changed is flagged against the first', () => {
  const text = [
    'The governor condemned “a brutal raid” on the market and said no soldiers were present.',
    'Rain fell all afternoon across the valley.',
    'The governor condemned “a savage raid” on the market and said no soldiers were present.',
  ].join('\n');
  const found = findNearDuplicateSentences(segmentedDoc(text).get('sentences'));
  assert.deepEqual(found.map((f) => [f.sentence, f.duplicateOf]), [[2, 0]]);
  assert.ok(found[0]!.similarity > 0.9 && found[0]!.similarity < 1);
});

test('sentences that share words but say different things are not flagged', () => {
  const text = 'Five soldiers were killed in the north on Monday.\nFive civilians were wounded in the south on Tuesday by shelling from the hills.';
  assert.deepEqual(findNearDuplicateSentences(segmentedDoc(text).get('sentences')), []);
});

test('short headings are never flagged', () => {
  const text = 'Two killed\nTwo killed';
  assert.deepEqual(findNearDuplicateSentences(segmentedDoc(text).get('sentences')), []);
});

test('word edit distance stops early past its limit', () => {
  assert.equal(wordEditDistance(['a', 'b', 'c'], ['a', 'x', 'c'], 2), 1);
  assert.equal(wordEditDistance(['a'], ['b', 'c', 'd', 'e'], 1), 2);
});

test('trigram candidates find a near-duplicate among many sentences, and unrelated ones are left alone', () => {
  const filler = Array.from({ length: 40 }, (_, k) => `Sentence number ${k} talks about item ${k * 7} in district ${k + 3} today.`);
  const text = [
    'Rescue teams pulled eleven people from the rubble of the collapsed school on Monday.',
    ...filler,
    'Rescue teams pulled twelve people from the rubble of the collapsed school on Monday.',
  ].join('\n');
  const found = findNearDuplicateSentences(segmentedDoc(text).get('sentences'));
  assert.deepEqual(found.map((f) => [f.sentence, f.duplicateOf]), [[41, 0]]);
  assert.equal(wordEditDistance(Int32Array.from([1, 2, 3]), Int32Array.from([1, 4, 3]), 2), 1);
});
