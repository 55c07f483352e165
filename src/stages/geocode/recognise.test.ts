import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testGazetteer } from '../../services/gazetteer/test-helper.js';
import { recognisePlaces } from './recognise.js';

const gz = testGazetteer();
const skip = gz ? false : 'gazetteer not built';
const find = (text: string, mode: 'conservative' | 'liberal', taken: { start: number; end: number }[] = []) =>
  recognisePlaces(text, gz!, { mode, taken, sentenceStarts: new Set([0]) }).map((r) => `${text.slice(r.start, r.end)}:${r.type}`);

test('countries, demonyms, provinces and possessives', { skip }, () => {
  assert.deepEqual(find("Azeri forces entered Nagorno-Karabakh, China's envoy said in Benue State.", 'conservative'), ['Azeri:NORP', 'Nagorno-Karabakh:GPE', 'China:GPE', 'Benue State:GPE']);
  assert.deepEqual(find("The People's Republic of China and the U.S. met.", 'conservative'), ["People's Republic of China:GPE", 'U.S.:GPE']);
});

test('names inside longer names and common words are left alone', { skip }, () => {
  assert.deepEqual(find('The New York Times sent a reporter to Royal Street. May was warm.', 'conservative'), []);
  assert.deepEqual(find('President Jackson spoke.', 'liberal'), []);
});

test('spans already taken by entities are skipped', { skip }, () => {
  const text = 'Aid reached Kenya and Uganda.';
  assert.deepEqual(find(text, 'conservative', [{ start: 12, end: 17 }]), ['Uganda:GPE']);
});

test('a dateline is a place even at the start of a sentence', { skip }, () => {
  assert.deepEqual(find('NAIROBI, Kenya — Rains fell.', 'conservative'), ['NAIROBI:GPE', 'Kenya:GPE']);
});
