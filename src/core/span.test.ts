import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSpan, spanIsValid, spansOverlap, SpanError, trimmedSpan } from './span.js';

test('makeSpan copies the exact slice and checks bounds', () => {
  const text = 'Baku said “no”.';
  const s = makeSpan(text, 0, 4);
  assert.deepEqual(s, { start: 0, end: 4, text: 'Baku' });
  assert.ok(spanIsValid(text, s));
  assert.throws(() => makeSpan(text, 3, 2), SpanError);
  assert.throws(() => makeSpan(text, 0, text.length + 1), SpanError);
  assert.throws(() => makeSpan(text, 0.5, 2), SpanError);
});

test('spans count UTF-16 code units, like JavaScript indexing', () => {
  const text = 'Flag 🇦🇲 then Yerevan';
  const at = text.indexOf('Yerevan');
  const s = makeSpan(text, at, at + 7);
  assert.equal(s.text, 'Yerevan');
  assert.ok(at > 'Flag 🇦🇲 then '.replace(/[^\x00-\x7f]/g, '').length, 'emoji take more than one unit');
});

test('a span whose text no longer matches is invalid', () => {
  assert.equal(spanIsValid('abc', { start: 0, end: 2, text: 'xy' }), false);
  assert.equal(spanIsValid('abc', { start: 2, end: 9, text: 'c' }), false);
});

test('overlap is half-open and trimming tightens a span', () => {
  assert.equal(spansOverlap({ start: 0, end: 3 }, { start: 3, end: 5 }), false);
  assert.equal(spansOverlap({ start: 0, end: 4 }, { start: 3, end: 5 }), true);
  assert.deepEqual(trimmedSpan('  hi  ', 0, 6), { start: 2, end: 4, text: 'hi' });
});
