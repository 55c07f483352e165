import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import type { EventRecord, Token } from '../../core/layers/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';
import { acledView, createEventsStage, loadAcledLexicon } from './index.js';
import { retagHeadlineVerbs } from './headline-verbs.js';

// Fixture sentences written for terse, headline-like incident notes and the ACLED codebook.
let pipeline: Pipeline | undefined;
async function analyse(text: string): Promise<SitrepDocument> {
  pipeline ??= Pipeline.build([...defaultStages().filter((s) => s.name !== 'events'), createEventsStage()], await loadDefaultServices(), { softwareVersion: 'test' });
  return pipeline.run(new SitrepDocument(text, { publishedAt: '2024-03-12' }));
}
const first = (doc: SitrepDocument, type: string): EventRecord => {
  const e = doc.get('events').find((x) => x.type === type);
  assert.ok(e, `no ${type} event in ${JSON.stringify(doc.get('events').map((x) => x.type))}`);
  return e;
};

function tokens(...pairs: [string, string][]): Token[] {
  let at = 0;
  return pairs.map(([text, pos]) => {
    const t = { span: { start: at, end: at + text.length, text }, pos, sentence: 0 } as unknown as Token;
    at += text.length + 1;
    return t;
  });
}

test('a trigger tagged as a noun in a headline is a verb when its subject agrees', () => {
  const headline = tokens(['Armed', 'ADJ'], ['herders', 'NOUN'], ['attack', 'NOUN'], ['two', 'NUM'], ['villages', 'NOUN']);
  assert.equal(retagHeadlineVerbs(headline, new Map([[2, 'attack']]))[2]!.pos, 'VERB');
  const group = tokens(['A', 'DET'], ['local', 'ADJ'], ['gang', 'NOUN'], ['attacks', 'NOUN'], ['and', 'CCONJ'], ['robs', 'VERB'], ['a', 'DET'], ['trader', 'NOUN']);
  assert.equal(retagHeadlineVerbs(group, new Map([[3, 'attack']]))[3]!.pos, 'VERB');
  // "the rebel attack on the base" stays a noun: a preposition follows it
  const compound = tokens(['The', 'DET'], ['rebel', 'NOUN'], ['attack', 'NOUN'], ['on', 'ADP'], ['the', 'DET'], ['base', 'NOUN']);
  assert.equal(retagHeadlineVerbs(compound, new Map([[2, 'attack']])), compound);
  // a collective noun takes either number: "a gang attack a trader", "the militia attacks a village"
  const gang = tokens(['A', 'DET'], ['local', 'ADJ'], ['gang', 'NOUN'], ['attack', 'NOUN'], ['a', 'DET'], ['trader', 'NOUN']);
  assert.equal(retagHeadlineVerbs(gang, new Map([[3, 'attack']]))[3]!.pos, 'VERB');
  // numbers disagree: "herders attacks" is no clause
  const disagree = tokens(['Local', 'ADJ'], ['herders', 'NOUN'], ['attacks', 'NOUN'], ['two', 'NUM'], ['villages', 'NOUN']);
  assert.equal(retagHeadlineVerbs(disagree, new Map([[2, 'attack']]))[2]!.pos, 'NOUN');
});

test('the object of a harmful act is its target, not an actor named in a later place or clause', async () => {
  let doc = await analyse('Gunmen killed a shopkeeper near the police station in Garsen.');
  assert.equal(first(doc, 'ASSAULT').target?.span.text, 'shopkeeper');
  doc = await analyse('Soldiers shot two smugglers who had wounded civilians at the border.');
  assert.match(first(doc, 'ASSAULT').target?.span.text ?? '', /smugglers/);
});

test('a passive subject right before its verb is the target, not an actor further back', async () => {
  const doc = await analyse('On Monday, near the camp (according to police) three herders were killed.');
  assert.equal(first(doc, 'ASSAULT').target?.span.text, 'three herders');
  assert.equal(first(doc, 'ASSAULT').acled?.eventType, 'Violence against civilians');
});

