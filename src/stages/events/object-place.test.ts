import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import type { EventRecord } from '../../core/layers/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';
import { createEventsStage } from './index.js';

// Sentences written for objectBeforePlace (noun-arguments.ts): the object of a harm verb against an actor named after it.
let pipeline: Pipeline | undefined;
async function eventsOf(text: string): Promise<EventRecord[]> {
  pipeline ??= Pipeline.build([...defaultStages().filter((s) => s.name !== 'events'), createEventsStage()], await loadDefaultServices(), { softwareVersion: 'test' });
  return pipeline.run(new SitrepDocument(text, { publishedAt: '2024-05-02' })).get('events');
}
const assaultBy = async (text: string, trigger: string) => {
  const e = (await eventsOf(text)).find((x) => x.type === 'ASSAULT' && x.trigger.text === trigger);
  assert.ok(e, `no ASSAULT on "${trigger}" in: ${text}`);
  return e;
};

test('the object right after a verb is its target, not an actor named in a place phrase after it', async () => {
  let e = await assaultBy('Insurgents attacked Camp Dwyer in Garmsir District, Afghanistan, before dawn.', 'attacked');
  assert.equal(e.target?.span.text, 'Camp Dwyer');
  e = await assaultBy('Border guards beat up Syrian migrants on the Turkish frontier, a rights group said.', 'beat up');
  assert.match(e.target?.span.text ?? '', /migrants/);
  // an actor after a verb past the place phrase belongs to that verb's act: the old choice stands
  const raid = (await eventsOf('Militants raided a camp outside Baidoa, hosting army troops, on Friday night.')).find((x) => x.trigger.text === 'raided');
  assert.match(raid?.target?.span.text ?? '', /army/);
  // "at" names the aim: the shots are not the target, the police are
  e = await assaultBy('Guards fired shots at off-duty police who tried to enter the compound.', 'fired');
  assert.match(e.target?.span.text ?? '', /police/);
  // "by" names who did it, not where: the object is not read before it
  e = await assaultBy('Federal troops were sent to repel raids by Chechen militants.', 'repel');
  assert.notEqual(e.target?.span.text, 'raids');
});
