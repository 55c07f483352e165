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
