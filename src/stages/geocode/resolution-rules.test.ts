import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geocodeSentence, placeAt, skipWithoutGazetteer } from './test-sentence.js';
import { preferListedDivisions, preferNamedDivision } from './lists.js';
import type { RankedCandidate } from './rank.js';
import type { GazetteerEntry } from '../../services/gazetteer/index.js';

const skip = skipWithoutGazetteer;
const run = geocodeSentence;
const at = placeAt;

test('a lone trailing "Island" is not Iceland by its Icelandic name', { skip }, () => {
  const ps = run('Ferries to Fire Island stopped during the storm.', [['Fire Island', 'LOC']]);
  assert.notEqual(at(ps, 'Fire Island')?.resolved?.country, 'IS');
});

test('a district named after its only town abroad is around that town, not the story\'s far focus', { skip }, () => {
  const ps = run('Doctors in Atlanta tested samples from the Kabanjahe district and from Atlanta again.', [['Atlanta', 'GPE'], ['Kabanjahe', 'GPE']]);
  assert.equal(at(ps, 'Kabanjahe').resolved?.country, 'ID');
});

test('a name listed among states is the state', { skip }, () => {
  const ps = run('Cases were confirmed in Ohio, Kansas, New York and Texas this week.', [['Ohio', 'GPE'], ['Kansas', 'GPE'], ['New York', 'GPE'], ['Texas', 'GPE']]);
  const ny = at(ps, 'New York');
  assert.equal(ny.resolved?.featureCode, 'ADM1');
  assert.ok(ny.resolved?.reasons?.includes('listed-with-divisions') || ny.candidates[0]?.featureCode === 'ADM1');
});

test('a town reading outside the division its seat names gives way to that division ("X (Donetsk)")', { skip }, () => {
  // a made-up village name that is no place: the stand-in must be Donetsk, not a namesake elsewhere
  const ps = run('Drones hit a car near Kyrylivka (Donetsk) on Monday.', [['Kyrylivka', 'GPE'], ['Donetsk', 'GPE']]);
  const k = at(ps, 'Kyrylivka');
  assert.equal(k.resolved?.country, 'UA');
  assert.equal(k.resolved?.admin1, at(ps, 'Donetsk').resolved?.admin1);
});

test('a regional seat spelled unlike its division still stands for it ("X, Zaporizhia")', { skip }, () => {
  // Chervone is a village name found in several other oblasts; none lies in Zaporizhzhia Oblast
  const ps = run('Artillery hit Chervone, Zaporizhia, on Monday.', [['Chervone', 'GPE'], ['Zaporizhia', 'GPE']]);
  const c = at(ps, 'Chervone');
  assert.equal(c.resolved?.country, 'UA');
  assert.equal(c.resolved?.admin1, at(ps, 'Zaporizhia').resolved?.admin1);
});

test('"Zaporizhia region" is the oblast even when only its seat has that spelling, and a village inside it goes there', { skip }, () => {
  const ps = run('Drones struck Khrebtivka, Zaporizhia region, at night.', [['Khrebtivka', 'GPE'], ['Zaporizhia', 'GPE']]);
  const region = at(ps, 'Zaporizhia').resolved;
  assert.equal(region?.featureCode, 'ADM1');
  assert.equal(region?.country, 'UA');
  assert.equal(at(ps, 'Khrebtivka').resolved?.admin1, region?.admin1);
});

test('a division\'s demonym tagged as a name is that division, and its abbreviation follows the story', { skip }, () => {
  const ps = run('Western Australian officials said birds died near Esperance, and the WA agriculture office agreed.', [['Western Australian', 'MISC'], ['Esperance', 'GPE'], ['WA', 'GPE']]);
  assert.equal(at(ps, 'Western Australian')?.resolved?.country, 'AU');
  assert.equal(at(ps, 'Esperance').resolved?.country, 'AU');
  assert.equal(at(ps, 'WA').resolved?.country, 'AU');
});

const entry = (name: string, featureCode: string, country = 'US'): GazetteerEntry => ({ index: name.length, name, country, lat: 0, lon: 0, featureClass: featureCode.startsWith('PPL') ? 'P' : 'A', featureCode, population: 1, match: 'name' });
const ranked = (...es: [GazetteerEntry, number][]): RankedCandidate[] => es.map(([entry, score]) => ({ entry, score, reasons: [] }));

