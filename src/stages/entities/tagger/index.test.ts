import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadNerTagger, recogniseEntitiesInText, defaultModelPath } from './index.js';

const haveModel = existsSync(defaultModelPath());

test('shipped model tags a news sentence sensibly', { skip: !haveModel && 'no trained model' }, () => {
  const tagger = loadNerTagger();
  const text = 'Armenian Prime Minister Nikol Pashinyan met officials of the European Union in Brussels .';
  const ents = recogniseEntitiesInText(tagger, text).map((e) => [text.slice(e.start, e.end), e.label]);
  assert.deepEqual(ents, [
    ['Armenian', 'MISC'],
    ['Nikol Pashinyan', 'PER'],
    ['European Union', 'ORG'],
    ['Brussels', 'LOC'],
  ]);
});

test('raw news text with curly apostrophes and accents', { skip: !haveModel && 'no trained model' }, () => {
  const tagger = loadNerTagger();
  const text =
    'Azerbaijan’s President Ilham Aliyev said Azeri troops had entered Nagorno-Karabakh.\n' +
    '“This is over,” French diplomat Stéphane Martin told reporters in Yerevan.';
  const ents = recogniseEntitiesInText(tagger, text);
  const got = new Map(ents.map((e) => [text.slice(e.start, e.end), e.label]));
  assert.equal(got.get('Azerbaijan'), 'LOC');
  assert.equal(got.get('Ilham Aliyev'), 'PER');
  assert.equal(got.get('Azeri'), 'MISC');
  assert.equal(got.get('Nagorno-Karabakh'), 'LOC');
  assert.equal(got.get('Stéphane Martin'), 'PER');
  assert.equal(got.get('Yerevan'), 'LOC');
  for (const e of ents) {
    assert.ok(e.start >= 0 && e.end <= text.length && e.start < e.end, 'valid offsets');
    assert.equal(text.slice(e.start, e.end).trim(), text.slice(e.start, e.end), 'no surrounding space');
  }
});

test('tagDocument returns per-sentence token spans', { skip: !haveModel && 'no trained model' }, () => {
  const tagger = loadNerTagger();
  const out = tagger.tagDocument([
    ['Talks', 'in', 'Geneva', 'ended', '.'],
    [],
    ['Maria', 'Lopez', 'of', 'Oxfam', 'said', 'so', '.'],
  ]);
  assert.equal(out.length, 3);
  assert.deepEqual(out[0], [{ startToken: 2, endToken: 3, label: 'LOC' }]);
  assert.deepEqual(out[1], []);
  assert.deepEqual(out[2], [
    { startToken: 0, endToken: 2, label: 'PER' },
    { startToken: 3, endToken: 4, label: 'ORG' },
  ]);
  assert.deepEqual(tagger.tagDocument([]), []);
});

test('a headline in Title Case does not turn every word into an entity', { skip: !haveModel && 'no trained model' }, () => {
  const tagger = loadNerTagger();
  const text =
    'Armenia Accuses Azerbaijan Of Shelling Border Villages\n' +
    'Armenia accused Azerbaijan on Monday of shelling villages near the border .';
  const ents = recogniseEntitiesInText(tagger, text).map((e) => text.slice(e.start, e.end));
  assert.ok(!ents.some((e) => /Shelling|Villages|Accuses/.test(e)), JSON.stringify(ents));
  assert.ok(ents.includes('Armenia') && ents.includes('Azerbaijan'));
});

test('empty and whitespace-only text', { skip: !haveModel && 'no trained model' }, () => {
  const tagger = loadNerTagger();
  assert.deepEqual(recogniseEntitiesInText(tagger, ''), []);
  assert.deepEqual(recogniseEntitiesInText(tagger, ' \n\n  \n'), []);
});
