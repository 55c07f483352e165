import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc, invalidSpans } from '../../testing/docs.js';
import type { ActorMention } from '../../core/layers/index.js';
import { createEntitiesStage } from '../entities/index.js';
import { createActorsStage } from './index.js';
import { SitrepDocument } from '../../core/document.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';

function actors(text: string): ActorMention[] {
  const doc = segmentedDoc(text);
  doc.set('entities', createEntitiesStage().run(doc, {}).layers.entities!);
  const out = createActorsStage().run(doc, {}).layers.actors!;
  assert.deepEqual(invalidSpans(text, out), [], 'every span is valid');
  return out;
}
const find = (ms: ActorMention[], text: string) => {
  const m = ms.find((x) => x.span.text === text);
  assert.ok(m, `no mention "${text}" in ${ms.map((x) => `${x.span.text}=${x.actor.code}`).join(' | ')}`);
  return m;
};

test('metonymy: capitals and seats of government acting are governments', () => {
  const ms = actors('Moscow said on Monday that the Kremlin would respond. Washington warned against escalation, and the White House called for calm.');
  assert.equal(find(ms, 'Moscow').actor.code, 'RUS GOV');
  assert.equal(find(ms, 'Moscow').via, 'metonymy');
  assert.equal(find(ms, 'Kremlin').actor.code, 'RUS GOV');
  assert.equal(find(ms, 'Washington').actor.code, 'USA GOV');
  assert.equal(find(ms, 'White House').actor.code, 'USA GOV');
});

test('a capital as a place is no actor', () => {
  const ms = actors('Clashes broke out in Yerevan between the police and demonstrators.');
  assert.ok(!ms.some((m) => m.span.text === 'Yerevan'));
  assert.equal(find(ms, 'police').actor.code, 'ARM COP');
  assert.equal(find(ms, 'demonstrators').actor.code, 'ARM PRO');
});

test('demonyms, formal and informal, with sector nouns', () => {
  const ms = actors('Azeri troops advanced on Tuesday. The Azeris said Brits had no part in it.');
  assert.equal(find(ms, 'Azeri troops').actor.code, 'AZE MIL');
  assert.equal(find(ms, 'Azeri troops').via, 'demonym');
  assert.equal(find(ms, 'Azeris').actor.code, 'AZE');
  assert.equal(find(ms, 'Brits').actor.code, 'GBR');
});

test('titles: nationality + title + name, then the surname and pronouns', () => {
  const ms = actors('Armenian Prime Minister Nikol Pashinyan met envoys on Monday. Pashinyan said he would stay. Critics accused him of weakness.');
  const first = find(ms, 'Armenian Prime Minister Nikol Pashinyan');
  assert.equal(first.actor.code, 'ARM GOV');
  assert.equal(first.via, 'title');
  assert.equal(first.person, 'Nikol Pashinyan');
  const later = find(ms, 'Pashinyan');
  assert.equal(later.actor.code, 'ARM GOV');
  assert.equal(later.person, 'Nikol Pashinyan');
  for (const p of ['he', 'him']) {
    const m = find(ms, p);
    assert.equal(m.via, 'coreference');
    assert.equal(m.person, 'Nikol Pashinyan');
    assert.ok(m.antecedentId);
  }
});

test('organisation titles and appositive titles', () => {
  const ms = actors('UN Secretary-General Antonio Guterres urged calm. In Paris, the interior minister, Jean Dupont, disagreed.');
  assert.equal(find(ms, 'UN Secretary-General Antonio Guterres').actor.code, 'IGO UNO');
  const dupont = ms.find((m) => m.person === 'Jean Dupont');
  assert.ok(dupont);
  assert.equal(dupont.actor.code, 'FRA GOV');
});

test('possessives, presidencies and ministries, and "the presidency" back to them', () => {
  const ms = actors("Azerbaijan's presidency called for talks. Azerbaijan's armed forces reported gains. The presidency later said the offer stood.");
  assert.equal(find(ms, "Azerbaijan's presidency").actor.code, 'AZE GOV');
  assert.equal(find(ms, "Azerbaijan's armed forces").actor.code, 'AZE MIL');
  const back = find(ms, 'presidency');
  assert.equal(back.via, 'coreference');
  assert.equal(back.antecedentId, find(ms, "Azerbaijan's presidency").id);
});

