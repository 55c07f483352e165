import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanIsValid } from '../../core/span.js';
import { createDatesStage, DateGrammar, defaultDateLexicon, type DatedExpression } from './index.js';
import { docWithLines } from './test-helpers.js';

// 2023-09-20 is a Wednesday, in ISO week 38
const PUBLISHED = '2023-09-20';
const stage = createDatesStage();

/** `null`: an article without a publication date */
function run(text: string, publishedAt: string | null = PUBLISHED) {
  const doc = docWithLines(text, publishedAt ?? undefined);
  const out = stage.run(doc, {});
  const dates = out.layers.dates as DatedExpression[];
  for (const d of dates) {
    assert.ok(spanIsValid(doc.text, d.span), `span of "${d.span.text}" is valid`);
    assert.equal(doc.text.slice(d.span.start, d.span.end), d.span.text);
  }
  return { dates, diagnostics: out.diagnostics ?? [] };
}

/** The values of every expression, in text order. */
const values = (text: string) => run(text).dates.map((d) => d.value);

/** The one expression whose surface text is `surface`. */
function one(text: string, surface: string, publishedAt?: string): DatedExpression {
  const { dates } = run(text, publishedAt ?? PUBLISHED);
  const hit = dates.filter((d) => d.span.text === surface);
  assert.equal(hit.length, 1, `expected "${surface}" in ${JSON.stringify(dates.map((d) => d.span.text))}`);
  return hit[0]!;
}

function expectDate(text: string, surface: string, value: string, precision: string, publishedAt?: string) {
  const e = one(text, surface, publishedAt);
  assert.equal(e.value, value, `${surface}: value`);
  assert.equal(e.precision, precision, `${surface}: precision`);
  return e;
}

test('weekdays: the last one on or before publication by default', () => {
  expectDate('Rebels shelled the town on Tuesday.', 'Tuesday', '2023-09-19', 'day');
  expectDate('The envoy arrived Thursday with aid.', 'Thursday', '2023-09-14', 'day');
  expectDate('The ministry said Wednesday it had no troops there.', 'Wednesday', '2023-09-20', 'day');
  expectDate('Monday’s raid left the depot burning.', 'Monday’s', '2023-09-18', 'day');
});

test('weekdays: the coming one when the wording looks ahead', () => {
  expectDate('Officials named Thursday as a possible date for the talks.', 'Thursday', '2023-09-21', 'day');
  expectDate('The council will vote on Friday.', 'Friday', '2023-09-22', 'day');
  expectDate('The hearing is scheduled for Monday.', 'Monday', '2023-09-25', 'day');
  expectDate('Envoys meet again next Tuesday.', 'next Tuesday', '2023-09-26', 'day');
  expectDate('The envoy left last Wednesday.', 'last Wednesday', '2023-09-13', 'day');
});

test('today, yesterday, tonight and parts of day', () => {
  expectDate('Yesterday the army withdrew from the ridge.', 'Yesterday', '2023-09-19', 'day');
  expectDate('The ministry issued a statement today.', 'today', '2023-09-20', 'day');
  expectDate('Sirens sounded across the city tonight.', 'tonight', '2023-09-20', 'part-of-day');
  expectDate('Drones struck a depot this morning.', 'this morning', '2023-09-20', 'part-of-day');
  expectDate('Shelling resumed last night near the river.', 'last night', '2023-09-19', 'part-of-day');
  expectDate('Gunfire was heard on Friday afternoon.', 'Friday afternoon', '2023-09-15', 'part-of-day');
  expectDate('A message came yesterday, Tuesday, evening from the envoy.', 'yesterday, Tuesday, evening', '2023-09-19', 'part-of-day');
  expectDate('The mayor spoke on Monday. Protests broke out in the evening.', 'the evening', '2023-09-18', 'part-of-day');
});

test('clock times take their day', () => {
  const e = one('The blast occurred at 10:30 a.m. on Tuesday.', '10:30 a.m. on Tuesday');
  assert.equal(e.type, 'TIME');
  assert.equal(e.value, '2023-09-19T10:30');
});

