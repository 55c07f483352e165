import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gazetteer } from './gazetteer.js';

test('gazetteer matches multi-token entries case- and diacritic-insensitively', () => {
  const g = new Gazetteer();
  g.addEntry('loc.city', 'Yerevan');
  g.addEntry('loc.country', 'United Arab Emirates');
  g.addEntry('per.first', 'Stéphane');
  const toks = ['Stephane', 'flew', 'from', 'YEREVAN', 'to', 'the', 'united', 'arab', 'emirates'];
  const keys = toks.map((t) => t.toLowerCase());
  const codes = g.match(keys, toks);
  const cat = (c: number) => g.categories[c >> 3];
  const pos = (c: number) => (c >> 1) & 3;
  const caseOk = (c: number) => c & 1;
  assert.deepEqual(codes[0].map(cat), ['per.first']);
  assert.equal(caseOk(codes[0][0]), 0); // diacritics differ
  assert.deepEqual(codes[3].map(cat), ['loc.city']);
  assert.equal(caseOk(codes[3][0]), 1); // all caps counts as matching case
  assert.equal(pos(codes[3][0]), 3); // U
  assert.deepEqual([6, 7, 8].map((i) => pos(codes[i][0])), [0, 1, 2]); // B I L
  assert.equal(caseOk(codes[6][0]), 0);
  assert.deepEqual(codes[1], []);
});

test('gazetteer survives serialisation', () => {
  const g = new Gazetteer();
  g.addEntry('org.known', "People's Bank of China");
  const h = Gazetteer.fromJSON(JSON.parse(JSON.stringify(g.toJSON())));
  const toks = ['People', "'s", 'Bank', 'of', 'China'];
  assert.equal(h.match(toks.map((t) => t.toLowerCase()), toks)[0].length, 1);
  assert.equal(h.entries, 1);
});

test('matching from start nodes a caller kept gives the same codes, until an entry is added', () => {
  const g = new Gazetteer();
  g.addEntry('loc.city', 'Port Harcourt');
  g.addEntry('org.known', 'Port Authority');
  const toks = ['The', 'Port', 'Authority', 'of', 'Port', 'Harcourt', 'met', 'in', 'Gusau'];
  const keys = toks.map((t) => t.toLowerCase());
  const kept = g.generation;
  const starts = keys.map((k) => g.start(k));
  assert.deepEqual(g.match(keys, toks, starts), g.match(keys, toks));
  assert.equal(g.generation, kept);
  // a new first word: kept start nodes are stale, and the generation says so
  g.addEntry('loc.city', 'Gusau');
  assert.notEqual(g.generation, kept);
  assert.deepEqual(g.match(keys, toks, starts)[8], []);
  assert.deepEqual(g.match(keys, toks, keys.map((k) => g.start(k)))[8]!.map((c) => g.categories[c >> 3]), ['loc.city']);
});
