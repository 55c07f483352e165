import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requiredStrings, requiredStringsFilter } from './required-strings.js';

test('a run of literals joins into the strings a match must hold', () => {
  assert.deepEqual(requiredStrings(/\bin (?:recent|past) years\b/iu)?.sort(), ['in past years', 'in recent years']);
  assert.deepEqual(requiredStrings(/\bused to\b/iu), ['used to']);
});

test('the most telling part of a sequence is kept', () => {
  // "has" is in many sentences, "twice" / " times" / "repeatedly" in few
  assert.deepEqual(requiredStrings(/\b(?:has|had)\b(?:\s+\w+){1,5}?\s+(?:twice|(?:two|\d+) times|repeatedly)\b/iu)?.sort(), [' times', 'repeatedly', 'twice']);
  assert.deepEqual(requiredStrings(/\b(?:has|have|had) (?:a|an|the) (?:long |violent |bloody )?history of\b/iu), ['history of']);
});

test('optional parts, classes and lookarounds require nothing', () => {
  assert.equal(requiredStrings(/(?:foo)?\d+/u), undefined);
  assert.equal(requiredStrings(/[a-z]+ing/u)?.[0], 'ing');
  assert.equal(requiredStrings(/(?<=after )\p{L}+/u), undefined);
  assert.deepEqual(requiredStrings(/x*yz/u), ['yz']);
});

test('what it cannot read gives no strings: back-references, code points, letters outside ASCII', () => {
  assert.equal(requiredStrings(/(a)\1/u), undefined);
  assert.equal(requiredStrings(/\u0041/u), undefined);
  assert.equal(requiredStrings(/é/u), undefined);
  assert.equal(requiredStrings(/cat|\d/u), undefined);
});

test('the filter is case-blind and never turns away a text a cue matches', () => {
  const res = [/\bpreviously\b/iu, /\bprior\s+attacks?\b/iu];
  const mayHold = requiredStringsFilter(res)!;
  for (const text of ['PREVIOUSLY, it rained.', 'after prior  attacks', 'uſed to: ſ folds to s only in the regex']) assert.equal(mayHold(text), true);
  assert.equal(mayHold('nothing of the kind'), false);
  assert.equal(requiredStringsFilter([/\bpreviously\b/iu, /\d+/u]), undefined);
});