test('relative weeks, months and years', () => {
  expectDate('The mayor resigned last week.', 'last week', '2023-W37', 'week');
  expectDate('Prices rose sharply this week.', 'this week', '2023-W38', 'week');
  expectDate('Elections are due next month.', 'next month', '2023-10', 'month');
  expectDate('The border closed last year.', 'last year', '2022', 'year');
  expectDate('The village was razed two years ago.', 'two years ago', '2021', 'year');
  expectDate('The truce was signed on 2 September.\nIt collapsed three days later.', 'three days later', '2023-09-05', 'day');
  expectDate('The raid took place on 2 September.\nWitnesses fled that day.', 'that day', '2023-09-02', 'day');
});

test('dates without a year take the nearest plausible year', () => {
  expectDate('The convoy left on 7 June.', '7 June', '2023-06-07', 'day');
  expectDate('The court will rule on 12 October.', '12 October', '2023-10-12', 'day');
  expectDate('Talks began May 22 in the capital.', 'May 22', '2023-05-22', 'day');
  expectDate('The tribunal is expected to sit on Oct. 3.', 'Oct. 3', '2023-10-03', 'day');
  expectDate('Five guards were killed on 11 December.', '11 December', '2022-12-11', 'day');
  expectDate('The August 4 assassination attempt failed.', 'August 4', '2023-08-04', 'day');
  expectDate('Sunday, Oct. 1 was quiet, the officer wrote.', 'Sunday, Oct. 1', '2023-10-01', 'day', '2023-09-30');
});

test('full dates, months with years, years and the 2020 war', () => {
  const full = expectDate('The accord was signed on 4 March 2019.', '4 March 2019', '2019-03-04', 'day');
  assert.equal(full.relative, false);
  expectDate('The dam was finished in June 2015.', 'June 2015', '2015-06', 'month');
  expectDate('Unrest spread in 2020.', '2020', '2020', 'year');
  expectDate('The 2020 war reshaped the region.', '2020', '2020', 'year');
  expectDate('Growth slowed in the third quarter of 2022.', 'the third quarter of 2022', '2022-Q3', 'quarter');
  expectDate('An order dated 9/11/2001 was void.', '9/11/2001', '2001-09-11', 'day');
  assert.equal(run('The army sent 2000 troops and 1500 vehicles.').dates.length, 0, 'counts are not years');
});

test('ranges: years and months', () => {
  const years = expectDate('The valley was contested from 1988 to 1994.', 'from 1988 to 1994', '1988/1994', 'year');
  assert.deepEqual(years.range, { start: '1988-01-01', end: '1994-12-31' });
  assert.deepEqual(years.parts?.map((p) => [p.span.text, p.value]), [['1988', '1988'], ['1994', '1994']]);
  const months = expectDate('Fighting peaked between May and June.', 'between May and June', '2023-05/2023-06', 'month');
  assert.deepEqual(months.range, { start: '2023-05-01', end: '2023-06-30' });
});

test('seasons and decades', () => {
  const autumn = expectDate('Clashes erupted in autumn 2020.', 'autumn 2020', '2020-FA', 'season');
  assert.deepEqual(autumn.range, { start: '2020-09-01', end: '2020-11-30' });
  expectDate('The harvest failed last summer.', 'last summer', '2022-SU', 'season', '2023-02-23');
  expectDate('Refugees arrived in the 1990s.', 'the 1990s', '199', 'decade');
});

test('durations are DURATION, never dates', () => {
  const cases: [string, string, string][] = [
    ['The siege lasted for six weeks.', 'six weeks', 'P6W'],
    ['Talks dragged on for months.', 'months', 'PXM'],
    ['Power was cut for 24 hours.', '24 hours', 'PT24H'],
    ['He was jailed for three years.', 'three years', 'P3Y'],
    ['Turnout fell over the past year.', 'the past year', 'P1Y'],
  ];
  for (const [text, surface, value] of cases) {
    const e = one(text, surface);
    assert.equal(e.type, 'DURATION', surface);
    assert.equal(e.value, value, surface);
    assert.equal(e.range, undefined, `${surface} has no calendar range`);
    assert.ok(run(text).dates.every((d) => d.type === 'DURATION'), `${text}: no date`);
  }
  assert.equal(run('A 22-year-old man was hurt.').dates.length, 0, 'ages are not durations');
});

