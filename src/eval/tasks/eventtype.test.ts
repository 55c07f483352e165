import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../../core/layers/index.js';
import { makeSpan } from '../../core/span.js';
import { caseLabel, loadOutsideCues } from './eventtype.js';

const ev = (text: string, type: EventRecord['type'], word: string, subEventType: string, eventType: string): EventRecord => {
  const at = text.indexOf(word);
  const span = makeSpan(text, at, at + word.length);
  return { id: word, type, trigger: span, sentence: 0, sentenceSpan: makeSpan(text, 0, text.length), countIds: [], quoteIds: [], background: false, acled: { eventType, subEventType } };
};

test('a protest leads over the violence done to it (ACLED codes it under protests)', () => {
  const text = 'Guards shot two marchers during a protest outside the ministry.';
  const events = [ev(text, 'ASSAULT', 'shot', 'Armed clash', 'Battles'), ev(text, 'PROTEST', 'protest', 'Excessive force against protesters', 'Protests')];
  assert.equal(caseLabel(text, events, loadOutsideCues()), 'FORCE_AGAINST_PROTEST');
});
