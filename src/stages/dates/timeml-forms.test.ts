import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDatesStage, type DatedExpression } from './index.js';
import { docWithLines } from './test-helpers.js';

// 2023-09-20 is a Wednesday, in ISO week 38
const stage = createDatesStage();
const surfaces = (text: string, publishedAt = '2023-09-20') =>
  (stage.run(docWithLines(text, publishedAt), {}).layers.dates as DatedExpression[]).map((d) => `${d.span.text}=${d.value}`);

test('tense: a noun "plans" is no future cue; a negative subject makes "could" past; "until" looks ahead', () => {
  assert.deepEqual(surfaces('On Friday, when the minister dropped her holiday plans for the trip, the embassy reopened.'), ['Friday=2023-09-15']);
  assert.deepEqual(surfaces('On Friday, the minister plans to visit the border.'), ['Friday=2023-09-22']);
  assert.deepEqual(surfaces('Neither the mayor nor his aides could be reached Tuesday at their offices.'), ['Tuesday=2023-09-19']);
  assert.deepEqual(surfaces('The agency has given the families until Monday to leave the camp.'), ['Monday=2023-09-25']);
  // a past verb next to "until" still wins
  assert.deepEqual(surfaces('The curfew lasted until Monday.'), ['Monday=2023-09-18']);
});

test('durations: "recent days", "a six year process", "-long" with plural units, decades in years', () => {
  assert.deepEqual(surfaces('Tensions have risen in recent days.'), ['recent days=PXD']);
  assert.deepEqual(surfaces('It ended a six year negotiation.'), ['six year=P6Y']);
  assert.deepEqual(surfaces('The 10 day truce collapsed.'), ['10 day=P10D']);
  assert.deepEqual(surfaces('It was a decades-long dispute.'), ['decades-long=PXY']);
  assert.deepEqual(surfaces('A century-long rivalry ended.'), ['century-long=P100Y']);
  assert.deepEqual(surfaces('The years-long siege ended.'), ['years-long=PXY']);
  assert.deepEqual(surfaces('The feud has lasted for decades.'), ['decades=PXY']);
});

test('a rate: a quantity per unit of time is a set', () => {
  assert.deepEqual(surfaces('Medics treat hundreds of patients a day, he said.'), ['a day=P1D']);
  assert.deepEqual(surfaces('Migrants send $2 billion a year to their families.'), ['a year=P1Y']);
  assert.deepEqual(surfaces('The clinic is staffed 24 hours a day.'), ['24 hours=PT24H']);
  assert.deepEqual(surfaces('He resigned a day after the vote.'), []);
});

test('holidays: Easter by the computus (Western and Orthodox), Election Day, a holiday week', () => {
  assert.deepEqual(surfaces('Churches were full on Easter Sunday.', '2024-04-02'), ['Easter Sunday=2024-03-31']);
  assert.deepEqual(surfaces('A truce was called for Orthodox Easter.', '2024-05-08'), ['Orthodox Easter=2024-05-05']);
  assert.deepEqual(surfaces('Shops closed on Good Friday 2019.'), ['Good Friday 2019=2019-04-19']);
  assert.deepEqual(surfaces('Voters will turn out on Election Day.', '2024-10-20'), ['Election Day=2024-11-05']);
  // published on the Monday of Easter week 2000: the week that has begun
  assert.deepEqual(surfaces('Pilgrims arrived as Easter week began.', '2000-04-17'), ['Easter week=2000-W16']);
});

test('parts of a year: the reported quarter and halves (YYYY-H1)', () => {
  // published in the third quarter: results are for the second, plans for the third
  assert.deepEqual(surfaces('Net profit rose 8% in the quarter.'), ['the quarter=2023-Q2']);
  assert.deepEqual(surfaces('The firm expects sales to fall in the quarter.'), ['the quarter=2023-Q3']);
  // a city's quarter is a place
  assert.deepEqual(surfaces('Shells hit the quarter overnight.').filter((s) => s.startsWith('the quarter')), []);
  assert.deepEqual(surfaces('Exports fell in the first half of the year.'), ['the first half of the year=2023-H1']);
  assert.deepEqual(surfaces('Growth slowed in the second half of 2022.'), ['the second half of 2022=2022-H2']);
});

test('"two and a half hours" is one duration', () => {
  assert.deepEqual(surfaces('The meeting lasted two and a half hours.'), ['two and a half hours=PT2H30M']);
});
