import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testGazetteer } from '../../services/gazetteer/test-helper.js';
import { predictPlacesForEval, scoreGeocode, type GeocodeRecord } from './geocode.js';

const text = 'Floods hit Nairobi and Mombasa in Kenya.';
const record: GeocodeRecord = {
  id: 'r1',
  text,
  toponyms: [
    { start: 11, end: 18, text: 'Nairobi', lat: -1.283, lon: 36.817 },
    { start: 23, end: 30, text: 'Mombasa', lat: -4.055, lon: 39.666 },
    { start: 34, end: 39, text: 'Kenya', lat: 1, lon: 38 },
  ],
};

test('found, accuracy@161 and median error follow FORMATS.md', () => {
  const score = scoreGeocode([record], () => [
    { start: 11, end: 18, lat: -1.3, lon: 36.8 }, // right
    { start: 25, end: 40, lat: 40, lon: -3 }, // overlaps Mombasa (5) and Kenya (5): wrong for both
    { start: 34, end: 36, lat: 0, lon: 38 }, // smaller overlap with Kenya: not used
  ]);
  assert.equal(score.recognitionRecall, 1);
  assert.equal(score.accuracy161, 1 / 3);
  assert.equal(score.accuracy161Found, 1 / 3);
  assert.ok(score.medianErrorKm! > 4000);
});

test('unfound toponyms count as wrong over all gold', () => {
  const score = scoreGeocode([record], () => [{ start: 11, end: 18, lat: -1.3, lon: 36.8 }]);
  assert.equal(score.recognitionRecall, 1 / 3);
  assert.equal(score.accuracy161Found, 1);
  assert.equal(score.accuracy161, 1 / 3);
  assert.ok(score.medianErrorKm! < 5);
});

test('no predictions at all', () => {
  const score = scoreGeocode([record], () => []);
  assert.equal(score.recognitionRecall, 0);
  assert.equal(score.accuracy161, 0);
  assert.equal(score.medianErrorKm, undefined);
});

const gz = testGazetteer();
test('the stand-in recogniser and the stage geocode a text end to end', { skip: gz ? false : 'gazetteer not built' }, () => {
  const places = predictPlacesForEval(text, {}, { gazetteer: gz! });
  assert.deepEqual(places.map((p) => p.span.text), ['Nairobi', 'Mombasa', 'Kenya']);
  assert.ok(places.every((p) => p.resolved?.country === 'KE'));
  const score = scoreGeocode([record], () => places.map((p) => ({ start: p.span.start, end: p.span.end, lat: p.resolved!.lat, lon: p.resolved!.lon })));
  assert.equal(score.accuracy161, 1);
});
