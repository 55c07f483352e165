import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import type { EventRecord } from '../../core/layers/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';
import { createEventsStage } from './index.js';

// Sentences written for the participant rules of phrase-heads.ts, coordination.ts, objects.ts, subject.ts,
// noun-arguments.ts and participants.ts (who did what to whom).
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

test('an actor modifying a noun of people stands for them: the target span takes the head in', async () => {
  const all = await eventsOf('A roadside bomb exploded on Tuesday, killing four NATO service members near the airfield.');
  const hit = all.find((x) => x.type === 'ASSAULT' && x.target);
  assert.equal(hit?.target?.span.text, 'NATO service members');
  assert.equal(hit?.target?.name, 'NATO');
  const e = await assaultBy('Two Russian military personnel were wounded when their vehicle hit a mine, officials said.', 'wounded');
  assert.equal(e.target?.span.text, 'Russian military personnel');
});

test('a modified noun that names no people, a possessive or a time is not taken in', async () => {
  const all = await eventsOf('Kenya said it would take military action against the gunmen who attacked their families last week.');
  for (const e of all) {
    assert.doesNotMatch(e.source?.span.text ?? '', /action|families|week/, `source ${e.source?.span.text} of ${e.type}`);
    assert.doesNotMatch(e.target?.span.text ?? '', /action|families|week/, `target ${e.target?.span.text} of ${e.type}`);
  }
});

test('a harm verb with a bare number as object did it to that many', async () => {
  const cases: [string, string, string][] = [
    ['The raiders killed nine villagers in the market and wounded another 12.', 'wounded', 'another 12'],
    // the actor after it tells of the deed, it did not suffer it
    ['Gunmen killed three police officers at a checkpoint and injured 7, the army said.', 'injured', '7'],
    // "7 of the soldiers" has its noun
    ['Gunmen killed three police officers at a checkpoint and injured 7 of the soldiers.', 'injured', 'soldiers'],
  ];
  for (const [text, trigger, want] of cases) assert.equal((await assaultBy(text, trigger)).target?.span.text, want, text);
  // "two suspected members": the number opens a phrase with its noun further on
  const e = await assaultBy('Soldiers shot two suspected smugglers dead near the border post.', 'shot');
  assert.notEqual(e.target?.span.text, 'two');
});

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

test('noun phrases joined by "and" to a participant share the act: its span takes them in', async () => {
  let e = await assaultBy('In the market, three traders and a policeman were killed.', 'killed');
  assert.equal(e.target?.span.text, 'three traders and a policeman');
  const arrest = (await eventsOf('Police arrested the driver and his two sons near the border.')).find((x) => x.type === 'COERCE');
  assert.equal(arrest?.target?.span.text, 'driver and his two sons');
  e = await assaultBy('There were six women, a 12-year-old boy and three men injured.', 'injured');
  assert.equal(e.target?.span.text, 'six women, a 12-year-old boy and three men');
});

test('a phrase that belongs to another verb or stands for the other side is not joined', async () => {
  const cases: [string, string, RegExp][] = [
    // the object of "attacked" is not among those killed
    ['Rebels attacked the barracks and two soldiers were killed.', 'killed', /^soldiers$/],
    // "a boy" is the subject of the next clause
    ['The gunmen shot a farmer and a boy was hurt.', 'shot', /^farmer$/],
    // a name that only modifies the noun after it is not that phrase's head
    ['A retired judge and Hamas critic was shot outside his home.', 'shot', /^(?!.*judge)/],
  ];
  for (const [text, trigger, want] of cases) assert.match((await assaultBy(text, trigger)).target?.span.text ?? '', want, text);
  // "between" names two sides
  const fight = (await eventsOf('Heavy fighting broke out between the army and the rebels.')).find((x) => x.type === 'ASSAULT');
  assert.doesNotMatch(fight?.target?.span.text ?? fight?.source?.span.text ?? '', / and /);
});

