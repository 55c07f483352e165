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
