import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc, invalidSpans } from '../../testing/docs.js';
import { attributedSpeech } from '../../core/layers/index.js';
import { extractQuotes } from './index.js';
import type { QuoteWithMode } from './mode.js';

function quotes(text: string): QuoteWithMode[] {
  const doc = segmentedDoc(text);
  doc.set('entities', []);
  doc.set('actors', []);
  const out = attributedSpeech(extractQuotes(doc)) as QuoteWithMode[];
  assert.deepEqual(invalidSpans(doc.text, out), []);
  return out;
}

test('each quote says whether it is direct, partial or reported', () => {
  const text = 'The mayor said the talks could resume “within a few days” if the shelling stopped. The mayor said the bridge had been closed to all traffic since Monday.';
  assert.deepEqual(quotes(text).map((q) => [q.mode, q.direct, q.span.text]), [
    ['partial', false, 'the talks could resume “within a few days” if the shelling stopped'],
    ['direct', true, 'within a few days'],
    ['reported', false, 'the bridge had been closed to all traffic since Monday'],
  ]);
});

test('a name that reads as a modal verb stays in the speaker', () => {
  const [q] = quotes('Prime Minister Theresa May promised to review the security strategy of the country after the attack.');
  assert.equal(q?.speaker?.span.text, 'Prime Minister Theresa May');
  const [r] = quotes('The minister may say that the border will stay closed for another month.');
  assert.equal(r?.speaker?.span.text, 'The minister');
});

test('a call on someone to act reports the request, not the addressee or its aside', () => {
  const [q] = quotes('The governor called on the rebels — a force of some two thousand fighters — to lay down their arms before the talks.');
  assert.equal(q?.span.text, 'to lay down their arms before the talks');
  assert.equal(q?.speaker?.span.text, 'The governor');
});

test('a headline run into its dateline is not part of what was said', () => {
  const [q] = quotes('Two guards hurt in raid near BasraBASRA, Iraq, June 2 (Reuters) -- Two guards were hurt when gunmen raided a warehouse near the port, police said.');
  assert.equal(q?.span.text, 'Two guards were hurt when gunmen raided a warehouse near the port');
});

test('a headline run into a dateline without an agency is not part of what was said either', () => {
  const [q] = quotes('Bridge shelled near the border town of TolvanTOLVAN, Ruritania — Two soldiers were hurt when shells hit the bridge, the army said.');
  assert.equal(q?.span.text, 'Two soldiers were hurt when shells hit the bridge');
});

test('a dateline opening the sentence is not part of what was said', () => {
  const [q] = quotes('MOSUL, Iraq, May 4 (Reuters) -- Three soldiers were wounded by a roadside bomb near the airport, the army said.');
  assert.equal(q?.span.text, 'Three soldiers were wounded by a roadside bomb near the airport');
});

test('a dateline in title case opening the sentence is not part of what was said either', () => {
  const [q] = quotes('Tolvan, Ruritania (Reuters) - Four villagers were killed by gunmen on motorcycles overnight, police said.');
  assert.equal(q?.span.text, 'Four villagers were killed by gunmen on motorcycles overnight');
});

test('reported speech with no quoted words is a statement; quoted words stay quotes', () => {
  const doc = segmentedDoc('The mayor said the talks could resume “within a few days” if the shelling stopped. The mayor said the bridge had been closed to all traffic since Monday.');
  doc.set('entities', []);
  doc.set('actors', []);
  const { quotes, statements } = extractQuotes(doc);
  assert.deepEqual(quotes.map((q) => q.span.text), ['the talks could resume “within a few days” if the shelling stopped', 'within a few days']);
  assert.deepEqual(statements.map((q) => q.span.text), ['the bridge had been closed to all traffic since Monday']);
  // one id sequence across both layers, so an event's quoteIds can name either
  assert.deepEqual([...quotes, ...statements].map((q) => q.id).sort(), ['q1', 'q2', 'q3']);
});
