import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorFileError, loadActorDictionary, readActorFile, validateActorFile } from './index.js';

test('the shipped actor file is valid and covers the world', () => {
  const file = readActorFile();
  assert.ok(file.countries.length >= 190);
  for (const c of file.countries) assert.ok(c.capitals.length > 0 || c.id === 'PSE', `${c.id} has a capital`);
  const dict = loadActorDictionary();
  assert.equal(dict.country('ARM')?.name, 'Armenia');
  assert.ok(dict.names.size > 1000);
});

test('validation names every problem with its path', () => {
  const file = structuredClone(readActorFile()) as unknown as Record<string, unknown[]>;
  (file.countries[0] as Record<string, unknown>).id = 'armenia';
  (file.organisations[0] as Record<string, unknown>).code = 'un';
  (file.titles[0] as Record<string, unknown>).colour = 'red';
  assert.throws(() => validateActorFile(file), (err: unknown) => {
    assert.ok(err instanceof ActorFileError);
    assert.match(err.message, /countries\[0\]\.id/);
    assert.match(err.message, /organisations\[0\]\.code/);
    assert.match(err.message, /titles\[0\]\.colour: unknown field/);
    return true;
  });
});

test('an analyst can add an actor without code', () => {
  const file = structuredClone(readActorFile());
  file.organisations.push({ id: 'ruritanian-front', name: 'Ruritanian Liberation Front', code: 'RUR REB', aliases: ['RLF'], armed: true });
  const dict = loadActorDictionary({ file, gazetteerDir: '' });
  assert.ok(dict.organisations.has('ruritanian-front'));
  assert.ok(dict.names.candidates('rlf')?.some((e) => e.phrase === 'RLF'));
});

test('views of one tokens layer share their arrays; phrase ends are found with or without rising ends', async () => {
  const { TokenView, TokenText, PhraseIndex } = await import('./index.js');
  const { segmentedDoc } = await import('../../testing/docs.js');
  const doc = segmentedDoc('Troops of the United Nations left Goma.');
  const [tokens, sentences] = [doc.get('tokens'), doc.get('sentences')];
  const a = new TokenView(doc.text, tokens, sentences);
  const b = new TokenView(doc.text, tokens, sentences);
  assert.notEqual(a, b);
  assert.equal(a.starts, b.starts, 'the second view reuses the first one\'s arrays');
  assert.equal(a.tt, b.tt);
  const other = new TokenView(doc.text, [...tokens], sentences);
  assert.notEqual(other.starts, a.starts, 'another tokens layer gets its own view');
  const index = new PhraseIndex<string>(false);
  index.add('United Nations', 'org');
  const i = a.tt.keys.indexOf('united');
  assert.equal(a.tt.match(index, i)?.last, i + 1);
  assert.equal(a.tt.tokenEndingAt(a.ends[i]! + 1), -1);
  // tokens whose ends do not rise (hand-made, overlapping) are still looked up exactly
  const text = 'ab cd';
  const tt = new TokenText(text, Int32Array.from([0, 0, 3]), Int32Array.from([5, 2, 5]));
  assert.equal(tt.tokenEndingAt(2), 1);
  assert.equal(tt.tokenEndingAt(5), 2);
  assert.equal(tt.tokenEndingAt(4), -1);
});
