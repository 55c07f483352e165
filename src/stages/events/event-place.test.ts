import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import type { EventRecord } from '../../core/layers/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';

// Where an event happened, for sentences written for these rules.
let pipeline: Pipeline | undefined;
async function analyse(text: string): Promise<SitrepDocument> {
  pipeline ??= Pipeline.build(defaultStages(), await loadDefaultServices(), { softwareVersion: 'test' });
  return pipeline.run(new SitrepDocument(text, { publishedAt: '2024-03-12' }));
}
const assault = (doc: SitrepDocument): EventRecord => {
  const e = doc.get('events').find((x) => x.type === 'ASSAULT');
  assert.ok(e, 'no ASSAULT event');
  return e;
};

test('a place after "from" on the doers\' noun is their origin, not where they struck', async () => {
  let doc = await analyse('Bandits from Ethiopia killed two herders in Forole, Marsabit county, on Sunday.');
  assert.equal(assault(doc).place?.name, 'Forole');
  doc = await analyse('Five more people have been killed by suspected bandits from Ethiopia.');
  assert.equal(assault(doc).place, undefined);
});

test('a place after "from" on a verb can still be where it happened', async () => {
  const doc = await analyse('Residents fled from Bakhmut after shelling on Monday.');
  assert.equal(assault(doc).place?.name, 'Bakhmut');
});

test('a thing taken from a place, or moved from one place to another, was taken there', async () => {
  for (const text of ['Troops looted equipment from Kherson on Monday.', 'Soldiers seized ambulances and medical equipment from Kherson to Skadovsk on Monday.']) {
    const doc = await analyse(text);
    const e = doc.get('events').find((x) => x.type === 'COERCE');
    assert.equal(e?.place?.name, 'Kherson', text);
  }
});

test('the focus an event falls back on is the lead\'s place, not one named as an owner', async () => {
  const doc = await analyse("A parcel bomb exploded in Lyon on Friday, wounding 13 people. Paris' anti-terror prosecutor opened an inquiry. The explosion shattered the windows of a bakery. Officials in Paris urged calm.");
  const later = doc.get('events').filter((e) => e.type === 'ASSAULT' && e.place?.fromArticleFocus);
  assert.ok(later.length > 0, 'an assault placed by the focus');
  for (const e of later) assert.equal(e.place?.name, 'Lyon');
});

test('the focus is named by a mention of the place itself, not by a street standing in for it', async () => {
  const doc = await analyse('A bomb exploded in Cavehill Road early on Sunday. Police in Belfast sealed off the area. The blast wounded two men. Belfast remained tense.');
  const later = doc.get('events').filter((e) => e.type === 'ASSAULT' && e.place?.fromArticleFocus);
  assert.ok(later.length > 0, 'an assault placed by the focus');
  for (const e of later) assert.equal(e.place?.name, 'Belfast');
});
