import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateInHead } from './head-date.js';

const now = new Date('2026-01-01T00:00:00Z');

test('a date on a line of its own near the top is the publication date', () => {
  assert.equal(dateInHead('Floods close the ring road\n\nMar 3, 2025\n\nRain fell for a third day.', now), '2025-03-03');
  assert.equal(dateInHead('Headline\nPublished 14 February 2024, 10:32 GMT\nBody text.', now), '2024-02-14');
  assert.equal(dateInHead('Headline\nUpdated: 2024-11-05\nBody text.', now), '2024-11-05');
  assert.equal(dateInHead('Headline\nTuesday, June 4, 2024 | 3:45 pm EST\nBody.', now), '2024-06-04');
});

test('a date inside a sentence, without a year, in the future or far down is not taken', () => {
  assert.equal(dateInHead('The talks on March 3, 2025 ended without a deal, officials said on Tuesday.', now), undefined);
  assert.equal(dateInHead('Headline\nMarch 3\nBody.', now), undefined);
  assert.equal(dateInHead('Headline\nMarch 3, 2027\nBody.', now), undefined);
  assert.equal(dateInHead('Headline\nFebruary 30, 2024\nBody.', now), undefined);
  const deep = `${Array.from({ length: 10 }, (_, i) => `Line ${i} of the story goes on here.`).join('\n')}\nMay 1, 2024`;
  assert.equal(dateInHead(deep, now), undefined);
});
