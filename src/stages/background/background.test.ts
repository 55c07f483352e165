import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanIsValid } from '../../core/span.js';
import { createDatesStage } from '../dates/index.js';
import { docWithLines } from '../dates/test-helpers.js';
import { createBackgroundStage } from './index.js';

const dates = createDatesStage();

/** Run dates then background over one-sentence-per-line text; the marked lines come back. */
function marked(text: string, options: { publishedAt?: string | null; thresholdDays?: number } = {}) {
  const publishedAt = options.publishedAt === null ? undefined : (options.publishedAt ?? '2023-09-20');
  const doc = docWithLines(text, publishedAt);
  doc.set('dates', dates.run(doc, {}).layers.dates!);
  const out = createBackgroundStage({ thresholdDays: options.thresholdDays }).run(doc, {});
  const marks = out.layers.background!;
  for (const m of marks) {
    assert.ok(spanIsValid(doc.text, m.span));
    assert.ok(m.reason.length > 0, 'every mark gives its reason');
  }
  return { lines: marks.map((m) => m.span.text), marks, diagnostics: out.diagnostics ?? [] };
}

test('a sentence about a past war is background', () => {
  const text = 'The 1992 war ended in a ceasefire that left the valley divided.';
  const { lines, marks } = marked(text);
  assert.deepEqual(lines, [text]);
  assert.match(marks[0]!.reason, /1992/);
});

test('a range of old years used as an adverbial marks the sentence', () => {
  const text = 'The two armies fought over the pass twice, once from 1995 to 1999 and again in spring 2016.';
  assert.deepEqual(marked(text).lines, [text]);
});

test('current news mentioning an old date in passing is not background', () => {
  const text = [
    'Moldova, a signatory of the 1992 accord that keeps monitors in the valley, wants talks to resume.',
    'Artillery hit the market on Tuesday, two decades after the 2003 war.',
    'The opposition blames him for the 2016 defeat and he himself yesterday denounced the protests.',
  ].join('\n');
  assert.deepEqual(marked(text).lines, []);
});

test('retrospective wording is background, with its reason', () => {
  const text = ['The province has a history of uprisings against the capital.', 'The region has seen a spate of bombings in recent years.'].join('\n');
  const { lines, marks } = marked(text);
  assert.equal(lines.length, 2);
  assert.match(marks[0]!.reason, /history/);
  assert.match(marks[1]!.reason, /recent years/);
});

test('relative past periods: last year, last month, years ago', () => {
  const text = ['The general appeared in a documentary last year.', 'Last month, elders accused the police of negligence.', 'She reported the recruiter two years ago.', 'Police raided the flat on Monday.'].join('\n');
  assert.deepEqual(marked(text).lines, text.split('\n').slice(0, 3));
});

test('the pluperfect continues a past account, but not on its own', () => {
  const past = 'Five guards were killed on 3 March 2021 at the border post.\nTheir attackers had crossed from the north.';
  assert.deepEqual(marked(past).lines, past.split('\n'));
  assert.deepEqual(marked('Earlier, the council had demanded an immediate ceasefire.').lines, []);
});

test('the age threshold is configurable', () => {
  const text = 'The president survived an attack during a parade on 10 September.';
  assert.deepEqual(marked(text, { thresholdDays: 7 }).lines, [text]);
  assert.deepEqual(marked(text, { thresholdDays: 14 }).lines, []);
});

test('without a publication date only wording marks background', () => {
  const text = ['The 1992 war ended in a ceasefire.', 'The province has a history of uprisings.'].join('\n');
  const { lines, diagnostics } = marked(text, { publishedAt: null });
  assert.deepEqual(lines, ['The province has a history of uprisings.']);
  assert.ok(diagnostics.some((d) => d.code === 'background-no-publication-date'));
});

test('a dateless past-tense sentence continues the past account before it, asides aside', () => {
  const text = [
    'Last month, elders accused the police of negligence.',
    'Three times neighbours warned the officers of their fears about the recruiter.',
    'The recruiter, who police are not naming, was seen preaching in a park.',
    'Police have not responded to the claims.',
  ].join('\n');
  assert.deepEqual(marked(text).lines, text.split('\n').slice(0, 3));
  assert.deepEqual(marked('Police raided the flat on Monday.\nThey seized two rifles.').lines, []);
});

test('previous events and a category of actors\' habits are background', () => {
  const text = [
    'A neighbour said he alerted officers to remarks about previous bombings in the capital.',
    'Rebels in the province have been using drones to strike convoys.',
    'Rescuers have been searching the rubble for survivors.',
  ].join('\n');
  assert.deepEqual(marked(text).lines, text.split('\n').slice(0, 2));
});

