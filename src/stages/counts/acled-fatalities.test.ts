import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc } from '../../testing/docs.js';
import { acledCodingRemark, fatalitiesFromCounts, scoreAcled, type AcledRecord } from '../../eval/tasks/acled.js';
import { createCountsStage } from './index.js';

const stage = createCountsStage();

function fatalities(note: string): number {
  const doc = segmentedDoc(note);
  doc.set('actors', []);
  doc.set('places', []);
  doc.set('dates', []);
  return fatalitiesFromCounts(stage.run(doc, {}).layers.counts!, note);
}

test('fatalities from the counts of a note', () => {
  assert.equal(fatalities('On 3 May 2021, gunmen raided a farm near the lake, killing three herders and two police officers.'), 5);
  assert.equal(fatalities('Raiders attacked the market. 14 people were killed, including four children.'), 14);
  assert.equal(fatalities('Soldiers clashed with rebels; 4 soldiers were killed. Officials said 2 rebels were also killed.'), 6);
  assert.equal(fatalities('Protesters blocked the highway over rising fuel prices. No injuries were reported.'), 0);
  assert.equal(fatalities('Up to 12 fighters were killed in the shelling, according to local sources.'), 12);
  assert.equal(fatalities('A mob beat a suspect accused of killing a shopkeeper.'), 0);
});

test('the coder\'s own remark in the note wins', () => {
  assert.equal(fatalities('On 9 June 2020, 6 soldiers were killed in an ambush. Fatalities coded as 0 (local media reported 6 fatalities).'), 0);
  assert.equal(fatalities('Airstrikes killed 12 militants in two districts. Fatalities split over 2 locations (6).'), 6);
  assert.equal(fatalities('Riots continued for a second day. 3 killed (coded separately).'), 0);
  assert.deepEqual(acledCodingRemark('Twenty dead [9 fatalities split between 3 events].'), { splitInto: 3 });
  assert.equal(acledCodingRemark('Nothing to see.'), undefined);
  // "No fatalities reported": the coder says nobody died, whatever the story's verbs suggest
  assert.equal(fatalities('A trader was lynched by a crowd at the bus park. No fatalities reported, as police intervened.'), 0);
  assert.deepEqual(acledCodingRemark('Shops were looted. No deaths were recorded.'), { value: 0 });
});

test('one victim told without a number still counts as one death', () => {
  assert.equal(fatalities('A herder was shot and wounded by raiders near the dam. He later died in hospital.'), 1);
  assert.equal(fatalities('Residents caught a suspected thief at the market and lynched him.'), 1);
  assert.equal(fatalities('A councillor went missing on Monday. His body was on Friday found in a sugarcane field.'), 1);
  assert.equal(fatalities('The bodies of three fishermen were recovered from the lake after the raid.'), 3);
  // arrests and a survivor are not deaths
  assert.equal(fatalities('Police arrested him at a roadblock and later released him.'), 0);
  assert.equal(fatalities('Gunmen shot at him but he escaped unhurt.'), 0);
});

const record = (over: Partial<AcledRecord>): AcledRecord => ({
  id: 'X1', text: '', eventDate: '2020-01-02', eventType: 'Battles', subEventType: 'Armed clash', actor1: 'Military Forces of Ruritania (2010-)',
  actor2: null, location: 'Alpha', admin1: 'North', country: 'Ruritania', lat: 10, lon: 20, geoPrecision: 1, fatalities: 0, ...over,
});

test('scoreAcled reports what was predicted and leaves out the rest', () => {
  const records = [record({ fatalities: 3 }), record({ fatalities: 0, lat: 11, lon: 20 })];
  const onlyFatalities = scoreAcled(records, (r) => ({ fatalities: r.id === 'X1' ? 3 : 1 }));
  assert.deepEqual(onlyFatalities, { fatalitiesExact: 0.5 });
  const all = scoreAcled(records, (r) => ({
    fatalities: r.fatalities,
    eventType: 'battles',
    subEventType: 'Armed clash',
    lat: 10.1,
    lon: 20,
    eventDate: '2020-01-02',
    actor1: 'Military Forces of Ruritania',
  }));
  assert.deepEqual(all, {
    eventTypeAccuracy: 1,
    subEventTypeAccuracy: 1,
    fatalitiesExact: 1,
    location25km: 0.5,
    location100km: 0.5,
    dateExact: 1,
    actor1Match: 1,
  });
  // a missing prediction counts as wrong once the metric is reported
  assert.deepEqual(scoreAcled(records, (r) => (r.lat === 10 ? { eventDate: '2020-01-02' } : {})), { dateExact: 0.5 });
});