test('preferListedDivisions moves a division up only when its list neighbours are divisions', () => {
  const city = entry('Springfield', 'PPL');
  const state = entry('Springfield State', 'ADM1');
  const groups = [ranked([entry('Ohio', 'ADM1'), 10]), ranked([city, 9], [state, 7]), ranked([entry('Paris', 'PPLC', 'FR'), 10])];
  const listed = preferListedDivisions([0, 1], ['comma'], groups);
  assert.equal(listed[1]![0]!.entry, state);
  const nextToTown = preferListedDivisions([2, 1], ['comma'], groups);
  assert.equal(nextToTown[1]![0]!.entry, city);
  const notListed = preferListedDivisions([0, 1], [undefined], groups);
  assert.equal(notListed[1]![0]!.entry, city);
});

test('two countries joined by a hyphen are two mentions', { skip }, () => {
  const ps = run('Patrols met at the India-Pakistan border on Sunday.', [['India-Pakistan', 'GPE']]);
  assert.deepEqual(ps.map((p) => [p.span.text, p.resolved?.country]), [['India', 'IN'], ['Pakistan', 'PK']]);
});

test('"the Atlantic" is the ocean even in a story full of American places', { skip }, () => {
  const ps = run('Storms over the Atlantic flooded roads in Virginia and Ohio.', [['Atlantic', 'LOC'], ['Virginia', 'GPE'], ['Ohio', 'GPE']]);
  assert.equal(at(ps, 'Atlantic').resolved?.featureCode, 'OCN');
});

test('a lone common word at the end of a name is no region', { skip }, () => {
  const ps = run('Crowds gathered outside the Harambee Conference Centre and in Kariobangi South.', [['Harambee Conference Centre', 'FAC'], ['Kariobangi South', 'GPE']]);
  for (const p of ps) assert.notEqual(p.resolved?.country, 'CM', `${p.span.text} read as Cameroon`);
});

test('a building named after a big city stays in that city, not the story\'s far focus', { skip }, () => {
  const ps = run('Officials in Madison, Wisconsin said the flight landed at İstanbul Atatürk International Airport.', [['Madison', 'GPE'], ['Wisconsin', 'GPE'], ['İstanbul Atatürk International Airport', 'FAC']]);
  assert.equal(at(ps, 'İstanbul Atatürk International Airport').resolved?.country, 'TR');
});

test('a town just across a city-level division line keeps its own reading ("Sevastopol, Crimea")', { skip }, () => {
  const ps = run('Smoke rose over Sevastopol, Crimea, after the strike.', [['Sevastopol', 'GPE'], ['Crimea', 'GPE']]);
  assert.equal(at(ps, 'Sevastopol').resolved?.featureClass, 'P');
  assert.ok(!at(ps, 'Sevastopol').resolved?.reasons?.includes('outside-container'));
});

test('a bare name follows the division the article names by its division form', { skip }, () => {
  const ps = run('The New York state health office said deaths in New York rose again.', [['New York', 'GPE']]);
  const bare = ps.filter((p) => p.span.text === 'New York');
  assert.equal(bare.length, 2);
  for (const p of bare) assert.equal(p.resolved?.featureCode, 'ADM1');
});

test('preferNamedDivision leaves a bare name alone when no division form is named', () => {
  const city = entry('Springfield', 'PPL');
  const state = { ...entry('Springfield State', 'ADM1'), index: 99 };
  const groups = [ranked([city, 9], [state, 7]), ranked([state, 10])];
  assert.equal(preferNamedDivision(['springfield', 'div:springfield'], groups)[0]![0]!.entry, state);
  assert.equal(preferNamedDivision(['springfield', 'springfield county'], groups)[0]![0]!.entry, city);
});

test('an island beside a name in a list of states does not break the list', () => {
  const city = entry('Springfield', 'PPL');
  const state = entry('Springfield State', 'ADM1');
  const island = { ...entry('Long Key', 'ISL'), featureClass: 'T' };
  const groups = [ranked([island, 10]), ranked([city, 9], [state, 7]), ranked([entry('Ohio', 'ADM1'), 10])];
  assert.equal(preferListedDivisions([0, 1, 2], ['comma', 'comma'], groups)[1]![0]!.entry, state);
});

