import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc } from '../../testing/docs.js';
import type { ActorMention } from '../../core/layers/index.js';
import { loadGazetteer } from '../../services/gazetteer/index.js';
import { createEntitiesStage } from '../entities/index.js';
import { createActorsStage } from './index.js';
import { gazetteerPlaceCountry } from './place-country.js';

const gazetteer = loadGazetteer();

function codes(text: string, withGazetteer = true): Map<string, string> {
  const doc = segmentedDoc(text);
  doc.set('entities', createEntitiesStage().run(doc, {}).layers.entities!);
  const out: ActorMention[] = createActorsStage().run(doc, withGazetteer ? { gazetteer } : {}).layers.actors!;
  return new Map(out.map((m) => [m.span.text, m.actor.code]));
}

test('a town named in the sentence says whose mayor and whose civilians these are, not the country named elsewhere', () => {
  const text = 'Russia warned of a response. A drone hit a bakery in Kharkiv overnight, the city’s mayor Ihor Terekhov said. Two people were wounded.';
  const found = codes(text);
  assert.equal(found.get('mayor Ihor Terekhov'), 'UKR GOV');
  assert.equal(found.get('people'), 'UKR CVL');
  // without the gazetteer the only country named is the article's, which is the mistake this fixes
  assert.equal(codes(text, false).get('mayor Ihor Terekhov'), 'RUS GOV');
});

test('only names one country holds by a wide margin give a country', () => {
  const country = gazetteerPlaceCountry(gazetteer);
  assert.equal(country('Kharkiv'), 'UKR');
  assert.equal(country('Mosul'), 'IRQ');
  assert.equal(country('Springfield'), 'USA');
  assert.equal(country('Zzyzxville'), undefined);
});