test('sets and references', () => {
  assert.deepEqual([one('Patrols pass every day.', 'every day').type, one('Patrols pass every day.', 'every day').value], ['SET', 'P1D']);
  assert.equal(one('The council meets weekly.', 'weekly').value, 'P1W');
  assert.equal(one('The town is now quiet.', 'now').value, 'PRESENT_REF');
  assert.equal(one('Aid is currently blocked.', 'currently').value, 'PRESENT_REF');
  // "recently" dates nothing (TimeBank and GUM leave it out)
  assert.equal(run('Militias recently regrouped.').dates.length, 0);
});

test('tense cues: names are not verbs, fronted dates read the clause after the comma', () => {
  // "United" is a name, not a past-tense verb: the father travels the next day
  expectDate('Lawyers said the father would be traveling to the United States Thursday with his wife.', 'Thursday', '2023-09-21', 'day');
  expectDate('On Friday, the council plans to hold a vote.', 'Friday', '2023-09-22', 'day');
  expectDate('On Friday, the council planned to hold a vote.', 'Friday', '2023-09-15', 'day');
  // "were planning to": the auxiliary of a forward-looking verb is no past cue
  expectDate('Protesters called a rally on Saturday and were planning to march.', 'Saturday', '2023-09-23', 'day');
  expectDate('The talks may finally be resolved in a hearing on March 6.', 'March 6', '2024-03-06', 'day');
});

test('a month with "this year" or "next year" is one expression; a span of years is a range', () => {
  expectDate('Ratification began in February this year.', 'February this year', '2023-02', 'month');
  expectDate('They join in early April next year.', 'early April next year', '2024-04', 'month');
  const span = one('Ozone was modelled over 2000 - 2050 worldwide.', '2000 - 2050');
  assert.equal(span.value, '2000/2050');
});

test('a quotation’s "today" is the day it was spoken', () => {
  expectDate('The depot burned on 4 September.\n“They attacked us today,” the mayor said that day.', 'today', '2023-09-04', 'day');
});

test('without a publication date: absolute dates only, relative ones reported', () => {
  const { dates, diagnostics } = run('The accord of 12 May 1998 held until Tuesday.', null);
  assert.deepEqual(dates.map((d) => d.value), ['1998-05-12']);
  assert.ok(diagnostics.some((d) => d.code === 'dates-no-publication-date' && d.severity === 'warning'));
  const unanchored = diagnostics.filter((d) => d.code === 'date-unanchored');
  assert.equal(unanchored.length, 1);
  assert.equal(unanchored[0]!.span?.text, 'Tuesday');
});

test('every expression has an id, a valid span and a TIMEX3-shaped value', () => {
  const text = 'On Tuesday, 19 September 2023, shelling began.\nIt lasted for two days, until this morning.\nThe 2020 war and the 1990s loom large now.';
  const { dates } = run(text);
  assert.ok(dates.length >= 5);
  assert.equal(new Set(dates.map((d) => d.id)).size, dates.length);
  for (const d of dates) assert.match(d.value, /^(?:\d{2,4}(?:-(?:\d{2}|W\d{2}|Q\d|SP|SU|FA|WI))*(?:-\d{2})?(?:T[\d:A-Z]+)?(?:\/.+)?|P.+|PRESENT_REF|PAST_REF|FUTURE_REF|XXXX.*)$/);
});

test('the quick word checks before the rules find what running every rule finds', () => {
  const fast = new DateGrammar(defaultDateLexicon());
  const full = new DateGrammar(defaultDateLexicon(), { prefilter: false });
  const sentences = [
    'Sales fell in Q3 2023 and in the third quarter of last year.',
    'He grew up in the twenties, in the 1980s and in the late ’90s.',
    'Buses run every other week, fortnightly and twice a day.',
    'At the moment nobody knows; currently the talks are stalled, as in the past.',
    'The day before yesterday and early this morning the guns were silent.',
    'They met at noon, at 10:35 a.m. (0735 GMT) Friday and at midnight.',
    'The 21st century began; last spring was dry; Christmas Eve was quiet.',
    'Three days ago a 16-hour curfew began; the day-long strike ended the next morning.',
    'Talks resume FridayMay 5 in Geneva, on 12 Sept. 2023 and on 2023-09-19.',
    'The week before, Mon. and Tue. were calm; that same night shelling resumed.',
    'A council of ministers discussed the budget with the mayor.',
  ];
  for (const s of sentences) assert.deepEqual(fast.scan(s), full.scan(s), s);
  assert.deepEqual(fast.scan('A council of ministers discussed the budget with the mayor.'), []);
});

