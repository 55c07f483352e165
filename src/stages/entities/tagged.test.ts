import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { placeTagged, wordsBefore } from './tagged.js';
import { ruleSets } from './rules.js';
import { loadActorDictionary } from '../../services/actors/index.js';

/** the pattern wordsBefore replaces (a backward scan instead of a regex tried at every position) */
const PREV_WORDS = /(?:([\p{L}]+)[ \t]+)?([\p{L}]+)[ \t]+$/u;
function byRegex(text: string, start: number): [string, string] {
  const m = PREV_WORDS.exec(text.slice(Math.max(0, start - 40), start));
  return [m?.[2] ?? '', m?.[1] ?? ''];
}

test('wordsBefore: the nearest word, then the one before it, on the same line', () => {
  const text = 'Fighting broke out in Kandahar';
  assert.deepEqual(wordsBefore(text, text.indexOf('Kandahar')), ['in', 'out']);
  assert.deepEqual(wordsBefore('said, near Aleppo', 11), ['near', '']);
  assert.deepEqual(wordsBefore('(Aleppo', 1), ['', '']);
  assert.deepEqual(wordsBefore('Zürich \tÉcole  X', 15), ['École', 'Zürich']);
  assert.deepEqual(wordsBefore('line\nnext X', 10), ['next', '']);
});

test('wordsBefore finds what the regex found, on any text', () => {
  const chars = fc.constantFrom('a', 'Z', 'é', ' ', '\t', '\n', ',', '-', '1', '𝐀', '\ud835', '\udc00', '.');
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 70 }).map((a) => a.join('')), fc.nat(), (text, k) => {
      const start = text.length ? k % (text.length + 1) : 0;
      assert.deepEqual(wordsBefore(text, start), byRegex(text, start));
    }),
    { numRuns: 3000 },
  );
});

test('a place and its office\'s title read as one organisation is the place: "Kyiv Mayor"', () => {
  const text = 'Kyiv Mayor Vitali Klitschko spoke.';
  const dict = loadActorDictionary();
  const out = placeTagged(text, { start: 0, end: 'Kyiv Mayor'.length, label: 'ORG' }, dict, ruleSets(dict));
  assert.deepEqual(out.map((n) => [text.slice(n.start, n.end), n.type]), [['Kyiv', 'GPE']]);
  // an organisation named after a town is left alone
  const club = 'Kyiv Dynamo won.';
  assert.deepEqual(placeTagged(club, { start: 0, end: 'Kyiv Dynamo'.length, label: 'ORG' }, dict, ruleSets(dict)).map((n) => n.type), ['ORG']);
});

test('a name of several words before "party" or "coalition" is the party', () => {
  const text = 'The ruling Northern Dawn party denied it.';
  const dict = loadActorDictionary();
  const out = placeTagged(text, { start: 11, end: 11 + 'Northern Dawn'.length, label: 'MISC' }, dict, ruleSets(dict));
  assert.deepEqual(out.map((n) => [text.slice(n.start, n.end), n.type]), [['Northern Dawn', 'ORG']]);
});

test('an unknown adjective-looking name before "district" is the district, not a people', () => {
  const text = 'Debris fell in the Borovskyi district overnight.';
  const dict = loadActorDictionary();
  const out = placeTagged(text, { start: 19, end: 19 + 'Borovskyi'.length, label: 'MISC' }, dict, ruleSets(dict));
  assert.notEqual(out[0]?.type, 'NORP');
  assert.ok(out[0]?.type === 'LOC' || out[0]?.type === 'GPE', JSON.stringify(out));
});

test('a name after "militias known as" is the group\'s, not a person\'s', () => {
  const text = 'Troops and allied militias known as Mabaki withdrew.';
  const dict = loadActorDictionary();
  const at = text.indexOf('Mabaki');
  assert.deepEqual(placeTagged(text, { start: at, end: at + 6, label: 'PER' }, dict, ruleSets(dict)).map((n) => n.type), ['ORG']);
});

test('a name\'s first word the tagger left with the title before it belongs to the name', () => {
  const text = 'Major General Htay Lin Oo, the spokesman, denied it.';
  const dict = loadActorDictionary();
  const at = text.indexOf('Lin Oo');
  assert.deepEqual(placeTagged(text, { start: at, end: at + 'Lin Oo'.length, label: 'PER' }, dict, ruleSets(dict)).map((n) => text.slice(n.start, n.end)), ['Htay Lin Oo']);
  const full = 'General Aung Ko said.';
  assert.deepEqual(placeTagged(full, { start: 8, end: 8 + 'Aung Ko'.length, label: 'PER' }, dict, ruleSets(dict)).map((n) => full.slice(n.start, n.end)), ['Aung Ko']);
});
