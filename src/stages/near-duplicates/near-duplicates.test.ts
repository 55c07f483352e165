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
