import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import type { EventRecord } from '../../core/layers/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';
import { createEventsStage } from './index.js';

// Fixture texts written for the cross-sentence rules of context.ts: a participant a sentence
// leaves out is named by its neighbours.
let pipeline: Pipeline | undefined;
async function analyse(text: string): Promise<SitrepDocument> {
  pipeline ??= Pipeline.build([...defaultStages().filter((s) => s.name !== 'events'), createEventsStage()], await loadDefaultServices(), { softwareVersion: 'test' });
  return pipeline.run(new SitrepDocument(text, { publishedAt: '2024-03-12' }));
}
const inSentence = (doc: SitrepDocument, type: string, sentence: number): EventRecord => {
  const e = doc.get('events').find((x) => x.type === type && x.sentence === sentence);
  assert.ok(e, `no ${type} in sentence ${sentence}: ${JSON.stringify(doc.get('events').map((x) => [x.sentence, x.type, x.trigger.text]))}`);
  return e;
};

test('a deed with no doer: the perpetrator named in apposition in the next sentence', async () => {
  const doc = await analyse('Four people were killed on Sunday in an attack on a bus station in Garissa. The suspected gunman, Daniel Mwangi, was arrested by police on Monday.');
  const e = inSentence(doc, 'ASSAULT', 0);
  assert.match(e.source?.name ?? '', /Mwangi/);
});

test('an investigation with no target: the suspect named just before', async () => {
  const doc = await analyse('Police in Mombasa are searching for a suspect who left a parcel at the ferry terminal. The regional prosecutor said an investigation has been opened.');
  const e = inSentence(doc, 'ACCUSE', 1);
  assert.match(e.target?.span.text ?? '', /suspect/);
});

test('"under heavy fire": the speaker suffered it; the attacker is the one named across sentences (metonymy)', async () => {
  const doc = await analyse('Moscow launched a new assault on the region on Monday. Local officials said that several villages near the border were under heavy fire overnight.');
  const e = inSentence(doc, 'ASSAULT', 1);
  assert.ok(e.source, 'the attacker is carried over');
  assert.match(e.source.actorCode ?? '', /^RUS/);
  assert.doesNotMatch(e.source.span.text, /officials/);
});

test('the story attacker is not given to a deed against its own side', async () => {
  const doc = await analyse('Russian forces attacked Ukrainian positions near Bakhmut on Monday. Two Russian soldiers were killed in the fighting, Moscow said.');
  const e = inSentence(doc, 'ASSAULT', 1);
  assert.doesNotMatch(e.source?.actorCode ?? '', /^RUS/);
});

test('"X denounced the attack": the accuser is not the attacker, the attacker is the accused', async () => {
  const doc = await analyse('Kyiv denounced a massive attack on its power grid. Russian forces shelled the city again on Wednesday.');
  const attack = inSentence(doc, 'ASSAULT', 0);
  assert.doesNotMatch(attack.source?.actorCode ?? '', /^UKR/);
  const accusation = inSentence(doc, 'ACCUSE', 0);
  assert.match(accusation.source?.actorCode ?? '', /^UKR/);
  assert.match(accusation.target?.actorCode ?? '', /^RUS/);
});

test('a past attack told as history does not make the story attacker of today\'s blast', async () => {
  const doc = await analyse('A parcel bomb exploded outside a pharmacy in Tarbes on Monday. Six people were injured. France has been on alert since Islamic State militants launched a series of attacks in 2015, killing 130 people.');
  const blast = doc.get('events').find((e) => e.sentence === 1 && e.type === 'ASSAULT');
  assert.ok(blast);
  assert.doesNotMatch(`${blast.source?.span.text} ${blast.source?.actorCode}`, /Islamic State|militants|IRQ/);
});

test('a witness of the blast in a relative clause is not its doer', async () => {
  const doc = await analyse('"I heard a loud bang," said Clara, a student who witnessed the blast from across the street.');
  const blast = doc.get('events').find((e) => e.trigger.text === 'blast');
  assert.ok(blast);
  assert.doesNotMatch(blast.source?.span.text ?? '', /Clara|student/);
});

test('an actor in another clause did not do a deed named after "before"/"after"', async () => {
  const doc = await analyse('A spokesman said telephoned warnings were given to the Samaritans and the police at least thirty minutes before each explosion.');
  const blast = doc.get('events').find((e) => e.trigger.text === 'explosion');
  assert.ok(blast);
  assert.doesNotMatch(blast.source?.span.text ?? '', /police|Samaritans/);
});
