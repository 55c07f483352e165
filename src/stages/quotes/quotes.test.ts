import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc, invalidSpans } from '../../testing/docs.js';
import { makeSpan } from '../../core/span.js';
import type { ActorMention } from '../../core/layers/index.js';
import { attributedSpeech } from '../../core/layers/index.js';
import { extractQuotes, createQuotesStage } from './index.js';

function run(text: string, actors: (t: string) => ActorMention[] = () => []) {
  const doc = segmentedDoc(text);
  doc.set('entities', []);
  doc.set('actors', actors(text));
  const out = extractQuotes(doc);
  assert.deepEqual(invalidSpans(doc.text, attributedSpeech(out)), []);
  return { ...out, quotes: attributedSpeech(out) };
}
const at = (t: string, s: string, from = 0) => {
  const i = t.indexOf(s, from);
  assert.ok(i >= 0, `fixture lacks ${s}`);
  return makeSpan(t, i, i + s.length);
};
const directTexts = (text: string) => run(text).quotes.filter((q) => q.direct).map((q) => q.span.text);

test('every quote style gives the content inside the marks', () => {
  assert.deepEqual(directTexts('Ms Lind said: “The bridge is closed.”'), ['The bridge is closed.']);
  assert.deepEqual(directTexts('Ms Lind said: "The bridge is closed."'), ['The bridge is closed.']);
  assert.deepEqual(directTexts('Ms Lind said: ‘The bridge is closed.’'), ['The bridge is closed.']);
  assert.deepEqual(directTexts('Ms Lind said: «The bridge is closed.»'), ['The bridge is closed.']);
});

test('apostrophes are not quotes', () => {
  const t = 'Armenia’s envoy said the ’90s were hard and that they don’t expect talks. The farmers’ union agreed.';
  assert.deepEqual(directTexts(t), []);
});

test('nested quotes stay inside the outer quote', () => {
  const t = '“They told us ‘leave now’ and we left,” said Omar Haddad.';
  const { quotes } = run(t);
  const d = quotes.filter((q) => q.direct);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.span.text, 'They told us ‘leave now’ and we left');
  assert.equal(d[0]!.speaker?.span.text, 'Omar Haddad');
  assert.equal(d[0]!.cue?.text, 'said');
});

test('an unclosed quote stops at the paragraph end with a diagnostic', () => {
  const t = 'The mayor said: “We will rebuild the school by spring.\n\nThe council met on Friday to approve the budget.';
  const { quotes, diagnostics } = run(t);
  const d = quotes.filter((q) => q.direct);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.span.text, 'We will rebuild the school by spring.');
  assert.ok(diagnostics.some((x) => x.code === 'quote-unclosed'));
});

test('a quote over sentences and a quote continued in the next paragraph', () => {
  const t = 'Commander Vela spoke to the press.\n“The road is mined. We cannot pass.\n“We will wait for the engineers,” she added.';
  const { quotes, diagnostics } = run(t);
  const d = quotes.filter((q) => q.direct);
  assert.deepEqual(d.map((q) => q.span.text), ['The road is mined. We cannot pass.', 'We will wait for the engineers']);
  assert.ok(d.every((q) => q.speaker?.span.text === 'she'));
  assert.ok(!diagnostics.some((x) => x.code === 'quote-unclosed'));
});

test('partial quotes inside reported speech, and the reported clause', () => {
  const t = 'The rebels said that the village was under “constant shelling” since dawn.';
  const { quotes } = run(t);
  const d = quotes.find((q) => q.direct)!;
  assert.equal(d.span.text, 'constant shelling');
  assert.equal(d.speaker?.span.text, 'The rebels');
  const r = quotes.find((q) => !q.direct)!;
  assert.equal(r.span.text, 'the village was under “constant shelling” since dawn');
  assert.equal(r.speaker?.span.text, 'The rebels');
});

test('reported speech: told, according to, trailing attribution', () => {
  const t1 = 'Two officials told Reuters that the convoy had turned back.';
  const q1 = run(t1).quotes[0]!;
  assert.equal(q1.span.text, 'the convoy had turned back');
  assert.equal(q1.speaker?.span.text, 'Two officials');
  assert.equal(q1.cue?.text, 'told');
  const t2 = 'According to the health ministry, four clinics have closed.';
  const q2 = run(t2).quotes[0]!;
  assert.equal(q2.span.text, 'four clinics have closed');
  assert.equal(q2.speaker?.span.text, 'the health ministry');
  const t3 = 'The ceasefire held through the night, a local official said.';
  const q3 = run(t3).quotes[0]!;
  assert.equal(q3.span.text, 'The ceasefire held through the night');
  assert.equal(q3.speaker?.span.text, 'a local official');
  assert.equal(q3.direct, false);
});

