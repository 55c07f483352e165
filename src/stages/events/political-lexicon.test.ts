import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';
import { lemmaCandidates } from './lexicon.js';

// Sentences written for the political and humanitarian wording that read as violence or aid.
let pipeline: Pipeline | undefined;
async function eventsOf(text: string): Promise<{ type: string; trigger: string }[]> {
  pipeline ??= Pipeline.build(defaultStages(), await loadDefaultServices(), { softwareVersion: 'test' });
  const doc = await pipeline.run(new SitrepDocument(text, { publishedAt: '2024-10-28' }));
  return doc.get('events').map((e) => ({ type: e.type, trigger: e.trigger.text.toLowerCase() }));
}

test('a national or nationwide strike is a protest, not an attack', async () => {
  for (const text of [
    'The opposition leader called for a national strike to begin on Wednesday.',
    'Unions said a nationwide strike would shut the ports for three days.',
  ]) {
    const evs = (await eventsOf(text)).filter((e) => e.trigger === 'strike');
    assert.ok(evs.length > 0, text);
    assert.ok(evs.every((e) => e.type === 'PROTEST'), `${text}: ${JSON.stringify(evs)}`);
  }
});

test('a listed irregular form has only its listed lemma: aides are no aid', async () => {
  assert.deepEqual(lemmaCandidates('aides', { aides: 'aide' }), ['aides', 'aide']);
  const evs = await eventsOf('Two close aides of the candidate were shot dead in their car on Friday.');
  assert.ok(!evs.some((e) => e.type === 'AID'), JSON.stringify(evs));
});

test('aid that is blocked, needed or merely named in a noun phrase is no aid given', async () => {
  for (const text of [
    'Aid trucks have been stuck at the border crossing for weeks, the agency said.',
    'Nearly half the population needs humanitarian assistance, the relief office said.',
    'The country was granted candidate status by the bloc two years ago.',
    'The UN humanitarian chief toured the camps on Monday.',
  ]) {
    const evs = await eventsOf(text);
    assert.ok(!evs.some((e) => e.type === 'AID'), `${text}: ${JSON.stringify(evs)}`);
  }
  const given = await eventsOf('The government sent aid to the flooded villages on Monday.');
  assert.ok(given.some((e) => e.type === 'AID'), 'aid sent is still aid');
});

test('a rights group that reports arrests did not make them; police who report them did', async () => {
  pipeline ??= Pipeline.build(defaultStages(), await loadDefaultServices(), { softwareVersion: 'test' });
  const sourceOf = async (text: string) => {
    const doc = await pipeline!.run(new SitrepDocument(text, { publishedAt: '2024-10-28' }));
    const e = doc.get('events').find((x) => x.type === 'COERCE');
    return `${e?.source?.span.text ?? '?'} > ${e?.target?.span.text ?? '?'}`;
  };
  assert.equal(await sourceOf('Human Rights Watch said 300 protesters were arrested in the capital.'), '? > protesters');
  assert.equal(await sourceOf('Police said 300 protesters were arrested in the capital.'), 'Police > protesters');
});

test('"met with force" and "meet the deadline" are no talks; "which must" states a duty, not a request', async () => {
  for (const text of ['Any strike would be met with force, the police chief warned.', 'The ministry said it would not meet the deadline set by the lenders.']) {
    const evs = await eventsOf(text);
    assert.ok(!evs.some((e) => e.type === 'CONSULT'), `${text}: ${JSON.stringify(evs)}`);
  }
  const duty = await eventsOf('The party said it would defend its victory before the court, which must certify the results.');
  assert.ok(!duty.some((e) => e.type === 'REQUEST' && e.trigger === 'must'), JSON.stringify(duty));
  const talks = await eventsOf('The foreign ministers met with their Iranian counterparts in Muscat on Monday.');
  assert.ok(talks.some((e) => e.type === 'CONSULT'), 'a meeting is still a meeting');
});

test('"are expected to" is a forecast, not a request; rights groups who count arrests did not make them', async () => {
  const forecast = await eventsOf('The two governments are expected to announce new measures next week.');
  assert.ok(!forecast.some((e) => e.type === 'REQUEST'), JSON.stringify(forecast));
  const asked = await eventsOf('The minister said he expected the rebels to hand over their weapons.');
  assert.ok(asked.some((e) => e.type === 'REQUEST' && e.trigger === 'expected'), JSON.stringify(asked));
  pipeline ??= Pipeline.build(defaultStages(), await loadDefaultServices(), { softwareVersion: 'test' });
  const doc = await pipeline.run(new SitrepDocument('More than 500 people were detained after the vote, according to rights groups.', { publishedAt: '2024-10-28' }));
  assert.equal(doc.get('actors').find((a) => a.span.text === 'rights groups')?.actor.sector, 'NGO');
  assert.equal(doc.get('events').find((e) => e.type === 'COERCE')?.source, undefined);
});
