import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc, invalidSpans } from '../../testing/docs.js';
import { attributedSpeech } from '../../core/layers/index.js';
import { extractQuotes } from './index.js';

function quotes(text: string) {
  const doc = segmentedDoc(text);
  doc.set('entities', []);
  doc.set('actors', []);
  const out = extractQuotes(doc);
  assert.deepEqual(invalidSpans(doc.text, attributedSpeech(out)), []);
  return attributedSpeech(out);
}
const directTexts = (text: string) => quotes(text).filter((q) => q.direct).map((q) => q.span.text);

test('scare quotes and quoted names inside the writer’s sentence are not quotes', () => {
  // a short phrase after an article or a possessive, with a speaker nearby
  assert.deepEqual(directTexts('The plan would end the “housing crisis” in the valley, Mayor Ruiz said.'), []);
  assert.deepEqual(directTexts('Mayor Ruiz defended his “open door” policy at the meeting, aides said.'), []);
  // one or two words with no verb of saying before them
  assert.deepEqual(directTexts('The governor, who is “tough” on crime, told voters she would run again.'), []);
  assert.deepEqual(directTexts('The so-called “peace dividend” never came, the minister said.'), []);
});

test('short quotes that someone says stay quotes', () => {
  // a verb of saying just before: a partial quote
  assert.deepEqual(directTexts('The minister called the blast an “attack” on Friday.'), ['attack']);
  assert.deepEqual(directTexts('The envoy called for an “immediate end to the fighting” in the region.'), ['immediate end to the fighting']);
  // opening the sentence, after a colon or comma, or crying out
  assert.deepEqual(directTexts('“Absolutely not,” the mayor said of the plan.'), ['Absolutely not']);
  assert.deepEqual(directTexts('The crowd had one message: “Go home.”'), ['Go home.']);
  assert.deepEqual(directTexts('Marchers filled the square to chants of “Free them!”'), ['Free them!']);
});

test('a title keeps its full stop inside the marks, American style', () => {
  assert.deepEqual(directTexts('The senator spoke on the radio show “Morning Report Daily.”'), []);
  assert.deepEqual(directTexts('Protesters outside kept chanting “Ban Coal.”'), ['Ban Coal.']);
});

test('a subheading glued to the next sentence is not part of the speaker', () => {
  const q = quotes('Budget reviewA senior official told reporters that the cuts would be reversed.')[0]!;
  assert.equal(q.span.text, 'the cuts would be reversed');
  assert.equal(q.speaker?.span.text, 'A senior official');
});

test('a subheading glued to any of the shared sentence openers is not part of the speaker', () => {
  const q = quotes('Budget reviewPolice chief Ivo Darn told reporters that the roads would reopen.')[0]!;
  assert.equal(q.speaker?.span.text, 'Police chief Ivo Darn');
});

test('"X, according to Y, Z": the content goes on after the aside', () => {
  const t = 'Among the options being studied, according to two diplomats, is a ban on fuel exports to the region.';
  const reported = quotes(t).filter((q) => !q.direct);
  assert.deepEqual(reported.map((q) => q.span.text), ['Among the options being studied', 'is a ban on fuel exports to the region']);
  assert.ok(reported.every((q) => q.speaker?.span.text === 'two diplomats'));
});

test('"so-called" and "titled" name a term even after a verb of saying', () => {
  assert.deepEqual(directTexts('The campaign is claiming victory in the so-called “river counties.”'), []);
  assert.deepEqual(directTexts('She released a memo titled “Where the Race Stands Now.”'), []);
});
