import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SitrepDocument } from '../../core/document.js';
import { spanIsValid } from '../../core/span.js';
import type { EventRecord } from '../../core/layers/index.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { defaultStages, loadDefaultServices } from '../../pipeline/default.js';
import { acledView, createEventsStage, loadAcledLexicon, loadEventsLexicon } from './index.js';
import { lemmaCandidates } from './lexicon.js';

let pipeline: Pipeline | undefined;
async function analyse(text: string, publishedAt = '2024-03-12'): Promise<SitrepDocument> {
  pipeline ??= Pipeline.build([...defaultStages().filter((s) => s.name !== 'events'), createEventsStage()], await loadDefaultServices(), { softwareVersion: 'test' });
  const doc = pipeline.run(new SitrepDocument(text, { publishedAt }));
  const events = doc.get('events');
  for (const e of events) {
    for (const s of [e.trigger, e.sentenceSpan, e.source?.span, e.target?.span]) if (s) assert.ok(spanIsValid(doc.text, s), `span ${JSON.stringify(s)}`);
  }
  return doc;
}
const types = (doc: SitrepDocument) => doc.get('events').map((e) => e.type);
const first = (doc: SitrepDocument, type: string): EventRecord => {
  const e = doc.get('events').find((x) => x.type === type);
  assert.ok(e, `no ${type} event in ${JSON.stringify(types(doc))}`);
  return e;
};

