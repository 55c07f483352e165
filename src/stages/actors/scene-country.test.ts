import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc } from '../../testing/docs.js';
import type { ActorMention } from '../../core/layers/index.js';
import { createEntitiesStage } from '../entities/index.js';
import { createActorsStage } from './index.js';
import { loadDefaultServices } from '../../pipeline/default.js';

// Sentences written for whose police, protesters and residents a political story speaks of.
async function codeOf(text: string, mention: string): Promise<string> {
  const doc = segmentedDoc(text);
  doc.set('entities', createEntitiesStage().run(doc, {}).layers.entities!);
  const out: ActorMention[] = createActorsStage().run(doc, await loadDefaultServices()).layers.actors!;
  const m = out.find((x) => x.span.text === mention);
  assert.ok(m, `no mention "${mention}" in ${out.map((x) => `${x.span.text}=${x.actor.code}`).join(' | ')}`);
  return m.actor.code;
}

test('"protesters in <city>" are of the city\'s country, whatever country the sentence named first', async () => {
  assert.equal(await codeOf('Somalia said on Monday that protesters in Nairobi had stoned its embassy.', 'protesters'), 'KEN PRO');
  // troops are often far from home: their place says nothing of whose they are
  assert.equal(await codeOf('Russia said on Monday that troops in Ukraine had been resupplied.', 'troops'), 'RUS MIL');
});

test('a thing\'s nationality ("Kenyan flags") does not make the next sentence\'s police Kenyan', async () => {
  assert.equal(await codeOf('Crowds in Kampala burned Kenyan flags on Friday. Police fired tear gas.', 'Police'), 'UGA COP');
});

test('police after a scene are of the scene\'s country, even when another country was named since', async () => {
  assert.equal(await codeOf('Protesters in Kampala denounced Kenya on Friday. Police fired tear gas.', 'Police'), 'UGA COP');
});

test('"Congo" alone is the Democratic Republic of Congo, as wire style uses it', async () => {
  assert.equal(await codeOf('Congo accused Rwanda of backing the rebels.', 'Congo'), 'COD');
  assert.equal(await codeOf('The Republic of Congo closed its border on Monday.', 'Republic of Congo'), 'COG');
});

test('a town whose only namesake lies in a country the article never names does not set the country', async () => {
  // the gazetteer knows a Delmas only in South Africa; the story is about Haiti
  assert.equal(await codeOf('In Delmas, gunmen burned houses on Sunday, Haitian police said.', 'gunmen'), 'HTI REB');
});

test('"his government" is the government of the person the pronoun names, not the last government named', async () => {
  const text = 'Belarus said the government would respond. Lithuanian Foreign Minister Ona Vaitkus said her government had pushed for tougher measures.';
  const doc = segmentedDoc(text);
  doc.set('entities', createEntitiesStage().run(doc, {}).layers.entities!);
  const out = createActorsStage().run(doc, await loadDefaultServices()).layers.actors!;
  const governments = out.filter((m) => m.span.text === 'government').map((m) => m.actor.code);
  assert.deepEqual(governments, ['BLR GOV', 'LTU GOV']);
});
