import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSpan } from '../../core/span.js';
import type { ActorMention, CasualtyCount, PlaceMention, TimeExpression } from '../../core/layers/index.js';
import { invalidSpans, segmentedDoc } from '../../testing/docs.js';
import { createCountsStage, loadCountsLexicon } from './index.js';

const stage = createCountsStage();

function run(text: string, layers: { actors?: ActorMention[]; places?: PlaceMention[]; dates?: TimeExpression[] } = {}): CasualtyCount[] {
  const doc = segmentedDoc(text);
  doc.set('actors', layers.actors ?? []);
  doc.set('places', layers.places ?? []);
  doc.set('dates', layers.dates ?? []);
  const counts = stage.run(doc, {}).layers.counts!;
  assert.deepEqual(invalidSpans(doc.text, counts), [], 'every span matches the text');
  return counts;
}

const brief = (c: CasualtyCount) => `${c.kind} ${c.value} ${c.qualifier}`;

test('the stage declares what it needs and gives', () => {
  assert.deepEqual([...stage.requires], ['sentences', 'tokens', 'actors', 'places', 'dates']);
  assert.deepEqual([...stage.provides], ['counts']);
});

test('number words, digits with commas, decimals with a multiplier', () => {
  assert.deepEqual(run('Two farmers were killed near the river.').map(brief), ['killed 2 exact']);
  assert.deepEqual(run('Officials said 27 people died in the flooding of the camp road.').map((c) => c.value), [27]);
  assert.deepEqual(run('The fighting displaced 7,000 villagers in a week.').map(brief), ['displaced 7000 exact']);
  assert.deepEqual(run('Aid agencies say 1.2 million people have been displaced since spring.').map(brief), ['displaced 1200000 exact']);
  assert.deepEqual(run('Twenty-three miners were injured in the collapse.').map(brief), ['injured 23 exact']);
  assert.deepEqual(run('Police arrested a dozen protesters outside the court.').map(brief), ['arrested 12 exact']);
});

test('vague quantities are coded the ACLED way and keep their words', () => {
  const dozens = run('Dozens of people were wounded when the market was shelled.');
  assert.equal(dozens[0]!.value, 12);
  assert.equal(dozens[0]!.vague, 'Dozens');
  const hundreds = run('Hundreds of families were evacuated from the valley.');
  assert.deepEqual(hundreds.map(brief), ['displaced 100 exact']);
  assert.equal(hundreds[0]!.vague, 'Hundreds');
  assert.equal(run('Scores of students were detained after the march.')[0]!.value, 20);
  assert.equal(run('Thousands of residents fled their homes as the river rose.')[0]!.value, 1000);
});

test('each qualifier', () => {
  const q = (t: string) => run(t).map((c) => `${c.value} ${c.qualifier}`);
  assert.deepEqual(q('At least 14 soldiers were killed in the ambush.'), ['14 at_least']);
  assert.deepEqual(q('More than 40 people were injured by the blast.'), ['40 more_than']);
  assert.deepEqual(q('Over 300 residents were evacuated overnight.'), ['300 more_than']);
  assert.deepEqual(q('Nearly 90 people were killed during the week.'), ['90 approximately']);
  assert.deepEqual(q('Almost 50 workers were kidnapped from the mine.'), ['50 approximately']);
  assert.deepEqual(q('About 30 demonstrators were arrested on the bridge.'), ['30 approximately']);
  assert.deepEqual(q('Around 600 people were displaced by the clashes.'), ['600 approximately']);
  assert.deepEqual(q('Approximately 8 guards were wounded in the raid.'), ['8 approximately']);
  assert.deepEqual(q('Some 70 fighters were captured near the border.'), ['70 approximately']);
  assert.deepEqual(q('Up to 25 fishermen are missing after the storm.'), ['25 up_to']);
  assert.deepEqual(q('As many as 16 pupils were abducted from the school.'), ['16 up_to']);
  assert.deepEqual(q('Fewer than 10 people were detained, the mayor said.'), ['10 less_than']);
});

