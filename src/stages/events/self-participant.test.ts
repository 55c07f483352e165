import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSpan } from '../../core/span.js';
import type { EventParticipant, Quote } from '../../core/layers/index.js';
import { SitrepDocument } from '../../core/document.js';
import { createDefaultPipeline } from '../../pipeline/default.js';
import { withoutReporterAsAgent, withoutSelfParticipant } from './self-participant.js';

const TEXT = 'A shell hit the depot, the governor Anna Berg said, and the governor sent aid.';
const part = (text: string, from = 0, id?: string): EventParticipant => {
  const start = TEXT.indexOf(text, from);
  return { span: makeSpan(TEXT, start, start + text.length), name: text, ...(id ? { actorMentionId: id } : {}) };
};

test('one participant on both sides: the target goes, and the source too when it is the one reporting', () => {
  const governor = part('the governor Anna Berg', 0, 'a1');
  const speech: Quote = { id: 'q1', span: makeSpan(TEXT, 0, 21), direct: false, speaker: { span: governor.span, actorMentionId: 'a1' }, sentence: 0 };
  assert.deepEqual(withoutSelfParticipant({ source: governor, target: part('governor Anna Berg', 0, 'a1') }, [speech]), {});
  const sender = part('the governor', 40);
  assert.deepEqual(withoutSelfParticipant({ source: sender, target: sender }, [speech]), { source: sender });
  const other = { source: sender, target: part('the depot') };
  assert.equal(withoutSelfParticipant(other, [speech]), other, 'two participants stay as they are');
});

test('in the pipeline, the mayor reporting a strike is neither its source nor its target', async () => {
  const pipeline = await createDefaultPipeline();
  const doc = pipeline.run(new SitrepDocument('The toll from the missile strike on a bakery in Kharkiv has risen to five, the city’s mayor Ihor Terekhov said on Thursday.', { publishedAt: '2024-07-10' }));
  for (const e of doc.get('events')) {
    for (const side of [e.source, e.target]) assert.doesNotMatch(side?.span.text ?? '', /Terekhov/, `${e.type} ${side?.span.text}`);
  }
});

test('a material act inside a direct quote is not done by the one quoted, nor to the outlet told', async () => {
  const pipeline = await createDefaultPipeline();
  const text = '“The gunmen came at dawn and we heard shooting for hours,” a farmer from Kellu told Reuters by telephone.';
  const doc = pipeline.run(new SitrepDocument(text, { publishedAt: '2024-07-10' }));
  const assaults = doc.get('events').filter((e) => e.type === 'ASSAULT');
  assert.ok(assaults.length > 0, 'the shooting is still an event');
  for (const e of assaults) {
    for (const side of [e.source, e.target]) assert.doesNotMatch(side?.span.text ?? '', /farmer|Reuters/, `${e.trigger.text}: ${side?.span.text}`);
  }
});

test('a possessive that stands for the source is not the target ("called on his supporters")', async () => {
  const pipeline = await createDefaultPipeline();
  const doc = pipeline.run(new SitrepDocument('Opposition leader Tomas Velde on Monday called on his supporters to stage a week of protests in Corvallo.', { publishedAt: '2024-07-10' }));
  const request = doc.get('events').find((e) => e.type === 'REQUEST');
  assert.ok(request, 'the call is a request');
  assert.notEqual(request!.target?.name, request!.source?.name);
});

test('who tells of a deed in a closing attribution is neither its doer nor its target', async () => {
  const pipeline = await createDefaultPipeline();
  const doc = pipeline.run(new SitrepDocument('Gunmen stormed a mosque in the village of Tandi during evening prayers, police and local residents said on Tuesday.', { publishedAt: '2024-07-10' }));
  const raid = doc.get('events').find((e) => e.type === 'ASSAULT');
  assert.ok(raid, 'the raid is an assault');
  for (const side of [raid!.source, raid!.target]) assert.doesNotMatch(side?.span.text ?? '', /police|residents/, side?.span.text);
});

test('a state news agency, coded with its country, is a news outlet too', () => {
  const agency: EventParticipant = { ...part('the governor'), name: 'State Agency', actorCode: 'RUS MED' };
  const wire: EventParticipant = { ...agency, actorCode: 'MED AP' };
  assert.deepEqual(withoutReporterAsAgent({ source: agency }, 'ASSAULT'), {});
  assert.deepEqual(withoutReporterAsAgent({ source: wire }, 'ASSAULT'), {});
  assert.deepEqual(withoutReporterAsAgent({ source: agency }, 'ACCUSE'), { source: agency }, 'a verbal act keeps its source');
});

test('one actor by code and name does not accuse or ask itself; a material act keeps both sides', () => {
  const text = "The country's foreign ministry condemned the decision and said the capital would respond.";
  const at = (s: string, code: string): EventParticipant => {
    const start = text.indexOf(s);
    return { span: makeSpan(text, start, start + s.length), name: 'Government of Ruritania', actorCode: code };
  };
  const ministry = at("country's foreign ministry", 'RUR GOV');
  const capital = at('the capital', 'RUR GOV');
  assert.deepEqual(withoutSelfParticipant({ source: ministry, target: capital }, [], 'ACCUSE'), { source: ministry });
  const both = { source: ministry, target: capital };
  assert.equal(withoutSelfParticipant(both, [], 'COERCE'), both, 'a government may arrest its own officials');
  assert.equal(withoutSelfParticipant(both, []), both, 'without a type nothing changes');
});