test('lexicon: gun battles, stoning, burning to death, demos, vandalism, arming, flushing out', async () => {
  const cases: [string, string][] = [
    ['Police exchanged fire with cattle rustlers in the valley.', 'ASSAULT'],
    ['A gunbattle broke out between rangers and poachers.', 'ASSAULT'],
    ['An angry crowd stoned the suspect to death.', 'ASSAULT'],
    ['Villagers burnt the alleged thief to death.', 'ASSAULT'],
    ['Teachers held demos in the capital over pay.', 'PROTEST'],
    ['Youths vandalised a church in the town.', 'COERCE'],
    ['Herders in the valley armed themselves ahead of the dry season.', 'MOBILIZE'],
    ['Soldiers tried to flush out the gang from the forest.', 'ASSAULT'],
  ];
  for (const [text, type] of cases) first(await analyse(text), type);
});

test('ACLED codebook: a crowd in a noun phrase with a place is a mob', async () => {
  const doc = await analyse('The crowd at a Nyeri polling centre attacked a clerk.');
  assert.equal(first(doc, 'ASSAULT').acled?.subEventType, 'Mob violence');
});

test('ACLED codebook: what a protest is about is no intervention; arrests and serious force are', () => {
  const lex = loadAcledLexicon();
  const sub = (sentence: string, following = '') => acledView({ type: 'PROTEST' }, sentence, lex, following).subEventType;
  assert.equal(sub('Traders protested the arrest of a council official.'), 'Peaceful protest');
  assert.equal(sub('Students protested to demand the release of their leader.'), 'Peaceful protest');
  assert.equal(sub('Dozens of nurses were arrested during a protest over pay.'), 'Protest with intervention');
  assert.equal(sub('Police fired into the air to scatter protesting farmers.'), 'Protest with intervention');
  assert.equal(sub('Residents protested over land.', 'Police shot at the crowd, seriously injuring three.'), 'Excessive force against protesters');
  assert.equal(sub('Residents protested after police killed a boda boda rider.'), 'Peaceful protest');
});

test('ACLED codebook: the agent after a passive trigger does not make its target armed', () => {
  const lex = loadAcledLexicon();
  const sentence = 'Four killed in a raid by armed bandits.';
  const at = sentence.indexOf('killed');
  const e = { type: 'ASSAULT' as const, trigger: { start: at, end: at + 6, text: 'killed' }, sentenceSpan: { start: 0, end: sentence.length, text: sentence } };
  assert.equal(acledView(e, sentence, lex).eventType, 'Violence against civilians');
});

test('the noun a participle of accusation modifies is accused by whoever tells it', async () => {
  let doc = await analyse('The police chief said on Monday that the number of men involved in the bank robbery had risen to nine.');
  const accusation = first(doc, 'ACCUSE');
  assert.match(accusation.source?.span.text ?? '', /police chief/);
  assert.match(accusation.target?.span.text ?? '', /men/);
  // a main verb with a preposition after it keeps its subject as the source
  doc = await analyse('Kenya complained to the African Union about the raids.');
  assert.match(first(doc, 'ACCUSE').source?.span.text ?? '', /Kenya/);
});

test('a reduced relative after a preposition is no passive subject: "at a dinner hosted by X"', async () => {
  const doc = await analyse('The visiting ministers met President Ruto at a dinner hosted by the ambassador.');
  const meeting = doc.get('events').find((e) => e.type === 'CONSULT' && /Ruto/.test(e.target?.span.text ?? ''));
  assert.ok(meeting, JSON.stringify(doc.get('events').map((e) => [e.type, e.source?.span.text, e.target?.span.text])));
});