test('the patterns of the brief', () => {
  assert.deepEqual(run('The strike hit a depot, killing 9 people.').map(brief), ['killed 9 exact']);
  assert.deepEqual(run('The rebels claimed 40 dead after the raid.').map(brief), ['killed 40 exact']);
  assert.deepEqual(run('The death toll from the bombing rose to 31 on Monday.').map(brief), ['killed 31 exact']);
  assert.deepEqual(run('Eleven were wounded and 3 dead in the attack.').map(brief), ['injured 11 exact', 'killed 3 exact']);
  assert.deepEqual(run('The floods hit the delta, displacing 4,500 people.').map(brief), ['displaced 4500 exact']);
  assert.deepEqual(run('A delivery driver was killed when the shell landed.').map(brief), ['killed 1 exact']);
  assert.deepEqual(run('Another soldier was killed at the checkpoint.').map(brief), ['killed 1 exact']);
  assert.deepEqual(run('The convoy came under fire and the driver, Tomas Reyes, was shot dead.').map(brief), ['killed 1 exact']);
  assert.deepEqual(run('The mine went off early, killing the four on the spot.').map(brief), ['killed 4 exact']);
  assert.deepEqual(run('The fire claimed the lives of all passengers aboard the ferry.'), []);
  assert.deepEqual(run('Gunmen attacked the post and captured 12 positions.').map(brief), ['captured 12 exact']);
  assert.equal(run('Gunmen attacked the post and captured 12 positions.')[0]!.who, 'positions');
});

test('subsets: a breakdown after a list comma, and "including"', () => {
  const arrests = run('Officers arrested 9 people, four women and five men, after the riot.');
  assert.deepEqual(arrests.map(brief), ['arrested 9 exact', 'arrested 4 exact', 'arrested 5 exact']);
  assert.equal(arrests[1]!.subsetOf, arrests[0]!.id);
  assert.equal(arrests[2]!.subsetOf, arrests[0]!.id);
  assert.deepEqual(arrests.map((c) => c.who), ['people', 'women', 'men']);
  const dead = run('The army reported 31 dead, including three children, and more than 50 injured.');
  assert.deepEqual(dead.map(brief), ['killed 31 exact', 'killed 3 exact', 'injured 50 more_than']);
  assert.equal(dead[1]!.subsetOf, dead[0]!.id);
  assert.equal(dead[2]!.subsetOf, undefined);
  // two groups of victims add up: not a subset
  const both = run('The gunmen opened fire, killing three traders and two police officers.');
  assert.deepEqual(both.map(brief), ['killed 3 exact', 'killed 2 exact']);
  assert.equal(both[1]!.subsetOf, undefined);
});

test('competing claims keep their claimants; the reporter\'s own figure has none', () => {
  const counts = run('At least 12 people were killed in the fighting. The militia claimed 30 dead, while the defence ministry said 8 soldiers were killed. Six civilians were wounded, according to the regional health office.');
  assert.deepEqual(counts.map((c) => [brief(c), c.claimant?.span.text ?? null]), [
    ['killed 12 at_least', null],
    ['killed 30 exact', 'The militia'],
    ['killed 8 exact', 'the defence ministry'],
    ['injured 6 exact', 'the regional health office'],
  ]);
  const after = run('Four guards were killed at the gate, the provincial governor said.');
  assert.equal(after[0]!.claimant?.span.text, 'the provincial governor');
  const pointed = run('Valdoria pointed out that two fishermen were killed in waters it controls.');
  assert.equal(pointed[0]!.claimant?.span.text, 'Valdoria');
});

test('the claimant, place and date come from the actors, places and dates layers when given', () => {
  const text = 'The Northern Command announced that 5 fighters were captured in Belmora on Tuesday.';
  const at = (s: string) => makeSpan(text, text.indexOf(s), text.indexOf(s) + s.length);
  const actors: ActorMention[] = [{ id: 'a1', span: at('Northern Command'), actor: { code: 'XYZ MIL', name: 'Northern Command of Xyland' }, via: 'name' }];
  const places: PlaceMention[] = [{ id: 'p1', span: at('Belmora'), candidates: [] }];
  const dates: TimeExpression[] = [{ id: 't1', span: at('Tuesday'), type: 'DATE', value: '2024-03-05', relative: true }];
  const [c] = run(text, { actors, places, dates });
  assert.equal(brief(c!), 'captured 5 exact');
  assert.equal(c!.claimant?.actorMentionId, 'a1');
  assert.equal(c!.claimant?.actorCode, 'XYZ MIL');
  assert.equal(c!.claimant?.name, 'Northern Command of Xyland');
  assert.equal(c!.placeMentionId, 'p1');
  assert.equal(c!.timeExpressionId, 't1');
});

test('"…, he said": a pronoun claims the count as the person coreference names, or no one', () => {
  const text = 'Two suspects were arrested, he said.';
  const at = (s: string) => makeSpan(text, text.indexOf(s), text.indexOf(s) + s.length);
  const actors: ActorMention[] = [{ id: 'a1', span: at('he'), actor: { code: 'XYZ COP', name: 'Police of Xyland' }, via: 'coreference', person: 'Ann Roe' }];
  assert.equal(run(text, { actors })[0]!.claimant?.name, 'Ann Roe');
  assert.equal(run(text)[0]!.claimant, null);
});

