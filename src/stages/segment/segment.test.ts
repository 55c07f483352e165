import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invalidSpans } from '../../testing/docs.js';
import { segmentText } from './index.js';

test('a headline without a full stop is its own sentence', () => {
  const text = 'Six dead in flooding\nSix people died when the river burst its banks. Rescuers searched overnight.';
  const { sentences } = segmentText(text);
  assert.deepEqual(sentences.map((s) => s.span.text), ['Six dead in flooding', 'Six people died when the river burst its banks.', 'Rescuers searched overnight.']);
  assert.equal(sentences[0]!.heading, true);
  assert.equal(sentences[1]!.heading, false);
  assert.ok(sentences[1]!.paragraph > sentences[0]!.paragraph);
});

test('tokens carry POS and valid spans, and every token belongs to its sentence', () => {
  const text = 'The U.S. envoy met Azerbaijan’s president in Baku on Tuesday.';
  const { sentences, tokens } = segmentText(text);
  assert.equal(sentences.length, 1);
  assert.deepEqual(invalidSpans(text, { sentences, tokens }), []);
  const baku = tokens.find((t) => t.span.text === 'Baku')!;
  assert.equal(baku.pos, 'PROPN');
  assert.ok(tokens.every((t) => t.sentence === 0));
});

test('tokens do not depend on the documents read before (wink keeps words it learnt whole)', () => {
  const words = (text: string) => segmentText(text).tokens.map((t) => t.span.text);
  const later = 'Zorblat’s campaign grew.';
  const first = words(later);
  assert.deepEqual(first, ['Zorblat', '’s', 'campaign', 'grew', '.']);
  // wink tokenises "Zorblat’s," as one word plus a comma, and would then keep it whole everywhere
  assert.deepEqual(words('They met at Zorblat’s, then left.').slice(3, 5), ['Zorblat’s', ',']);
  assert.deepEqual(words(later), first);
  // within one document it behaves as before: what it learnt there it keeps
  assert.deepEqual(words('At Zorblat’s, then Zorblat’s campaign.').filter((w) => w.startsWith('Zorblat')), ['Zorblat’s', 'Zorblat’s']);
});

test('a stop glued to a digit or a small letter ends no sentence ("at 2.10pm")', () => {
  const { sentences } = segmentText('The alarm went off at 2.10pm, and troops arrived at 2.15pm on foot. Roads reopened.Traffic resumed.');
  assert.deepEqual(sentences.map((s) => s.span.text), ['The alarm went off at 2.10pm, and troops arrived at 2.15pm on foot.', 'Roads reopened.', 'Traffic resumed.']);
});
