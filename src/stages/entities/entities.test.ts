import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc, invalidSpans } from '../../testing/docs.js';
import type { Entity } from '../../core/layers/index.js';
import type { NerTaggerService } from '../../services/ner/index.js';
import { createEntitiesStage } from './index.js';

function entities(text: string, services = {}): Entity[] {
  const doc = segmentedDoc(text);
  const out = createEntitiesStage().run(doc, services).layers.entities!;
  assert.deepEqual(invalidSpans(text, out), [], 'every span is valid');
  return out;
}
const pairs = (es: Entity[]) => es.map((e) => `${e.type}:${e.span.text}`);

test('a title is not part of the person; the nationality is its own entity', () => {
  const got = pairs(entities('Ruritanian officials met as Armenian Prime Minister Nikol Pashinyan arrived in Yerevan on Tuesday.'));
  assert.ok(got.includes('NORP:Armenian'), got.join(' | '));
  assert.ok(got.includes('PERSON:Nikol Pashinyan'), got.join(' | '));
  assert.ok(got.includes('GPE:Yerevan'), got.join(' | '));
  assert.ok(!got.some((g) => g.includes('Prime Minister')), got.join(' | '));
});

test('hyphenated regions stay whole and "the" is dropped', () => {
  const got = pairs(entities('Shelling resumed in Nagorno-Karabakh overnight, and the UN General Assembly discussed it with the Security Council.'));
  assert.ok(got.includes('LOC:Nagorno-Karabakh'), got.join(' | '));
  assert.ok(got.includes('ORG:UN General Assembly'), got.join(' | '));
  assert.ok(got.includes('ORG:Security Council'), got.join(' | '));
  assert.ok(!got.some((g) => /:the /i.test(g)), got.join(' | '));
});

test('agencies, ministries, armed groups and capitals', () => {
  const got = pairs(entities('Russia demanded a ceasefire, the Foreign Ministry told Reuters and AFP, after Islamic State fighters crossed into Syria from Baghdad.'));
  for (const want of ['GPE:Russia', 'ORG:Foreign Ministry', 'ORG:Reuters', 'ORG:AFP', 'ORG:Islamic State', 'GPE:Syria', 'GPE:Baghdad']) assert.ok(got.includes(want), `${want} in ${got.join(' | ')}`);
});

test('a surname alone is a person once the full name was seen; unknown places after "in"', () => {
  const got = pairs(entities('Police said Marta Kovalenko was detained. Kovalenko denied the charges at a court in Zelvograd on Friday.'));
  assert.ok(got.includes('PERSON:Marta Kovalenko'), got.join(' | '));
  assert.ok(got.includes('PERSON:Kovalenko'), got.join(' | '));
  assert.ok(got.includes('GPE:Zelvograd'), got.join(' | '));
});

test('organisation and place names by their last word, lower-case place words', () => {
  const got = pairs(entities('The Greater Glenford Police said two men were hurt on Harbour View Street and in Tarnak district.'));
  assert.ok(got.includes('ORG:Greater Glenford Police'), got.join(' | '));
  assert.ok(got.includes('LOC:Harbour View Street'), got.join(' | '));
  assert.ok(got.includes('GPE:Tarnak district'), got.join(' | '));
});

test('no junk from sentence-initial capitals or unknown acronyms before nouns', () => {
  const got = entities('Meanwhile, residents fled the area. However, the army arrived later with SIM cards and food. Yesterday nobody spoke.').filter((e) => ['PERSON', 'ORG', 'GPE', 'LOC'].includes(e.type));
  assert.deepEqual(pairs(got), []);
});

test('demonyms and religious groups are NORP', () => {
  const got = pairs(entities('Azeri and Kurdish fighters clashed with Shia militias.'));
  for (const want of ['NORP:Azeri', 'NORP:Kurdish', 'NORP:Shia']) assert.ok(got.includes(want), `${want} in ${got.join(' | ')}`);
});

test('a tagger service, when given, types what the rules cannot', () => {
  const tagger: NerTaggerService = {
    tagDocument: (sentences) => sentences.map((toks) => {
      const k = toks.indexOf('Zorbo');
      return k >= 0 ? [{ startToken: k, endToken: k + 1, label: 'PER' as const }] : [];
    }),
  };
  const got = pairs(entities('The man, nicknamed Zorbo, worked at a bakery.', { nerTagger: tagger }));
  assert.ok(got.includes('PERSON:Zorbo'), got.join(' | '));
  assert.ok(!pairs(entities('The man, nicknamed Zorbo, worked at a bakery.')).includes('PERSON:Zorbo'));
});