test('two strong names joined by a hyphen inside an organisation-like tag are both places', { skip }, () => {
  const ps = run('Other Asia-Pacific nations reported cases.', [['Asia-Pacific', 'ORG']]);
  assert.deepEqual(ps.map((p) => [p.span.text, p.resolved?.featureCode]), [['Asia', 'CONT'], ['Pacific', 'OCN']]);
});

test('a name the gazetteer lacks falls back on the story\'s region, not on the dateline where it was filed', { skip }, () => {
  const text = 'ABUJA, Nigeria (Reuters) - Gunmen raided Dankolowa village. Police in Katsina said Katsina was calm.';
  const ps = run(text, [['ABUJA', 'GPE'], ['Nigeria', 'GPE'], ['Dankolowa', 'GPE'], ['Katsina', 'GPE']]);
  const village = at(ps, 'Dankolowa').resolved;
  assert.equal(village?.country, 'NG');
  assert.notEqual(village?.name, 'Abuja');
});

test('a seat of government named for its government is in its capital (supplement aliases)', { skip }, () => {
  const ps = geocodeSentence('Marchers in Maracay headed for Miraflores, while the White House and the Kremlin traded warnings.', [['Maracay', 'GPE'], ['Miraflores', 'GPE'], ['White House', 'GPE'], ['Kremlin', 'GPE']]);
  assert.equal(placeAt(ps, 'Miraflores').resolved?.name, 'Caracas');
  assert.equal(placeAt(ps, 'White House').resolved?.country, 'US');
  assert.equal(placeAt(ps, 'Kremlin').resolved?.name, 'Moscow');
});

test('Somali regions by their common English and Somali spellings (supplement)', { skip }, () => {
  const ps = geocodeSentence('Troops retook two towns in Lower Shabelle and pushed into Hiiraan and Galmudug.', [['Lower Shabelle', 'GPE'], ['Hiiraan', 'GPE'], ['Galmudug', 'GPE']]);
  for (const name of ['Lower Shabelle', 'Hiiraan', 'Galmudug']) assert.equal(placeAt(ps, name).resolved?.country, 'SO', name);
  assert.equal(placeAt(ps, 'Lower Shabelle').resolved?.featureCode, 'ADM1');
});

test('a place name the tagger cut in two is read whole ("Dera" + "Ismail Khan")', { skip }, () => {
  const ps = geocodeSentence('Gunmen attacked a checkpoint in Dera Ismail Khan on Monday.', [['Dera', 'GPE'], ['Ismail Khan', 'GPE']]);
  assert.equal(ps.length, 1);
  assert.equal(ps[0]!.span.text, 'Dera Ismail Khan');
  assert.equal(ps[0]!.resolved?.country, 'PK');
});

test('a seat spelt with one letter fewer than its division still names it ("Odesa" region, "Odessa Oblast")', { skip }, () => {
  const ps = geocodeSentence('Drones were shot down over the Mykolaiv, Odesa and Kirovohrad regions.', [['Mykolaiv', 'GPE'], ['Odesa', 'GPE'], ['Kirovohrad', 'GPE']]);
  assert.equal(placeAt(ps, 'Odesa').resolved?.featureCode, 'ADM1');
});

test('"Valle" + "Cauca" in "Valle del Cauca" is one name', { skip }, () => {
  const ps = geocodeSentence('Dissidents attacked a patrol in Valle del Cauca on Monday.', [['Valle', 'GPE'], ['Cauca', 'GPE']]);
  assert.equal(ps.length, 1);
  assert.equal(ps[0]!.resolved?.name, 'Valle del Cauca');
});

test('"the Red Sea" is the sea, not a division named after it; "Red Sea state" is the division', { skip }, () => {
  const sea = geocodeSentence('Rebels fired missiles at a tanker in the Red Sea on Sunday.', [['Red Sea', 'LOC']]);
  assert.equal(placeAt(sea, 'Red Sea').resolved?.featureCode, 'SEA');
  const state = geocodeSentence('Floods cut roads in Red Sea state on Sunday.', [['Red Sea', 'GPE']]);
  assert.equal(placeAt(state, 'Red Sea').resolved?.featureCode, 'ADM1');
});

