import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import type { EventRecord } from '../../core/layers/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';

// Sentences written for where and when political and diplomatic events happen.
let pipeline: Pipeline | undefined;
async function eventsOf(text: string, publishedAt = '2024-02-08'): Promise<EventRecord[]> {
  pipeline ??= Pipeline.build(defaultStages(), await loadDefaultServices(), { softwareVersion: 'test' });
  return (await pipeline.run(new SitrepDocument(text, { publishedAt }))).get('events');
}
const byTrigger = (evs: EventRecord[], trigger: string) => {
  const e = evs.find((x) => x.trigger.text === trigger);
  assert.ok(e, `no event "${trigger}" in ${evs.map((x) => x.trigger.text).join(', ')}`);
  return e;
};

test('the EU named as an actor is not where an event happens', async () => {
  const text = [
    'EU ministers met in Brussels on Monday. The EU said it would review its ties.',
    '',
    'Police in Tbilisi detained 30 people on Thursday. The EU condemned the arrests.',
  ].join('\n');
  const evs = await eventsOf(text);
  assert.notEqual(byTrigger(evs, 'detained').place?.name, 'EU');
  assert.ok(evs.every((e) => e.place?.name !== 'EU'), evs.map((e) => `${e.trigger.text}@${e.place?.name}`).join(', '));
});

test('a sentence naming no place goes on where its paragraph last said, not at the article focus', async () => {
  const text = [
    'Mediators said talks would resume in Jeddah this month. Delegates arrived in Jeddah on Tuesday.',
    '',
    'Fighting raged around the city of El Fasher in North Darfur. At least 20 people were killed in shelling on the main market on Monday.',
  ].join('\n');
  assert.equal(byTrigger(await eventsOf(text), 'killed').place?.name, 'El Fasher');
});

test('a year naming another noun ("the 1994 genocide") does not date the event', async () => {
  const evs = await eventsOf('The spokeswoman accused the army of arming the rebels, a militia linked to the 1994 genocide.');
  const accused = byTrigger(evs, 'accused');
  assert.equal(accused.date?.value, '2024-02-08');
  assert.equal(accused.date?.fromPublication, true);
});

test('"until the end of 2028" ends a period; it does not date the suspension', async () => {
  const evs = await eventsOf('The ruling party suspended accession talks until the end of 2028.', '2024-12-06');
  const suspended = byTrigger(evs, 'suspended');
  assert.equal(suspended.date?.value, '2024-12-06');
});

test('protesters fired at are the source of their own protest, not whoever reports the shooting', async () => {
  const evs = await eventsOf('Amnesty International said soldiers had fired tear gas at demonstrators in the capital.');
  const protest = evs.find((e) => e.type === 'PROTEST');
  assert.ok(protest, JSON.stringify(evs.map((e) => e.type)));
  assert.equal(protest.source?.span.text, 'demonstrators');
});
