import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import type { EventRecord } from '../../core/layers/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';
import { createEventsStage } from './index.js';

// Who did a deed and to whom, in sentences written for these rules.
let pipeline: Pipeline | undefined;
async function analyse(text: string, publishedAt = '2024-03-12'): Promise<SitrepDocument> {
  pipeline ??= Pipeline.build([...defaultStages().filter((s) => s.name !== 'events'), createEventsStage()], await loadDefaultServices(), { softwareVersion: 'test' });
  return pipeline.run(new SitrepDocument(text, { publishedAt }));
}
const byTrigger = (doc: SitrepDocument, word: string): EventRecord => {
  const e = doc.get('events').find((x) => x.trigger.text === word);
  assert.ok(e, `no event on "${word}" in ${JSON.stringify(doc.get('events').map((x) => x.trigger.text))}`);
  return e;
};

test('a verb after "and" with no subject of its own shares the first verb\'s subject', async () => {
  const doc = await analyse('Gunmen from the Red Hand Brigade attacked a police post near Taleka on Tuesday. They killed 9 Malian soldiers and wounded another 4.');
  const wounded = byTrigger(doc, 'wounded');
  assert.equal(wounded.source?.span.text, 'They');
  assert.ok(!/soldiers/.test(wounded.source?.span.text ?? ''), 'the first verb\'s object did not wound anyone');
  // a second subject after "and" keeps its own clause
  const own = await analyse('Rebels shelled the garrison town of Taleka and soldiers killed 12 of them.');
  assert.match(byTrigger(own, 'killed').source?.span.text ?? '', /soldiers/);
});

test('victims on the attackers\' side are not given the attackers as their killers', async () => {
  const doc = await analyse('On Monday, Shabaab gunmen and suicide bombers stormed an army base in Lower Shabelle, Somalia. They killed 11 Somali soldiers. Fourteen of the militants were killed.');
  const militants = doc.get('events').find((e) => e.sentence === 2 && e.type === 'ASSAULT');
  assert.ok(militants, 'the militants\' deaths are an event');
  assert.equal(militants.source, undefined, `nobody named killed the militants, got ${militants.source?.span.text}`);
});

test('a suicide bomber blowing himself up attacks; "life-threatening", "sign up", hosting a final are no events', async () => {
  const doc = await analyse('A man blew himself up outside a police station in Kandi on Sunday.');
  assert.deepEqual(doc.get('events').map((e) => e.type), ['ASSAULT']);
  for (const text of ['None of the injuries were life-threatening, doctors said.', 'Readers can sign up for the newsletter here.', 'The city of Kandi will host the final of the regional cup in June.']) {
    const d = await analyse(text);
    assert.deepEqual(d.get('events').map((e) => `${e.type}:${e.trigger.text}`), [], text);
  }
  // hosting talks is still a meeting
  const talks = await analyse('The president will host talks with rebel leaders in Cotonou next week.');
  assert.ok(talks.get('events').some((e) => e.type === 'CONSULT'));
});
