import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTokens, ploverTypesOf, scoreWikiEvents, type ScoredEvent, type WikiEventsRecord } from './wikievents.js';

// a record in the release's shape, written for this test; its token offsets are not document offsets
const text = 'Gunmen attacked a checkpoint in Valdora.Two guards died.';
const words = (s: string, from: number) => s.split(/(?=\.)|\s+/).filter(Boolean).map((w, i): [string, number, number] => [w, from + i, from + i + w.length]);
const record: WikiEventsRecord = {
  doc_id: 'made-up',
  text,
  sentences: [[words('Gunmen attacked a checkpoint in Valdora .', 0), 'Gunmen attacked a checkpoint in Valdora.'], [words('Two guards died .', 0), 'Two guards died.']],
  entity_mentions: [
    { id: 'T1', start: 0, end: 1, text: 'Gunmen' },
    { id: 'T2', start: 3, end: 4, text: 'checkpoint' },
    { id: 'T3', start: 5, end: 6, text: 'Valdora' },
    { id: 'T4', start: 8, end: 9, text: 'guards' },
  ],
  event_mentions: [
    { event_type: 'Conflict.Attack.Unspecified', trigger: { start: 1, end: 2, text: 'attacked' }, arguments: [{ entity_id: 'T1', role: 'Attacker', text: 'Gunmen' }, { entity_id: 'T2', role: 'Target', text: 'checkpoint' }, { entity_id: 'T3', role: 'Place', text: 'Valdora' }] },
    { event_type: 'Life.Die.Unspecified', trigger: { start: 9, end: 10, text: 'died' }, arguments: [{ entity_id: 'T4', role: 'Victim', text: 'guards' }] },
    { event_type: 'Movement.Transportation.Unspecified', trigger: { start: 1, end: 2, text: 'attacked' }, arguments: [] },
  ],
};

test('tokens are found in the text in order, whatever offsets the release gives', () => {
  const { tokens, sentences } = alignTokens(record);
  assert.equal(text.slice(tokens[5]!.start, tokens[5]!.end), 'Valdora');
  assert.equal(text.slice(tokens[8]!.start, tokens[8]!.end), 'guards');
  assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), ['Gunmen attacked a checkpoint in Valdora.', 'Two guards died.']);
});

test('only KAIROS types with a PLOVER counterpart are scored', () => {
  assert.deepEqual(ploverTypesOf('Life.Injure.Unspecified'), ['ASSAULT']);
  assert.equal(ploverTypesOf('Movement.Transportation.Unspecified'), undefined);
});

test('found events and their doer, target and place are matched by span or by name', () => {
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  const attack: ScoredEvent = {
    type: 'ASSAULT',
    trigger: at('attacked'),
    sentence: at('Gunmen attacked a checkpoint in Valdora.'),
    source: { span: at('Gunmen'), name: 'unknown gunmen', text: 'Gunmen' },
    target: { span: at('a checkpoint'), name: 'checkpoint', text: 'a checkpoint' },
    place: { name: 'Valdora' },
  };
  assert.deepEqual(scoreWikiEvents([record], () => [attack]), { assaultRecall: 0.5, placeMatch: 1, sourceMatch: 1, targetMatch: 0.5 });
  const wrongType = { ...attack, type: 'PROTEST' as const };
  assert.deepEqual(scoreWikiEvents([record], () => [wrongType]), { assaultRecall: 0, placeMatch: 0, sourceMatch: 0, targetMatch: 0 });
});
