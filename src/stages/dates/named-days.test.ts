import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDatesStage, type DatedExpression } from './index.js';
import { docWithLines } from './test-helpers.js';

// 2023-09-20 is a Wednesday, in ISO week 38
const stage = createDatesStage();
const surfaces = (text: string) => (stage.run(docWithLines(text, '2023-09-20'), {}).layers.dates as DatedExpression[]).map((d) => `${d.span.text}=${d.value}`);
const parts = (text: string) =>
  (stage.run(docWithLines(text, '2023-09-20'), {}).layers.dates as DatedExpression[]).flatMap((d) => (d.parts ?? [d]).map((p) => `${p.span.text}=${p.value}`));

test('a day named through its neighbour or its week', () => {
  assert.deepEqual(surfaces('The day before last Tuesday’s hearing, the lawyers met.'), ['The day before last Tuesday’s=2023-09-18']);
  assert.deepEqual(surfaces('Shops reopened the day after Christmas.'), ['the day after Christmas=2022-12-26']);
  assert.deepEqual(surfaces('The court will rule in the week of October 9.'), ['the week of October 9=2023-W41']);
  // "the day before" alone still refers back to the last day mentioned
  assert.deepEqual(surfaces('Troops left on Monday. The talks had failed the day before.'), ['Monday=2023-09-18', 'the day before=2023-09-17']);
});

test('two days of one month are two expressions', () => {
  assert.deepEqual(parts('The summit will meet on October 24 and 25.'), ['October 24=2023-10-24', '25=2023-10-25']);
  assert.deepEqual(parts('Talks were held May 3-4, 2021 in Geneva.'), ['May 3=2021-05-03', '4=2021-05-04']);
  assert.deepEqual(parts('He was born on May 4 and moved in 1990.'), ['May 4=2023-05-04', '1990=1990']);
  assert.deepEqual(parts('Two died on May 4 and 25 others were hurt.'), ['May 4=2023-05-04']);
});

test('a month before the noun it dates', () => {
  assert.deepEqual(surfaces('Police reopened the March shooting inquiry.'), ['March=2023-03']);
  assert.deepEqual(surfaces('The March of Dimes raised funds.'), []);
  assert.deepEqual(surfaces('Critics of the May government spoke.'), []);
});

test('the end of a period is its last day', () => {
  assert.deepEqual(surfaces('Ministers want a deal by the end of the year.'), ['the end of the year=2023-12-31']);
  assert.deepEqual(surfaces('The backlog should be cleared by year end.'), ['year end=2023-12-31']);
  assert.deepEqual(surfaces('Prices will be reviewed at the end of next month.'), ['the end of next month=2023-10-31']);
  assert.deepEqual(surfaces('The bank published its year-end report.'), []);
});

test('a participle describing a noun is not a tense cue', () => {
  // "planned" describes the visit; "lifted" gives the past
  assert.deepEqual(surfaces('On Friday, as the hastily planned visit started, the ministry lifted the curfew.'), ['Friday=2023-09-15']);
  assert.deepEqual(surfaces('The visit is planned for Friday.'), ['Friday=2023-09-22']);
});

test('"could not" looks back, "could" alone ahead', () => {
  assert.deepEqual(surfaces('The spokesman could not be reached for comment on Monday.'), ['Monday=2023-09-18']);
  assert.deepEqual(surfaces('The talks could resume on Monday.'), ['Monday=2023-09-25']);
});

test('an observance named by a weekday is no date of this week; a holiday of that name is still dated', () => {
  assert.deepEqual(surfaces('The fast began on Clean Monday.'), []);
  assert.deepEqual(surfaces('Crowds gathered on Good Friday and Easter Monday.'), ['Good Friday=2023-04-07', 'Easter Monday=2023-04-10']);
});