test('traps are not counts', () => {
  const none = [
    'The 31-year-old was later released, aged 31 according to his lawyer.',
    'The suspect, aged 22, was arrested later.',
    'The convoy drove 240 kilometers before it was attacked.',
    'The town was besieged for six weeks.',
    'Two hours later the shelling resumed.',
    'The 2014 war left deep scars in the region.',
    'The talks resumed on 9 March after the attack.',
    'Fighting broke out again on 14 October in the hills.',
    'The reconstruction fund reached $40 million last year.',
    'Unemployment rose by 12 percent after the blockade.',
    'It is the second-largest city in the province.',
    'Residents of 14 areas were told to leave.',
    'The court issued 19 arrest warrants on Friday.',
    'Prosecutors say 21 people are involved in the plot.',
    'Nine have already appeared in court.',
    'For information call 0800 555 0199 at any time.',
    'The COVID-19 rules were lifted before the G7 summit.',
    'Resolution 2334 was cited by both delegations.',
    'He is a father of three and a mother of two children lives nearby.',
    'At least five times the agency had been warned.',
  ];
  for (const t of none) assert.deepEqual(run(t).map((c) => c.span.text), [], t);
});

test('dates, durations and ages next to a real count are left out of it', () => {
  assert.deepEqual(run('Six people were killed on 12 December in a raid on the depot.').map(brief), ['killed 6 exact']);
  assert.deepEqual(run('One minute later, a second blast wounded 4 bystanders.').map(brief), ['injured 4 exact']);
  assert.deepEqual(run('The 19-year-old and two other students were arrested on Friday.').map((c) => c.span.text), ['two other students were arrested']);
  assert.deepEqual(run('An unknown number were wounded.').map(brief), []);
});

test('evacuations are counted as displaced', () => {
  const [c] = run('Nearly 2,000 residents were evacuated from the border villages.');
  assert.equal(brief(c!), 'displaced 2000 approximately');
  assert.equal(c!.who, 'residents');
  assert.equal(c!.whoSpan?.text, 'residents');
  assert.equal(c!.numberSpan.text, '2,000');
});

test('people who fled are displaced; attackers or suspects who fled are not', () => {
  assert.deepEqual(run('About 12,000 people fled Port Amara last week.').map(brief), ['displaced 12000 approximately']);
  assert.deepEqual(run('More than 800 families have fled the shelling in the valley.').map(brief), ['displaced 800 more_than']);
  assert.deepEqual(run('Some 300 villagers fled to the hills overnight.').map(brief), ['displaced 300 approximately']);
  assert.deepEqual(run('Two gunmen fled the scene on a motorbike.'), []);
  assert.deepEqual(run('The three suspects then fled into the forest.'), []);
  assert.deepEqual(run('Four prisoners fled during the riot at the jail.').filter((c) => c.kind === 'displaced'), []);
});

test('positions count as captured only, and hospitalised people are not a new injured count', () => {
  assert.deepEqual(run('The brigade said 40 positions were destroyed.'), []);
  const counts = run('Officials said 20 people were hurt but 6 were still in hospital on Sunday.');
  assert.deepEqual(counts.map(brief), ['injured 20 exact']);
});

test('the lexicon loader checks the shape of its file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'counts-lex-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ version: 1, kinds: { exploded: { participles: [], verbs: [], nouns: [], tolls: [] } } }));
  assert.throws(() => loadCountsLexicon(bad), /unknown kind "exploded"/);
  const badQual = join(dir, 'bad-qual.json');
  writeFileSync(badQual, JSON.stringify({ version: 1, kinds: {}, qualifiers: { roughly: 'sort_of' } }));
  assert.throws(() => loadCountsLexicon(badQual), /unknown "sort_of"/);
  assert.ok(loadCountsLexicon().whoNouns.includes('civilians'));
});

