import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastWord } from './last-word.js';

/** what lastWord replaces: right by definition, but quadratic on long text */
const byRegex = (s: string) => /([\p{L}]+)[^\p{L}]*$/u.exec(s)?.[1]!.toLowerCase() ?? '';

test('the last word before a date, past punctuation and digits', () => {
  assert.equal(lastWord('Fighting resumed in the '), 'the');
  assert.equal(lastWord('They met, as agreed, on 3, '), 'on');
  assert.equal(lastWord('“Élan” — 12 '), 'élan');
  assert.equal(lastWord('1999 – '), '');
  assert.equal(lastWord(''), '');
});

test('letters beyond the basic plane count as one letter, a lone surrogate as none', () => {
  assert.equal(lastWord('met 𝒜𝒷 3'), byRegex('met 𝒜𝒷 3'));
  assert.equal(lastWord('met ab\ud835 '), 'ab');
  assert.equal(lastWord('\udc9c x'), 'x');
});

test('agrees with the end-anchored regex on mixed strings', () => {
  const parts = ['a', 'Ž', ' ', '.', '7', '𝒜', '\ud835', '\udc9c', 'ß', '-', '’', '\n', 'Ω'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let n = 0; n < 3000; n++) {
    let s = '';
    const len = next() % 12;
    for (let i = 0; i < len; i++) s += parts[next() % parts.length];
    assert.equal(lastWord(s), byRegex(s), JSON.stringify(s));
  }
});