test('ACLED codebook: stone-throwing crowds riot; "post-election" names no military post', () => {
  const lex = loadAcledLexicon();
  const view = (sentence: string) => acledView({ type: 'ASSAULT' }, sentence, lex);
  assert.equal(view('Youths hurled stones at a passing patrol car near the market.').subEventType, 'Mob violence');
  assert.equal(view('Two rival groups threw stones at each other after the football match.').eventType, 'Riots');
  const target = { span: { start: 0, end: 13, text: 'post-election' }, name: 'post-election' };
  assert.equal(acledView({ type: 'ASSAULT', target }, 'Persistent post-election violence was reported.', lex).eventType, 'Violence against civilians');
});

test('ACLED codebook: an attack that also burns homes is an attack; a note may name its own sub-event', () => {
  const lex = loadAcledLexicon();
  assert.equal(acledView({ type: 'ASSAULT' }, 'Armed men attacked a hamlet near the river, burning four huts.', lex).eventType, 'Violence against civilians');
  assert.equal(acledView({ type: 'COERCE' }, 'Unknown people burned four huts near the river.', lex).subEventType, 'Looting/property destruction');
  assert.equal(acledView({ type: 'ASSAULT' }, 'Movement of forces: rebels who took part in the attack were seen heading north.', lex).subEventType, 'Change to group/activity');
  assert.equal(acledView({ type: 'ASSAULT' }, 'Witness: rebels attacked the village.', lex).eventType, 'Violence against civilians');
  // the label opens the note: a later sentence's event is read with the one before it
  assert.equal(acledView({ type: 'ASSAULT' }, 'Young men threatened to attack the farms.', lex, 'Movement of forces: armed men moved into the valley.').subEventType, 'Change to group/activity');
});

test('ACLED codebook: an attack that turns into an exchange of fire with armed defenders is a battle', () => {
  const lex = loadAcledLexicon();
  const source = { span: { start: 0, end: 7, text: 'Raiders' }, name: 'Raiders' };
  const target = { span: { start: 19, end: 23, text: 'farm' }, name: 'farm' };
  const view = (following: string) => acledView({ type: 'ASSAULT', source, target }, 'Raiders attacked a farm near the lake.', lex, following).eventType;
  assert.equal(view('They exchanged gunfire with reservists for an hour.'), 'Battles');
  assert.equal(view('They drove away 200 goats.'), 'Violence against civilians');
  assert.equal(view('A clash with police in the area last week was coded separately.'), 'Violence against civilians');
});

test('a verb that needs an object, with none after it, is a headline passive', async () => {
  let doc = await analyse('Suspected gang member killed at market in Eldoret');
  assert.match(first(doc, 'ASSAULT').target?.span.text ?? '', /gang member/);
  assert.equal(first(doc, 'ASSAULT').source, undefined);
  doc = await analyse('Police detained at least 20 traders in Eldoret.');
  assert.match(first(doc, 'COERCE').source?.span.text ?? '', /Police/);
});

test('ACLED codebook: armed people among the victims make an attack a battle', () => {
  const lex = loadAcledLexicon();
  const sentence = 'Militants stormed the town, killing four civilians and two policemen.';
  const at = sentence.indexOf('four civilians');
  const target = { span: { start: at, end: at + 14, text: 'four civilians' }, name: 'four civilians' };
  assert.equal(acledView({ type: 'ASSAULT', target }, sentence, lex).eventType, 'Battles');
  assert.equal(acledView({ type: 'ASSAULT', target }, sentence.replace('two policemen', 'two traders'), lex).eventType, 'Violence against civilians');
});

test('ACLED codebook: "riot police" names a police force, not a riot', () => {
  const lex = loadAcledLexicon();
  const sub = (sentence: string) => acledView({ type: 'PROTEST' }, sentence, lex).subEventType;
  assert.equal(sub('Riot police open fire on marching teachers in the capital.'), 'Excessive force against protesters');
  assert.equal(sub('Anti-riot units watched the march of the nurses.'), 'Peaceful protest');
  assert.equal(sub('Protesters set off firecrackers near the parliament.'), 'Violent demonstration');
});