test('a single victim without a number: a pronoun after the killing, a body found', () => {
  const died = run('A farmer was beaten by the raiders. He later died in hospital.');
  assert.deepEqual(died.map((c) => [c.kind, c.value, c.span.text]), [['killed', 1, 'He later died']]);
  const lynched = run('Villagers caught the suspect and lynched him.');
  assert.deepEqual(lynched.map((c) => [c.kind, c.value, c.who]), [['killed', 1, 'him']]);
  assert.deepEqual(run('Her body was found near the border post.').map(brief), ['killed 1 exact']);
  assert.deepEqual(run('Her body was recovered by divers.').map((c) => c.who), ['Her body']);
  // "he was said to have killed" is someone's deed, and a survivor is not a victim
  assert.deepEqual(run('The man who had killed her fled.').map(brief), []);
  assert.deepEqual(run('She survived and was discharged on Monday.').map(brief), []);
});

test('the quick checks before the slow patterns keep every verb form and determiner', () => {
  assert.deepEqual(run('Gunmen killed all the 12 passengers on the bus.').map(brief), ['killed 12 exact']);
  assert.deepEqual(run('The army said it had shot dead a further 3 fighters.').map(brief), ['killed 3 exact']);
  assert.deepEqual(run('Police fired at the crowd, killing a 17 years old boy.').map(brief), ['killed 1 exact']);
  assert.deepEqual(run('A soldier shot and killed a 21-year-old at the gate.').map(brief), ['killed 1 exact']);
  assert.deepEqual(run('Troops captured another 40 positions overnight.').map(brief), ['captured 40 exact']);
  assert.deepEqual(run('(killing 4 people) was the report.').map(brief), ['killed 4 exact']);
  // a sentence without any count word has no count
  assert.deepEqual(run('Twelve ministers met in the capital for three hours.').map(brief), []);
});

test('ACLED notes abbreviate killed in action as KIA', () => {
  assert.deepEqual(run('Nine reportedly KIA after the ambush.').map(brief), ['killed 9 exact']);
  assert.deepEqual(run('The dealer sold a KIA to the officer.').map(brief), []);
});

test('a list of participles before the kind ("were maimed, injured and scarred") is that kind, not the count before', () => {
  assert.deepEqual(run('Within minutes two people were dead and some 40 more were maimed, injured and scarred by the blasts.').map(brief), ['killed 2 exact', 'injured 40 approximately']);
  assert.deepEqual(run('Nine villagers were burned, wounded and left without shelter.').map(brief), ['injured 9 exact']);
});

test('a number with a verb of its own does not take the kind of the count before it', () => {
  assert.deepEqual(run('Three guards were killed, and 20 more were taken to the clinic in Varna.').map(brief), ['killed 3 exact']);
  assert.deepEqual(run('Of the 40 wounded, 22 were women.').map(brief), ['injured 40 exact']);
});

test('people detained in hospital are being treated, not held', () => {
  assert.deepEqual(run('Sixty people were detained in hospital overnight after the market blast.'), []);
  assert.deepEqual(run('Sixty people were detained in Tarvo overnight after the protest.').map(brief), ['detained 60 exact']);
});

test('"Xland\'s state news agency Nova reported": the agency claims the count, not its owner', () => {
  const text = 'Four soldiers were wounded, Xland’s state-run Nova news agency reported.';
  const at = (s: string) => makeSpan(text, text.indexOf(s), text.indexOf(s) + s.length);
  const actors: ActorMention[] = [
    { id: 'a1', span: at('Xland'), actor: { code: 'XLD', name: 'Xland' }, via: 'name' },
    { id: 'a2', span: at('Nova'), actor: { code: 'XLD MED', name: 'Nova' }, via: 'alias' },
  ];
  const [c] = run(text, { actors });
  assert.equal(brief(c!), 'injured 4 exact');
  assert.equal(c!.claimant?.name, 'Nova');
});

test('"Two of the wounded were in critical condition" is part of a count, not a new one', () => {
  assert.deepEqual(run('Nine people were wounded. Two of the wounded were in critical condition, doctors said.').map(brief), ['injured 9 exact']);
  assert.deepEqual(run('Nine people were wounded. Eleven of the injured were policemen.').map(brief), ['injured 9 exact']);
});

/** The one count of `text` when `said` (words of the text) is what `speaker` (the text's opening words) said, in the quotes or statements layer. */
function claimedCount(text: string, said: string, speaker: string, layer: 'quotes' | 'statements'): CasualtyCount {
  const doc = segmentedDoc(text);
  doc.set('actors', []);
  doc.set('places', []);
  doc.set('dates', []);
  const start = text.indexOf(said);
  doc.set(layer, [{ id: 'q1', span: makeSpan(text, start, start + said.length), direct: layer === 'quotes', speaker: { span: makeSpan(text, 0, speaker.length) }, sentence: 0 }]);
  return stage.run(doc, {}).layers.counts![0]!;
}