test('retrospective cues are tried in order, joined or not (a back-reference keeps them apart)', async () => {
  const { markBackground, defaultBackgroundCues } = await import('./index.js');
  const cue = (id: string, pattern: string) => ({ id, regex: new RegExp(pattern, 'iu'), reason: id, weak: false });
  const sentences = (text: string) => docWithLines(text, '2023-09-20').get('sentences');
  const base = defaultBackgroundCues();
  const plain = { ...base, retrospective: [cue('first', String.raw`\bonce upon\b`), cue('second', String.raw`\blong ago\b`)] };
  const backref = { ...base, retrospective: [cue('repeat', String.raw`\b(\p{L}+) and \1\b`), cue('second', String.raw`\blong ago\b`)] };
  const text = 'Long ago the river flooded the town.\nThe rebels fight again and again near the border.\nThe mayor opens a bridge.';
  const reasons = (cues: typeof base) => markBackground(sentences(text), [], '2023-09-20', cues).map((m) => `${m.sentence}:${m.reason}`);
  assert.deepEqual(reasons(plain), ['0:second']);
  assert.deepEqual(reasons(backref), ['0:second', '1:repeat']);
});

test('an incident the article dates in the past stays history when told again without a date', () => {
  const text = [
    'A court on Monday jailed a man who helped the bomber hide after last year\'s deadly blast at the Lakeside fair.',
    'His sentencing hearing is set for next month.',
    'Two bombs exploded near the main stage, killing four people and wounding dozens.',
  ].join('\n');
  assert.deepEqual(marked(text, { publishedAt: '2024-06-10' }).lines, ['Two bombs exploded near the main stage, killing four people and wounding dozens.']);
  // a new attack dated near publication keeps the article's undated attack sentences current
  const current = [
    'A year after last year\'s deadly blast at the Lakeside fair, a bomb exploded at the station on Sunday.',
    'The bomb exploded near the ticket hall, killing two people.',
  ].join('\n');
  assert.deepEqual(marked(current, { publishedAt: '2024-06-10' }).lines, []);
});

test('"earlier this month" is background; "earlier this week" is still news', () => {
  const text = ['Earlier this month, strikes on the port killed dozens.', 'Earlier this week, rockets hit the airport.', 'Talks resumed on Tuesday.'].join('\n');
  assert.deepEqual(marked(text).lines, [text.split('\n')[0]]);
});

test('a state lasting since a past event is background; a toll since then, or fighting under way, is not', () => {
  const text = [
    'Police said a parcel bomb wounded 13 people on Friday.',
    'The country has been on high alert since militants launched a series of attacks on the capital, killing 90 people.',
    'Thousands have fled since the fighting erupted.',
    'Fighting has been under way since rebels attacked the border post.',
  ].join('\n');
  assert.deepEqual(marked(text, { publishedAt: '2024-06-08' }).lines, [text.split('\n')[1]]);
});

test("a war's cumulative toll is background; a toll of this week's fighting is news", () => {
  const text = [
    'Shelling killed four people in the port on Tuesday, officials said.',
    'It was the deadliest attack since the coup.',
    'The war, now in its third year, has killed tens of thousands of people and displaced millions.',
    'More than 9,000 people have been killed since the start of the invasion.',
    "The army's campaign has forced 3,000 people from their homes since Sunday.",
    'Thousands have fled since the fighting erupted.',
    'More than 900 civilians have been killed by the security forces since the takeover, a rights group says.',
  ].join('\n');
  const lines = text.split('\n');
  assert.deepEqual(marked(text, { publishedAt: '2024-06-05' }).lines, [lines[2], lines[3], lines[6]]);
});

test('"in the past two weeks" counts back from today; "in the past" alone is history', () => {
  const text = ['At least 60 people have been killed in the past two weeks, the agency said.', 'In the past, the two parties shared power.'].join('\n');
  assert.deepEqual(marked(text).lines, ['In the past, the two parties shared power.']);
});

test('an old date or counted years in a trailing aside do not make the sentence history', () => {
  const text = [
    'The minister said the rebels were recruiting children along the border, a practice banned after the 2004 accord.',
    'Students said they feared the country was drifting back into isolation, 20 years after a brief war in 2003.',
    'The 2004 accord ended the war, a conflict that had lasted a decade.',
  ].join('\n');
  assert.deepEqual(marked(text).lines, ['The 2004 accord ended the war, a conflict that had lasted a decade.']);
});