test('"the Foreign Ministry" belongs to the country named before it', () => {
  const ms = actors('Fighting spread along the border. Russia demanded an end to the bloodshed, the Foreign Ministry said.');
  assert.equal(find(ms, 'Foreign Ministry').actor.code, 'RUS GOV');
});

test('separatists are tied to the region they fight in; "the enclave" refers back', () => {
  const ms = actors('Shelling hit Nagorno-Karabakh overnight. The separatists said two civilians died, and the enclave asked for help.');
  const sep = find(ms, 'separatists');
  assert.equal(sep.actor.code, 'AZE REB');
  assert.equal(sep.actor.name, 'Nagorno-Karabakh separatists');
  const enclave = find(ms, 'enclave');
  assert.equal(enclave.via, 'coreference');
  assert.equal(enclave.antecedentId, sep.id);
});

test('international organisations and armed groups; "the militants" back to the group', () => {
  const ms = actors('NATO and the OSCE condemned the raid. Taliban fighters attacked a checkpoint, and the militants later withdrew.');
  assert.equal(find(ms, 'NATO').actor.code, 'IGO NATO');
  assert.equal(find(ms, 'OSCE').actor.code, 'IGO OSCE');
  assert.equal(find(ms, 'Taliban').actor.code, 'AFG INS');
  const back = find(ms, 'militants');
  assert.equal(back.actor.code, 'AFG INS');
  assert.equal(back.antecedentId, find(ms, 'Taliban').id);
});

test('"it": the latest state or organisation before it, never an empty subject', () => {
  const ms = actors('Kenya said on Monday that it would send more police to the border. It is not clear when they will arrive.');
  const it = find(ms, 'it');
  assert.equal(it.via, 'coreference');
  assert.equal(it.actor.code, find(ms, 'Kenya').actor.code);
  assert.equal(it.antecedentId, find(ms, 'Kenya').id);
  assert.ok(!ms.some((m) => m.span.text === 'It'), 'an empty "it is" stands for no one');
});

test('"it" skips people and crowds: "the police ... it" is the government, not the officers', () => {
  const ms = actors('The African Union criticised the troops. The minister said it had no right to interfere.');
  assert.equal(find(ms, 'it').actor.name, find(ms, 'African Union').actor.name);
});

test('"it" can be one armed body ("the Israeli military said it"), never a crowd ("the troops")', () => {
  const ms = actors('The health ministry in Lima said nine people died. The Chilean military said it struck a depot.');
  assert.equal(find(ms, 'it').antecedentId, find(ms, 'Chilean military').id);
  const crowd = actors('The Bolivian government protested. Chilean troops said it was a mistake.');
  assert.notEqual(crowd.find((m) => m.span.text === 'it')?.antecedentId, find(crowd, 'Chilean troops').id);
});

test('"the country\'s health ministry" is a ministry of the country in context, and "the ministry" refers back', () => {
  const ms = actors('Nine people died in Lima, according to the country\'s health ministry. The ministry said 20 were hurt.');
  const ministry = find(ms, 'health ministry');
  assert.equal(ministry.actor.code, 'PER GOV');
  assert.equal(find(ms, 'ministry').actor.code, 'PER GOV');
});

test('"the ministry" refers back to the last ministry of any kind, across another country\'s mention', () => {
  const ms = actors('Nine people died in Lima, according to the Peruvian health ministry. The Chilean army said it had sealed the border. The ministry said 20 were hurt.');
  const back = ms.filter((m) => m.span.text === 'ministry').pop()!;
  assert.equal(back.via, 'coreference');
  assert.equal(back.actor.code, 'PER GOV');
});

test('a demonym naming a language ("its Spanish initials") brings no country into the story', () => {
  const ms = actors('The rebel group in Peru, known by its Spanish initials, accused the government of lying.');
  assert.equal(find(ms, 'government').actor.code, 'PER GOV');
});

test('armed groups of past and present conflicts; a group the tagger reads as a person is still the group', () => {
  const ms = actors('The IRA said it had planted the device in Newry. ETA claimed the car bomb in Vitoria. Abu Sayyaf militants seized three crewmen near Basilan.');
  assert.equal(find(ms, 'IRA').actor.code, 'GBR REB');
  assert.equal(find(ms, 'ETA').actor.code, 'ESP REB');
  assert.equal(find(ms, 'Abu Sayyaf').actor.code, 'PHL INS');
  assert.ok(!find(ms, 'Abu Sayyaf').person, 'a group is no person');
});