test('a figure inside a direct quote is claimed by the quote\'s speaker', () => {
  const c = claimedCount('An officer spoke at the gate. “We have recovered 14 bodies so far.”', 'We have recovered 14 bodies so far.', 'An officer', 'quotes');
  assert.equal(brief(c), 'killed 14 exact');
  assert.equal(c.claimant?.span.text, 'An officer');
});

test('"killed or wounded" is a casualty figure of both kinds, not a death toll', () => {
  assert.deepEqual(run('More than 900 civilians had been killed or wounded in the first half of the year, the mission said.'), []);
  assert.deepEqual(run('At least 40 civilians had been killed and 90 wounded.').map(brief), ['killed 40 at_least', 'injured 90 exact']);
});

test('a manner adverb before the participle keeps the count; "nearly killed" is no death', () => {
  assert.deepEqual(run('Two soldiers were lightly wounded, the army said.').map(brief), ['injured 2 exact']);
  assert.deepEqual(run('Three guards were reportedly killed in the raid.').map(brief), ['killed 3 exact']);
  assert.deepEqual(run('Two climbers were nearly killed by the rockfall.'), []);
});

test('the wounded who later died are dead; a rank is the victim; allies and a named pair count two', () => {
  const died = run('A mortar round wounded eleven villagers near Orsk. Three of the wounded later died in hospital.');
  assert.deepEqual(died.map((c) => `${brief(c)} ${c.who}`), ['injured 11 exact villagers', 'killed 3 exact the wounded']);
  assert.deepEqual(run('Drone kills Ruritanian brigadier general near Varn').map((c) => `${brief(c)} ${c.who}`), ['killed 1 exact Ruritanian brigadier general']);
  const pair = run('Two opposition allies, lawyer Ana Tiro and party official Ben Sarr, were shot dead in their car late on Friday.');
  assert.deepEqual(pair.map((c) => `${brief(c)} ${c.who}`), ['killed 2 exact opposition allies']);
});

test('a case-blind name pattern does not make a place or a time the victim, nor run a name on into lower-case words', () => {
  assert.deepEqual(run('Masked men shot dead Oren Valdi in his shop.').map((c) => c.who), ['Oren Valdi']);
  assert.deepEqual(run('The mayor was shot dead on Friday in the market square.').map((c) => `${brief(c)}`), ['killed 1 exact']);
  assert.ok(!run('The mayor was shot dead on Friday in the market square.').some((c) => /Friday/.test(c.who)));
});

test('"police and residents said": the first of two claimants is kept', () => {
  const text = 'Five shops were burned and two guards injured, police and local residents said.';
  const police = text.indexOf('police');
  const actors = [{ id: 'a1', span: makeSpan(text, police, police + 6), actor: { code: 'XXXCOP', name: 'police' } }] as unknown as ActorMention[];
  const counts = run(text, { actors });
  assert.equal(counts.find((c) => c.kind === 'injured')?.claimant?.span.text, 'police');
});

test('a list of victim groups shares the verb: every group is counted, none inside another', () => {
  const list = run('There were five women, a 9-year-old girl and two men injured in the shelling.');
  assert.deepEqual(list.map((c) => `${brief(c)} ${c.who}${c.subsetOf ? ' (part)' : ''}`), ['injured 5 exact women', 'injured 1 exact 9-year-old girl', 'injured 2 exact men']);
  const killed = run('Four farmers, a teenage boy and two herders were killed in the raid.');
  assert.deepEqual(killed.map((c) => `${c.value} ${c.who}${c.subsetOf ? ' (part)' : ''}`), ['4 farmers', '1 teenage boy', '2 herders']);
});

test('a who phrase never runs over a verb: "9 of the injured were reservists" is no death toll', () => {
  const counts = run('Three of the 10 initially killed and 9 of the injured were reservists.');
  assert.ok(!counts.some((c) => c.value === 9), counts.map((c) => `${brief(c)} ${c.who}`).join(' | '));
});

test('a figure inside reported speech is claimed by its speaker', () => {
  const c = claimedCount('The rebel front took responsibility for the raid, saying its men had killed 12 guards.', 'its men had killed 12 guards', 'The rebel front', 'statements');
  assert.equal(brief(c), 'killed 12 exact');
  assert.equal(c.claimant?.span.text, 'The rebel front');
});

test('"no one was hurt", "not a single person died": a negated one counts nobody', () => {
  assert.deepEqual(run('No one was hurt in the fire, he said. Not a single person was killed. No one was injured and two guards were killed.').map(brief), ['killed 2 exact']);
});