test('an unknown place "in the X area of Y district" stands at Y even when Y is only known by its town', { skip }, () => {
  // Darbandak is a made-up name; Shindand district is known to the gazetteer by its town
  const ps = run('Gunmen shot a guard in the Darbandak area of Shindand district, Herat, on Sunday.', [['Darbandak', 'GPE'], ['Shindand', 'GPE'], ['Herat', 'GPE']]);
  const shindand = at(ps, 'Shindand').resolved;
  assert.equal(shindand?.featureClass, 'P');
  assert.equal(at(ps, 'Darbandak').resolved?.name, shindand?.name);
});

test('"X village of Y district" places the village in that district', { skip }, () => {
  const ps = run('Soldiers were ambushed in Qalachaki village of Mizan district, Zabul, at dawn.', [['Qalachaki', 'GPE'], ['Mizan', 'GPE'], ['Zabul', 'GPE']]);
  assert.equal(at(ps, 'Qalachaki').resolved?.name, at(ps, 'Mizan').resolved?.name);
  assert.notEqual(at(ps, 'Mizan').resolved?.featureCode, 'ADM1');
});

test('a container read as a small foreign namesake does not place the unknown name inside it', { skip }, () => {
  // "Guma" has no Nigerian reading in the gazetteer, only a Philippine village "Goma"
  const ps = run('Officials in Geneva and London said a mother from Agbaduma village of Guma Local Government Area was treated in Makurdi.', [['Geneva', 'GPE'], ['London', 'GPE'], ['Agbaduma', 'GPE'], ['Guma', 'GPE'], ['Makurdi', 'GPE']]);
  assert.notEqual(at(ps, 'Agbaduma').resolved?.country, 'PH');
});

test('bare "Gaza" is the Strip; "Gaza City" and "the city of Gaza" are the city', { skip }, () => {
  let ps = run('Airstrikes killed nine people across Gaza overnight, and tanks entered Gaza City.', [['Gaza', 'GPE'], ['Gaza City', 'GPE']]);
  assert.equal(at(ps, 'Gaza').resolved?.featureCode, 'RGN');
  assert.equal(at(ps, 'Gaza City').resolved?.featureClass, 'P');
  ps = run('Families left the city of Gaza on foot.', [['Gaza', 'GPE']]);
  assert.equal(at(ps, 'Gaza').resolved?.featureClass, 'P');
});

test('a known name inside an unknown district of a named province is not its namesake in another province', { skip }, () => {
  // Qalat is the seat of Zabul; this one lies in a district of Herat
  const ps = run("Taliban militants attacked an army post in the 'Qalat' area of Kushki Kuhna district, Herat, killing four soldiers.", [['Qalat', 'GPE'], ['Kushki Kuhna', 'GPE'], ['Herat', 'GPE']]);
  assert.equal(at(ps, 'Qalat').resolved?.admin1, at(ps, 'Herat').resolved?.admin1);
});

test('"X, Y County, Country" is a place in a division in a country, not a list of three', { skip }, () => {
  const ps = run('Armed men from Ethiopia attacked herders in Dukanoi, Marsabit County, Kenya, and fled back across the border into Ethiopia.', [['Ethiopia', 'GPE'], ['Dukanoi', 'GPE'], ['Marsabit County', 'GPE'], ['Kenya', 'GPE']]);
  assert.equal(at(ps, 'Dukanoi').resolved?.country, 'KE');
  assert.equal(at(ps, 'Dukanoi').resolved?.admin1, at(ps, 'Marsabit County').resolved?.admin1);
});

test('an unknown village "in" a named division stands at that division, not at the article\'s town elsewhere', { skip }, () => {
  const ps = run('Jets bombed Tolgarra village in Sagaing region. The embassy in Yangon said it was concerned. Yangon was calm.', [['Tolgarra', 'GPE'], ['Sagaing', 'GPE'], ['Yangon', 'GPE'], ['Yangon', 'GPE']]);
  assert.equal(at(ps, 'Tolgarra').resolved?.name, 'Sagaing Region');
});