test('a bare weekday between the verb and "that" is not part of the reported clause', () => {
  const text = 'The prosecutor said Tuesday that the number of suspects had risen to nine.';
  const reported = run(text).quotes.filter((q) => !q.direct);
  assert.deepEqual(reported.map((q) => q.span.text), ['the number of suspects had risen to nine']);
  assert.equal(reported[0]!.speaker?.span.text, 'The prosecutor');
});

test('a pronoun speaker resolves through the actors layer', () => {
  const t = 'The presidency of Freedonia issued a warning.\n“All units must withdraw by noon,” he stressed.';
  const actors = (text: string): ActorMention[] => [
    { id: 'a1', span: at(text, 'The presidency of Freedonia'), actor: { code: 'FRD GOV', name: 'Government of Freedonia' }, via: 'description' },
    { id: 'a2', span: makeSpan(text, text.indexOf(' he ') + 1, text.indexOf(' he ') + 3), actor: { code: 'FRD GOV', name: 'Government of Freedonia' }, via: 'coreference', antecedentId: 'a1' },
  ];
  const q = run(t, actors).quotes.find((x) => x.direct)!;
  assert.equal(q.speaker?.span.text, 'he');
  assert.equal(q.speaker?.actorMentionId, 'a2');
  assert.equal(q.speaker?.actorCode, 'FRD GOV');
  assert.equal(q.speaker?.name, 'Government of Freedonia');
});

test('metonymic speakers and inverted attribution', () => {
  const t = 'Valdoria denounced “a reckless provocation” on Monday. “We are ready,” said General Ana Morel.';
  const d = run(t).quotes.filter((q) => q.direct);
  assert.equal(d[0]!.speaker?.span.text, 'Valdoria');
  assert.equal(d[0]!.cue?.text, 'denounced');
  assert.equal(d[1]!.speaker?.span.text, 'General Ana Morel');
});

test('no findable speaker gives null and a diagnostic, never an invented one', () => {
  const t = 'The film was billed as “a masterpiece of its time” by the poster.';
  const { quotes, diagnostics } = run(t);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.speaker, null);
  assert.ok(diagnostics.some((x) => x.code === 'quote-speaker-unresolved'));
});

test('the stage declares its layers', () => {
  const s = createQuotesStage();
  assert.deepEqual([...s.requires], ['sentences', 'tokens', 'entities', 'actors']);
  assert.deepEqual([...s.provides], ['quotes', 'statements']);
});

test('a deed after "agreed to" is not reported speech; "agreed that" still is', () => {
  const deeds = 'The two foreign ministers agreed on Friday to reopen the border crossing at Tarvik. The council agreed to meet the strikers on Monday.';
  assert.deepEqual(run(deeds).quotes.filter((q) => !q.direct).map((q) => q.span.text), []);
  const said = 'The two foreign ministers agreed that the border crossing at Tarvik should reopen.';
  assert.deepEqual(run(said).quotes.filter((q) => !q.direct).map((q) => q.span.text), ['the border crossing at Tarvik should reopen']);
});

test('a quote continued after a lost paragraph break keeps its second part and speaker', () => {
  const t = 'The mayor said: "We will restore order by nightfall."Our police will find the men behind these arson attacks." She added that schools would stay shut.';
  const direct = run(t).quotes.filter((q) => q.direct);
  assert.deepEqual(direct.map((q) => q.span.text), ['We will restore order by nightfall.', 'Our police will find the men behind these arson attacks.']);
  // one speaker for both parts: the attribution after the last one ("She added")
  assert.deepEqual(direct.map((q) => q.speaker?.span.text), ['She', 'She']);
  // a real closer, then a new quote: nothing between them is quoted
  const two = 'The mayor said: "We will win." He then added: "The fight goes on."';
  assert.deepEqual(directTexts(two), ['We will win.', 'The fight goes on.']);
});

test('a quote standing as its own sentence after reported speech goes on with that speaker', () => {
  const t = 'A statement from the district council said the elders had met overnight. "They condemned the killing of the herders and called for calm."';
  const q = run(t).quotes.find((x) => x.direct)!;
  assert.equal(q.speaker?.span.text, 'A statement from the district council');
});