test('ACLED codebook: "between" two places is no clash; off-duty police are civilians', () => {
  const lex = loadAcledLexicon();
  const source = { span: { start: 0, end: 9, text: 'Militants' }, name: 'Militants' };
  const passengers = { span: { start: 19, end: 29, text: 'passengers' }, name: 'passengers' };
  assert.equal(acledView({ type: 'ASSAULT', source, target: passengers }, 'Militants shot two passengers on the road between Garsen and Witu.', lex).eventType, 'Violence against civilians');
  assert.equal(acledView({ type: 'ASSAULT' }, 'Fighting between rival clan militias left six dead.', lex).eventType, 'Battles');
  const sentence = 'Gunmen killed an off-duty police officer in Mombasa.';
  const at = sentence.indexOf('police');
  const officer = { span: { start: at, end: at + 14, text: 'police officer' }, name: 'police officer' };
  assert.equal(acledView({ type: 'ASSAULT', target: officer }, sentence, lex).eventType, 'Violence against civilians');
  assert.equal(acledView({ type: 'ASSAULT', target: officer }, sentence.replace('off-duty ', ''), lex).eventType, 'Battles');
});

test('a body found or a person found dead is an attack on a civilian (ACLED codes it as such)', async () => {
  let doc = await analyse('A trader was found dead near the market in Isiolo.');
  assert.equal(first(doc, 'ASSAULT').acled?.eventType, 'Violence against civilians');
  doc = await analyse('His body was found in a river near Kabarnet.');
  const found = first(doc, 'ASSAULT');
  assert.match(found.target?.span.text ?? '', /body/);
  assert.equal(found.source, undefined);
});

test('event place: a place after a locative word wins over an origin ("from X") and a bare modifier ("X residents")', async () => {
  let doc = await analyse('A man from Nakuru was attacked by a mob at a market near Eldoret.');
  assert.equal(first(doc, 'ASSAULT').place?.name, 'Eldoret');
  doc = await analyse('Mombasa residents demonstrated in Malindi against a court ruling.');
  assert.equal(first(doc, 'PROTEST').place?.name, 'Malindi');
  // "including the capital X" names a place inside the one just located, so the nearer, finer one stays
  doc = await analyse('Many towns in Nagorno-Karabakh, including the capital Stepanakert, came under heavy shelling on Tuesday.');
  assert.equal(first(doc, 'ASSAULT').place?.name, 'Stepanakert');
});

test('"striking workers" and "took to the streets" are protests, not attacks', async () => {
  let doc = await analyse('On Monday, striking hospital workers gathered outside the governor’s office over unpaid salaries.');
  assert.ok(!doc.get('events').some((e) => e.type === 'ASSAULT'), JSON.stringify(doc.get('events').map((e) => [e.type, e.trigger.text])));
  doc = await analyse('Hundreds of traders took to the streets of the town over new market fees.');
  assert.equal(first(doc, 'PROTEST').trigger.text, 'took to the streets');
});

test('"set … alight", "targeted", "abusing": acts of violence in terse notes', async () => {
  assert.equal(first(await analyse('Angry villagers set a suspected cattle thief alight.'), 'COERCE').trigger.text, 'alight');
  assert.equal(first(await analyse('Suspected rebels were targeted by the army near the border.'), 'ASSAULT').trigger.text, 'targeted');
  assert.equal(first(await analyse('Soldiers were seen abusing detainees at the camp.'), 'ASSAULT').trigger.text, 'abusing');
});

test('event place: a place fused to the word after it ("a Nairobi-bound bus") describes that word', async () => {
  // the village is in no gazetteer: it is placed in the county named after it, far north of Nairobi
  const doc = await analyse('Gunmen attacked a Nairobi-bound bus in Qorqoraha village, Mandera County on Sunday.');
  const place = first(doc, 'ASSAULT').place;
  assert.notEqual(place?.name, 'Nairobi');
  assert.ok((place?.lat ?? 0) > 2, JSON.stringify(place));
});