test('a weekday naming an event or any such day is no date, nor a clock time read as a year', () => {
  assert.deepEqual(values('Marchers remembered Bloody Sunday. Shops braced for Black Friday.'), []);
  assert.deepEqual(values('The market was hit on a Friday afternoon.'), []);
  assert.deepEqual(values('The blast came at 5.30 p.m. (1530 GMT) near the port.'), ['2023-09-20T17:30']);
  assert.deepEqual(values('Talks collapsed on Friday.'), ['2023-09-15']);
});

test('in an account of a past year, a day without its year is of that year', () => {
  assert.deepEqual(values('The suspect rented the van on March 3, 2011.\nHe returned it on March 5 and left the city.'), ['2011-03-03', '2011-03-05']);
  // a date of the current account ends the old one
  assert.deepEqual(values('The first raid was on March 3, 2011.\nOn Monday, police said a new raid on September 2 had failed.'), ['2011-03-03', '2023-09-18', '2023-09-02']);
  // a year just before the publication's is left to the usual choice
  assert.deepEqual(values('The plant closed on December 20, 2022.\nIt reopened on January 9.'), ['2022-12-20', '2023-01-09']);
});

test('"a Sunday night vigil" is still that Sunday', () => {
  assert.deepEqual(values('Hundreds attended a Sunday night vigil.'), ['2023-09-17']);
});

test('"this weekend’s vote" said on a weekday is the coming one; a bare "this weekend" as before', () => {
  assert.deepEqual(values('Officials prepared for this weekend’s vote.'), ['2023-W38-WE']);
  assert.deepEqual(values('Crowds gathered this weekend.'), ['2023-W37-WE']);
  assert.deepEqual(values('They met last weekend.'), ['2023-W37-WE']);
});

test('a weekday after a verb urging or threatening something is the coming one', () => {
  // 2023-09-20 is a Wednesday
  assert.deepEqual(values('Opponents are begging voters to sit out a vote on Sunday.'), ['2023-09-24']);
  assert.deepEqual(values('Rebels threaten to attack the city on Friday.'), ['2023-09-22']);
  assert.deepEqual(values('Police said the march on Saturday was peaceful.'), ['2023-09-16']);
});

test('a weekday of an infinitive after a past verb of urging or promising lies ahead; the urging itself stays past', () => {
  // 2023-09-20 is a Wednesday
  assert.deepEqual(values('Mediators urged both delegations to come back to the negotiating table on Friday.'), ['2023-09-22']);
  assert.deepEqual(values('The minister pledged to reopen the crossing on Saturday.'), ['2023-09-23']);
  assert.deepEqual(values('Mediators urged calm on Monday.'), ['2023-09-18']);
  assert.deepEqual(values('On Monday, mediators urged both sides to return.'), ['2023-09-18']);
});

test('a clock time with a stop between hour and minutes reads whole ("2.10pm", "3.05 p.m.")', () => {
  assert.deepEqual(values('Sirens sounded at 3.05 p.m. on Tuesday.'), ['2023-09-19T15:05']);
  assert.deepEqual(values('The first shell landed at 2.10pm.'), ['2023-09-20T14:10']);
});

test('the day a report was given does not move the account: a later bare clock time keeps the event day', () => {
  const { dates } = run('Gunmen raided the market late on Monday, traders said on Tuesday.\nThey came at about 7 p.m. and burned the stalls.', '2023-09-20');
  assert.deepEqual(dates.map((d) => d.value), ['2023-09-18', '2023-09-19', '2023-09-18T19:00']);
});

test('"the fall of" a city or a state is no season; "the fall of 2019" is', () => {
  assert.deepEqual(values('Looting spread after the fall of the old regime and the fall of Harmak.'), []);
  assert.deepEqual(values('The talks resumed in the fall of 2019.'), ['2019-FA']);
});

test('the second weekday of a span comes after the first ("from Friday through Tuesday")', () => {
  // published on a Friday: the span starts that day, so its Tuesday is the coming one
  const { dates } = run('The government on Thursday issued a ban on public gatherings lasting from Friday through Tuesday.', '2023-09-22');
  assert.deepEqual(dates.map((d) => d.value), ['2023-09-21', '2023-09-22', '2023-09-26']);
});