test('the lexicon loads and a bad type is refused', () => {
  const lex = loadEventsLexicon();
  assert.ok(lex.triggers.length > 100);
  const dir = mkdtempSync(join(tmpdir(), 'events-lex-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ version: 1, grammar: lex.grammar, triggers: [{ lemma: 'bite', type: 'NIBBLE' }] }));
  assert.throws(() => loadEventsLexicon(bad), /unknown PLOVER type/);
});

test('lemma candidates cover regular and irregular forms', () => {
  assert.ok(lemmaCandidates('shelled', {}).includes('shell'));
  assert.ok(lemmaCandidates('stopped', {}).includes('stop'));
  assert.ok(lemmaCandidates('fired', {}).includes('fire'));
  assert.ok(lemmaCandidates('withdrew', { withdrew: 'withdraw' }).includes('withdraw'));
});

test('each PLOVER family is found', async () => {
  const cases: [string, string][] = [
    ['The two governments agreed on a new border treaty on Monday.', 'AGREE'],
    ['Zerland offered talks with the rebel council in the capital.', 'CONSULT'],
    ['Vostia expressed support for the prime minister of Zerland.', 'SUPPORT'],
    ['The governor lifted the curfew in the northern province.', 'CONCEDE'],
    ['The two navies will share intelligence on smuggling routes.', 'COOPERATE'],
    ['A charity delivered food aid to the flooded villages.', 'AID'],
    ['The soldiers withdrew from the hill town overnight.', 'RETREAT'],
    ['The mayor called for a ceasefire in the old city.', 'REQUEST'],
    ['The minister accused the army of burning crops.', 'ACCUSE'],
    ['The council rejected the proposal of the mining firm.', 'REJECT'],
    ['The rebels threatened to cut the main road to the port.', 'THREATEN'],
    ['Hundreds of students protested outside the parliament.', 'PROTEST'],
    ['The union imposed sanctions on three shipping firms.', 'SANCTION'],
    ['The army deployed troops along the southern border.', 'MOBILIZE'],
    ['Police arrested four men at the market.', 'COERCE'],
    ['Gunmen attacked a bus near the bridge.', 'ASSAULT'],
  ];
  for (const [text, type] of cases) {
    const doc = await analyse(text);
    assert.ok(types(doc).includes(type as never), `${text} → ${JSON.stringify(types(doc))}`);
  }
});

test('source, target, place and date are filled', async () => {
  const doc = await analyse('On Tuesday Russia accused Ukraine of shelling the town. Russian troops shelled Kherson on Monday, killing three civilians.');
  const accuse = first(doc, 'ACCUSE');
  assert.match(accuse.source?.span.text ?? '', /Russia/);
  assert.match(accuse.target?.span.text ?? '', /Ukraine/);
  assert.equal(accuse.date?.value, '2024-03-12');
  const assault = doc.get('events').find((e) => e.type === 'ASSAULT' && e.sentence === 1)!;
  assert.ok(assault);
  assert.match(assault.source?.span.text ?? '', /troops/);
  assert.equal(assault.place?.name, 'Kherson');
  assert.equal(assault.place?.fromArticleFocus, false);
  assert.equal(assault.date?.value, '2024-03-11');
  assert.equal(assault.date?.fromPublication, false);
  assert.ok(assault.countIds.length >= 1, 'the death count attaches to the assault');
});

test('without a date in the sentence the publication date is used; the passive agent is the source', async () => {
  const doc = await analyse('Two journalists were detained by police in Kherson.');
  const e = first(doc, 'COERCE');
  assert.deepEqual(e.date, { value: '2024-03-12', precision: 'day', fromPublication: true });
  assert.match(e.source?.span.text ?? '', /police/i);
  assert.match(e.target?.span.text ?? '', /journalists/);
});

test('a place from the article focus when the sentence names none', async () => {
  const doc = await analyse('Fighting went on in Kherson. Kherson was quiet by noon. Later the army deployed more troops.');
  const e = first(doc, 'MOBILIZE');
  assert.equal(e.place?.fromArticleFocus, true);
  assert.equal(e.place?.name, 'Kherson');
});

test('a background sentence yields a background event', async () => {
  const doc = await analyse('Police arrested two men in Kherson on Monday. In 2014, troops attacked the port in a war that lasted months.');
  const old = doc.get('events').find((e) => e.type === 'ASSAULT');
  assert.ok(old);
  if (doc.get('background').some((b) => b.sentence === old.sentence)) assert.equal(old.background, true);
  assert.equal(first(doc, 'COERCE').background, false);
});

test('a near-duplicate sentence points to the first event', async () => {
  const doc = await analyse('Rebels attacked an army base near Kherson on Monday. Officials gave no figure. Rebels attacked an army base near Kherson on Monday night.');
  const dups = doc.get('nearDuplicates');
  const assaults = doc.get('events').filter((e) => e.type === 'ASSAULT');
  if (dups.length) {
    const later = assaults.find((e) => e.sentence === dups[0]!.sentence);
    assert.equal(later?.duplicateOf, assaults[0]!.id);
  }
});

test('triggers of one type in one clause make one event', async () => {
  const doc = await analyse('Troops attacked and shelled the village.');
  assert.equal(types(doc).filter((t) => t === 'ASSAULT').length, 1);
});

test('ACLED view: weapons, victims, protests, arrests', () => {
  const lex = loadAcledLexicon();
  const ev = (type: 'ASSAULT' | 'PROTEST' | 'COERCE' | 'AGREE') => ({ type });
  assert.equal(acledView(ev('ASSAULT'), 'Russian forces shelled the town with artillery.', lex).subEventType, 'Shelling/artillery/missile attack');
  assert.equal(acledView(ev('ASSAULT'), 'A drone strike hit a car.', lex).subEventType, 'Air/drone strike');
  assert.equal(acledView(ev('ASSAULT'), 'An IED exploded on the road.', lex).subEventType, 'Remote explosive/landmine/IED');
  assert.equal(acledView(ev('ASSAULT'), 'A suicide bomber blew himself up.', lex).subEventType, 'Suicide bomb');
  assert.equal(acledView(ev('ASSAULT'), 'Gunmen killed two villagers.', lex).eventType, 'Violence against civilians');
  assert.equal(acledView(ev('ASSAULT'), 'Soldiers clashed with rebels.', lex).subEventType, 'Armed clash');
  assert.equal(acledView(ev('PROTEST'), 'Traders marched peacefully to the town hall.', lex).subEventType, 'Peaceful protest');
  assert.equal(acledView(ev('PROTEST'), 'Protesters threw stones and burned tyres.', lex).subEventType, 'Violent demonstration');
  assert.equal(acledView(ev('PROTEST'), 'Police fired tear gas to disperse the protesters.', lex).subEventType, 'Protest with intervention');
  assert.equal(acledView(ev('COERCE'), 'Police arrested five men.', lex).subEventType, 'Arrests');
  assert.equal(acledView(ev('AGREE'), 'The sides signed a deal.', lex).subEventType, 'Agreement');
  const withActors = acledView({ type: 'ASSAULT', source: { span: { start: 0, end: 1, text: 'x' }, name: 'x', actorCode: 'RUS MIL' }, target: { span: { start: 2, end: 3, text: 'y' }, name: 'y', actorCode: 'UKR CVL' } }, 'x killed y', lex);
  assert.equal(withActors.interaction, 17);
});

test('argument rules: dates are no source, absolute "with X -ing", relative clauses, comma subjects', async () => {
  // a month name read as a name is no source
  let doc = await analyse('On May 3 the governor of Zerland accused the rebels of looting the port.');
  assert.doesNotMatch(first(doc, 'ACCUSE').source?.span.text ?? '', /^May$/);
  // "with X calling for": X is the subject despite the preposition
  doc = await analyse('The crisis was debated at the summit in Geneva, with Germany calling for an urgent meeting of the Security Council.');
  assert.match(first(doc, 'REQUEST').source?.span.text ?? '', /Germany/);
  // a relative clause takes its antecedent as source, and the main verb after it its subject
  doc = await analyse('Farmers and traders from Kherson, the group that met the mayor, accused the police of stealing grain.');
  assert.match(first(doc, 'ACCUSE').source?.span.text ?? '', /Farmers|traders/);
  // "X against which Y launched an attack": X is the target
  doc = await analyse('The monitors visited Kherson, against which Russia launched a new attack on Monday.');
  const a = first(doc, 'ASSAULT');
  assert.match(a.source?.span.text ?? '', /Russia/);
  assert.match(a.target?.span.text ?? '', /Kherson/);
});

test('argument rules: coordinated verbs, first person in a quote, passive with a speaker, noun targets, places after "of"', async () => {
  let doc = await analyse('The judge rejected and condemned the publication of the photographs.');
  assert.match(first(doc, 'ACCUSE').source?.span.text ?? '', /judge/);
  doc = await analyse('"If the council repeats its offer, I will accept it," Governor Pavel Orlov said on Monday.');
  assert.match(first(doc, 'AGREE').source?.name ?? '', /Orlov/);
  doc = await analyse('A police spokesman said that six men had been detained in Kherson.');
  const c = first(doc, 'COERCE');
  assert.match(c.source?.span.text ?? '', /police/i);
  assert.match(c.target?.span.text ?? '', /men/);
  doc = await analyse('Police issued an appeal for witnesses after the fire.');
  assert.match(first(doc, 'REQUEST').target?.span.text ?? '', /witnesses/);
  doc = await analyse('The minister said he wants to take a tougher line with smugglers.');
  assert.match(first(doc, 'THREATEN').target?.span.text ?? '', /smugglers/);
  doc = await analyse('On Monday the President called the blast an "attack".');
  assert.ok(types(doc).includes('ACCUSE'));
  doc = await analyse('The government offered talks with the elders of Kherson in Odesa.');
  assert.equal(first(doc, 'CONSULT').place?.name, 'Odesa');
});

test('ACLED view: force against protesters from live rounds or a crackdown', () => {
  const lex = loadAcledLexicon();
  assert.equal(acledView({ type: 'PROTEST' }, 'Soldiers fired live rounds at the marchers in the square.', lex).subEventType, 'Excessive force against protesters');
  assert.equal(acledView({ type: 'PROTEST' }, 'The authorities suppressed the sit-in of the teachers.', lex).subEventType, 'Excessive force against protesters');
});