test('a country named in an organisation\'s own name, and the officer titled by it, win over the story\'s country', async () => {
  // the whole pipeline: its tagger reads "US Army" as one organisation
  const pipeline = Pipeline.build(defaultStages().filter((s) => s.name !== 'events'), await loadDefaultServices(), { softwareVersion: 'test' });
  const doc = pipeline.run(new SitrepDocument('Syrian troops shelled rebel positions near Idlib. US Army Col. Dale Fenwick, a coalition spokesman, said twelve people died.', { publishedAt: '2024-03-12' }));
  const ms = [...doc.get('actors')];
  assert.equal(find(ms, 'US Army').actor.code, 'USA MIL');
  assert.equal(find(ms, 'Col. Dale Fenwick').actor.country, 'USA');
});

test('"Opposition leader X criticised the government": the government is of the country given to the title, not of the country named last', () => {
  const ms = actors('Greek officials said Turkish jets entered Greek airspace on Tuesday. Turkey denied it. Opposition leader Nikos Andreou criticised the government for its silence.');
  assert.equal(find(ms, 'government').actor.country, find(ms, 'Opposition leader Nikos Andreou').actor.country);
});

test('a name the dictionary lacks, right before an armed group\'s noun, names that group', async () => {
  const pipeline = Pipeline.build(defaultStages().filter((s) => s.name !== 'events'), await loadDefaultServices(), { softwareVersion: 'test' });
  const doc = pipeline.run(new SitrepDocument('The Kamwina Nsapu militia ambushed a police convoy in Kasai on Sunday.', { publishedAt: '2024-03-12' }));
  const group = find([...doc.get('actors')], 'Kamwina Nsapu militia');
  assert.equal(group.actor.sector, 'REB');
  assert.ok(!group.person, 'a group is no person');
});

test('"people in Lebanon", "the ministry in the Hamas-run territory": where they are says whose; forces in a country are not its own', () => {
  const ms = actors("Israel's campaign has displaced thousands of people in Lebanon, according to the health ministry in the Hamas-run territory. Syria's neighbours said the troops in Lebanon would stay.");
  assert.equal(find(ms, 'people').actor.code, 'LBN CVL');
  assert.equal(find(ms, 'health ministry').actor.code, 'PSE GOV');
  assert.equal(find(ms, 'troops').actor.code, 'SYR MIL');
});

test('"Al Shabaab" written with a space is the armed group, under the name ACLED uses', () => {
  const ms = actors('Al Shabaab militants attacked a base near the border.');
  assert.equal(find(ms, 'Al Shabaab').actor.code, 'SOM INS');
  assert.equal(find(ms, 'Al Shabaab').actor.name, 'Al Shabaab');
});

test('weapons after a nationality stand for its forces: "Ukrainian drones", "Israeli fighter jets"', () => {
  const ms = actors('Ukrainian drones struck a refinery, and Israeli fighter jets hit a depot.');
  assert.equal(find(ms, 'Ukrainian drones').actor.code, 'UKR MIL');
  assert.equal(find(ms, 'Israeli fighter jets').actor.code, 'ISR MIL');
});

test('"Congo" in today\'s news is the Democratic Republic; the Republic of Congo is named as such', () => {
  const ms = actors("Congo's government accused its neighbour, and the Republic of Congo stayed silent.");
  assert.equal(find(ms, "Congo's government").actor.code, 'COD GOV');
  assert.equal(find(ms, 'Republic of Congo').actor.code, 'COG');
});

test('an institution adjective before a thing names no actor ("no military solution"), before its people it does', () => {
  const ms = actors('Washington said there can be no military solution to the war, and military officials agreed.');
  assert.deepEqual(ms.filter((m) => m.span.text === 'military').length, 1, ms.map((m) => `${m.span.text}@${m.span.start}`).join(' | '));
  assert.ok(ms.some((m) => m.span.text === 'military' && m.span.start > 60), 'the officials\' "military" stays');
});

test('"the group", "the rights group" after a listed organisation is that organisation', () => {
  const ms = actors('Amnesty International said on Monday that dozens were held. At least 40 were beaten, the rights group said.');
  assert.equal(find(ms, 'group').actor.code, find(ms, 'Amnesty International').actor.code);
  assert.equal(find(ms, 'group').via, 'coreference');
});
