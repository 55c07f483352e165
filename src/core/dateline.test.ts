import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelineTest } from './dateline.js';

const at = (text: string, place: string) => {
  const i = text.indexOf(place);
  return datelineTest(text)(i, i + place.length);
};

test('a place opening a line, then agency, date or country and a dash, is a dateline', () => {
  assert.ok(at('Headline\n\nLAGOS, Nigeria (Reuters) - Gunmen freed hostages.', 'LAGOS'));
  assert.ok(at('PORT AMARA — Troops entered the town.', 'PORT AMARA'));
  assert.ok(at('Title\nKANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- Seven militants died.', 'KANDAHAR'));
  assert.ok(at('QUITO, May 2 (AP) — Police said.', 'QUITO'));
});

test('a place inside a sentence or followed by a clause is no dateline', () => {
  assert.ok(!at('Troops entered Lagos - the city was calm.', 'Lagos'));
  assert.ok(!at('Lagos, the largest city, was calm on Monday.', 'Lagos'));
  assert.ok(!at('Lagos residents fled.', 'Lagos'));
});

test('the country named in a dateline is part of it', () => {
  assert.ok(at('Title\nQUITO, Ecuador, May 2 — Police said.', 'Ecuador'));
  assert.ok(!at('Title\nQUITO, Ecuador, May 2 — Police in Ecuador said.', 'Ecuador said'));
});