test('a later verb of the same event gives the object the first one lacks', async () => {
  let e = await assaultBy('The device went off early, killing the three on the spot, the police said.', 'went off');
  assert.equal(e.target?.span.text, 'the three');
  e = await assaultBy('A parked car exploded near the stadium, wounding four guards.', 'exploded');
  assert.match(e.target?.span.text ?? '', /guards/);
});

test('the object before an infinitive is the target, not an actor inside the infinitive', async () => {
  const e = (await eventsOf('The cleric called on young men to take up arms against Ethiopia.')).find((x) => x.type === 'REQUEST');
  assert.equal(e?.target?.span.text, 'young men');
});

test('a quantity as object takes in its "of" phrase', async () => {
  const e = (await eventsOf('Last year the militia seized hundreds of hostages in two border towns.')).find((x) => x.type === 'COERCE' || x.type === 'ASSAULT');
  assert.equal(e?.target?.span.text, 'hundreds of hostages');
});

test('a deed noun as the subject of a passive deed verb has its by-agent as doer', async () => {
  const e = (await eventsOf('The ambush is thought to have been carried out by al-Shabaab fighters.')).find((x) => x.type === 'ASSAULT');
  assert.match(e?.source?.span.text ?? '', /al-Shabaab/);
  assert.ok(!e?.target || !/al-Shabaab/.test(e.target.span.text), 'the doer is not the target');
});

test('a verb after ", and" with no subject shares the subject of the clause before', async () => {
  const e = (await eventsOf('The council approved the budget last week, and asked the governor to sign it.')).find((x) => x.type === 'REQUEST');
  assert.match(e?.source?.span.text ?? '', /council/);
});

test('a participle after a comma shares the subject of the clause before, not its object', async () => {
  const e = (await eventsOf('Riot police opened fire to disperse the demonstrators on Friday, killing one man.')).find((x) => x.type === 'ASSAULT');
  assert.match(e?.source?.span.text ?? '', /police/);
  // a passive clause's subject suffered the act: it did not do what follows
  const all = await eventsOf('The building was shattered by an explosion early on Monday, killing 40 people.');
  for (const x of all.filter((y) => y.type === 'ASSAULT')) assert.doesNotMatch(x.source?.span.text ?? '', /building/);
});

test('a passive subject set off by an apposition is the target, not an actor inside the apposition', async () => {
  const e = await assaultBy('The deputy head of the port authority, a former army officer, was reportedly shot.', 'shot');
  assert.match(e.target?.span.text ?? '', /deputy head/);
});

test('a giving verb has who receives as its target, named after "to" behind the thing given', async () => {
  const e = (await eventsOf('The charity delivered two tonnes of food and medicine to the district hospital on Tuesday.')).find((x) => x.type === 'AID');
  assert.match(e?.target?.span.text ?? '', /hospital/);
  // "to" opening an infinitive names no recipient
  const f = (await eventsOf('Japan offered its engineers to rebuild the damaged bridge.')).find((x) => x.type === 'AGREE' || x.type === 'AID');
  assert.doesNotMatch(f?.target?.span.text ?? '', /rebuild|bridge/);
});

test('an actor inside an apposition between the subject and its verb is not the doer', async () => {
  const e = (await eventsOf('Jordan, a close U.S. partner in the region, has rejected the proposal.')).find((x) => x.type === 'REJECT');
  assert.equal(e?.source?.span.text, 'Jordan');
});

test('a by-phrase after an attack noun and its target names the attacker, unless the target is itself a deed', async () => {
  let e = (await eventsOf('An attack on an army checkpoint by al-Shabaab left two soldiers dead.')).find((x) => x.type === 'ASSAULT' && x.trigger.text === 'attack');
  assert.match(e?.source?.span.text ?? '', /al-Shabaab/);
  // the head noun an actor modifies is taken in: "army checkpoint"
  assert.equal(e?.target?.span.text, 'army checkpoint');
  e = (await eventsOf('Students joined demonstrations against the abuses by the police in the capital.')).find((x) => x.type === 'PROTEST');
  assert.doesNotMatch(e?.source?.span.text ?? '', /police/);
});
