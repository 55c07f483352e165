import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventParticipant, EventRecord } from '../../core/layers/index.js';
import { acledRuleIndex, acledView, loadAcledLexicon, mainAcledEvent } from './acled.js';

// Fixture sentences written for the ACLED codebook; each is one sentence starting at offset 0.
const lex = loadAcledLexicon();

/** An event of `sentence` whose trigger and participants are the given words (their first occurrence). */
function event(type: EventRecord['type'], sentence: string, trigger: string, parts: { source?: [string, string?]; target?: [string, string?] } = {}) {
  const span = (text: string) => {
    const start = sentence.indexOf(text);
    assert.ok(start >= 0, `"${text}" is not in the sentence`);
    return { start, end: start + text.length, text };
  };
  const participant = ([text, actorCode]: [string, string?]): EventParticipant => ({ span: span(text), name: text, ...(actorCode ? { actorCode } : {}) });
  return {
    type,
    trigger: span(trigger),
    sentenceSpan: { start: 0, end: sentence.length, text: sentence },
    ...(parts.source ? { source: participant(parts.source) } : {}),
    ...(parts.target ? { target: participant(parts.target) } : {}),
  };
}
const typeOf = (e: ReturnType<typeof event>, following = '') => acledView(e, e.sentenceSpan.text, lex, following).eventType;

test('a target named in a "by" phrase is the agent: its words do not make the attack a battle', () => {
  const s = 'Attack on a farming village by Orma militia';
  assert.equal(typeOf(event('ASSAULT', s, 'Attack', { target: ['militia', '--- REB'] })), 'Violence against civilians');
});

test('a target right before a bare verb that takes an object is its subject ("a police officer attack a woman")', () => {
  const s = 'A traffic police officer attack a young woman in the market for no reason.';
  assert.equal(typeOf(event('ASSAULT', s, 'attack', { target: ['officer'] })), 'Violence against civilians');
  // a headline passive keeps its victim: "officers killed" is no subject before a verb
  const passive = 'Two police officers killed in an ambush near the border.';
  assert.equal(typeOf(event('ASSAULT', passive, 'killed', { target: ['police officers', '--- COP'] })), 'Battles');
});

test('the direct object after a verb trigger tells the victim when the target found lies elsewhere', () => {
  const s = 'Sect members kill a shopkeeper they accused of informing the police';
  assert.equal(typeOf(event('ASSAULT', s, 'kill', { source: ['Sect members'], target: ['police', '--- COP'] })), 'Violence against civilians');
  const fishermen = 'Foreign paramilitary attacks local fishermen';
  assert.equal(typeOf(event('ASSAULT', fishermen, 'attacks')), 'Violence against civilians');
});

test('"in retaliation" is a reprisal, not a fight back; "retaliated" is', () => {
  const s = 'Armed herders attacked a group of travellers on the road, killing two.';
  const reprisal = 'In retaliation, residents of the next village burned their houses.';
  assert.equal(typeOf(event('ASSAULT', s, 'attacked', { source: ['Armed herders'], target: ['group'] }), reprisal), 'Violence against civilians');
  assert.equal(typeOf(event('ASSAULT', s, 'attacked', { source: ['Armed herders'], target: ['group'] }), 'The victims retaliated.'), 'Battles');
});

test('a clause the coder says is coded in another event does not make this one a clash', () => {
  const s = 'A gang attacked shoppers with machetes after one of them died in clashes with police (coded in a separate event).';
  const e = event('ASSAULT', s, 'attacked', { source: ['gang'], target: ['shoppers'] });
  assert.equal(typeOf(e), 'Violence against civilians');
  assert.ok(acledRuleIndex(e, s, lex) >= 0);
});

test('an explosive that goes off while its handlers plant or carry it is disrupted weapons use; a death by suicide is no suicide bomb', () => {
  const s = 'Two men died when the bomb they were planting under a bridge exploded.';
  const view = acledView(event('ASSAULT', s, 'bomb'), s, lex);
  assert.deepEqual([view.eventType, view.subEventType], ['Strategic developments', 'Disrupted weapons use']);
  const carriers = 'Two suspected bombers died when explosives they were carrying went off';
  assert.equal(typeOf(event('ASSAULT', carriers, 'explosives')), 'Strategic developments');
  const custody = 'Relatives accuse the police of killing a man in custody and calling his death a suicide';
  assert.equal(typeOf(event('ASSAULT', custody, 'killing', { source: ['police', '--- COP'], target: ['man'] })), 'Violence against civilians');
  const bomber = 'A suicide bomber blew himself up at the gate of the ministry.';
  assert.equal(acledView(event('ASSAULT', bomber, 'blew himself up'), bomber, lex).subEventType, 'Suicide bomb');
});

test('police dispersing a gathering is a protest with intervention, even when an arrest is named', () => {
  const s = 'Police used tear gas to disperse teachers who had come to ask about the arrest of their union leader.';
  const view = acledView(event('COERCE', s, 'tear gas', { source: ['Police', '--- COP'], target: ['teachers'] }), s, lex);
  assert.deepEqual([view.eventType, view.subEventType], ['Protests', 'Protest with intervention']);
  const arrest = 'Police arrested four suspects in the town.';
  assert.equal(typeOf(event('COERCE', arrest, 'arrested', { source: ['Police', '--- COP'] })), 'Strategic developments');
});

test('what a protest is about does not make it violent; what its protesters do does', () => {
  const sub = (s: string, following = '') => acledView(event('PROTEST', s, s.match(/protest\w*|demonstrat\w*|rallied|marched/i)![0]), s, lex, following).subEventType;
  assert.equal(sub('Nurses protested after wards had been vandalised and equipment destroyed.'), 'Peaceful protest');
  assert.equal(sub('Villagers protested the burning of their market by unknown men.'), 'Peaceful protest');
  // the grievance ends at its clause or a participle: the clashes are the protesters' own
  assert.equal(sub('Farmers rallied against the new land law, burning tyres on the highway.'), 'Violent demonstration');
  assert.equal(sub('Workers marched against the government and its policies involving clashes in three towns.'), 'Violent demonstration');
  // a protest told as a relative clause: the rest of the sentence is what the protesters did
  assert.equal(sub('Traders who were protesting against taxes stoned a council lorry.'), 'Violent demonstration');
});

test('protesters attacking people make a riot; police attacking protesters do not', () => {
  const type = (s: string) => acledView(event('PROTEST', s, s.match(/protest\w*|demonstrat\w*|rallied|marched/i)![0]), s, lex).eventType;
  assert.equal(type('A polling clerk was attacked by demonstrators outside the tallying centre.'), 'Riots');
  assert.equal(type('A crowd protesting against the results attacks a candidate’s agent at a hotel.'), 'Riots');
  assert.equal(type('Police attacked the protesters with batons outside parliament.'), 'Protests');
  assert.equal(type('Youths tried to attack the anti-government protesters in the square.'), 'Protests');
  assert.equal(type('Residents protested against the attacks on herders by bandits.'), 'Protests');
});

test('a rule pattern that is no regular expression names its file and rule', async () => {
  const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { dataPath } = await import('../../core/paths.js');
  const json = JSON.parse(readFileSync(dataPath('lexicons', 'acled.json'), 'utf8'));
  json.rules = [{ patterns: ['(unclosed'], eventType: 'Riots', subEventType: 'Mob violence' }];
  const path = join(mkdtempSync(join(tmpdir(), 'acled-')), 'acled.json');
  writeFileSync(path, JSON.stringify(json));
  assert.throws(() => loadAcledLexicon(path), /rules\[0\]\.patterns\[0\]: not a regular expression/);
});

test('a target that only modifies the noun after it, and a direct object of armed men, tell the victims', () => {
  const informant = 'Army informant killed by gunmen on the outskirts of the town.';
  assert.equal(typeOf(event('ASSAULT', informant, 'killed', { target: ['Army', '--- MIL'] })), 'Violence against civilians');
  const pirates = 'The coast guard shot dead three suspected pirates off the island.';
  assert.equal(typeOf(event('ASSAULT', pirates, 'shot', { source: ['coast guard', '--- MIL'] })), 'Battles');
});

test('sub-event types: kidnapped and killed is an attack, gang-rape sexual violence, tear-gassed an intervention, riots over a killing a violent demonstration', () => {
  const sub = (type: EventRecord['type'], s: string, trigger: string) => acledView(event(type, s, trigger), s, lex).subEventType;
  assert.equal(sub('ASSAULT', 'A trader was kidnapped and killed by gunmen near the market.', 'kidnapped'), 'Attack');
  assert.equal(sub('ASSAULT', 'A man suspected of kidnapping a girl was shot by police.', 'shot'), 'Attack');
  assert.equal(sub('ASSAULT', 'Two aid workers were kidnapped by gunmen near the camp.', 'kidnapped'), 'Abduction/forced disappearance');
  assert.equal(sub('ASSAULT', 'Several women were gang-raped by raiders in the camp.', 'gang-raped'), 'Sexual violence');
  assert.equal(sub('PROTEST', 'Police tear-gassed nurses who were protesting over pay.', 'protesting'), 'Protest with intervention');
  assert.equal(sub('PROTEST', 'Riots after a popular preacher was killed by unknown men.', 'Riots'), 'Violent demonstration');
});

test('victims read as both source and target are only the target', () => {
  const s = 'Three civilians killed during a cross-border raid.';
  const victims = { span: { start: 0, end: 15, text: 'Three civilians' }, name: 'Three civilians', actorCode: '--- CVL' };
  const e = { ...event('ASSAULT', s, 'killed'), source: victims, target: victims };
  assert.equal(acledView(e, s, lex).eventType, 'Violence against civilians');
});

test('an attack on civilians told with its blasts is coded by the explosion (codebook: explosions/remote violence)', () => {
  const at = (start: number, text: string) => ({ start, end: start + text.length, text });
  const attack = { type: 'ASSAULT' as const, trigger: at(0, 'attack'), acled: { eventType: 'Violence against civilians', subEventType: 'Attack' } };
  const blast = { type: 'ASSAULT' as const, trigger: at(40, 'blasts'), acled: { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' } };
  assert.equal(mainAcledEvent([attack, blast]), blast);
  // a clash stays the main event: its shelling is part of the fight
  const clash = { ...attack, acled: { eventType: 'Battles', subEventType: 'Armed clash' } };
  assert.equal(mainAcledEvent([clash, blast]), clash);
  // a blast only threatened changes nothing
  assert.equal(mainAcledEvent([attack, { ...blast, mode: 'threatened' }]), attack);
});

test('a protest that turns violent later in the note is coded as the riot', () => {
  const at = (start: number, text: string) => ({ start, end: start + text.length, text });
  const march = { type: 'PROTEST' as const, trigger: at(0, 'demonstrated'), acled: { eventType: 'Protests', subEventType: 'Protest with intervention' } };
  const riot = { type: 'PROTEST' as const, trigger: at(120, 'protest'), acled: { eventType: 'Riots', subEventType: 'Violent demonstration' } };
  assert.equal(mainAcledEvent([march, riot]), riot);
  assert.equal(mainAcledEvent([march, { ...riot, mode: 'threatened' }]), march);
});

test('an abductee later found dead is an attack; police barring or sealing off a gathering intervene in it', () => {
  const s = 'A village elder was abducted by gunmen on Monday.';
  const view = acledView(event('ASSAULT', s, 'abducted', { source: ['gunmen'] }), s, lex, 'His body was found three days later.');
  assert.equal(view.subEventType, 'Attack');
  assert.equal(acledView(event('ASSAULT', s, 'abducted', { source: ['gunmen'] }), s, lex, 'His family appealed for his release.').subEventType, 'Abduction/forced disappearance');
  const rally = 'Police barred hundreds of people from attending an opposition rally in the town.';
  assert.equal(acledView(event('PROTEST', rally, 'rally'), rally, lex).subEventType, 'Protest with intervention');
});

test('deaths in a riot make it a violent demonstration; rioters attacking people make it mob violence', () => {
  const sub = (s: string, trigger: string) => acledView(event('PROTEST', s, trigger), s, lex).subEventType;
  assert.equal(sub('Three people were killed in riots over fuel prices in the capital.', 'riots'), 'Violent demonstration');
  assert.equal(sub('Rioters stormed the tallying centre and beat up two clerks.', 'Rioters'), 'Mob violence');
});

test('explosives used to destroy something are an explosion, not weapons destroyed', () => {
  const s = 'Militants struck the border town and destroyed a telecom mast using explosives.';
  assert.equal(typeOf(event('ASSAULT', s, 'struck', { source: ['Militants'] })), 'Explosions/Remote violence');
  const cache = 'Soldiers destroyed a cache of explosives found near the road.';
  assert.equal(acledView(event('COERCE', cache, 'destroyed', { source: ['Soldiers', '--- MIL'] }), cache, lex).subEventType, 'Disrupted weapons use');
});

test('"Kabul" is no KAB bomb, smoke bombs no explosive, a grenade that goes off while being dismantled no disrupted weapons use', () => {
  const s = 'A bomb planted by militants hit a police vehicle in a district of Kabul.';
  assert.equal(acledView(event('ASSAULT', s, 'bomb'), s, lex).subEventType, 'Remote explosive/landmine/IED');
  const smoke = 'A group of people threw smoke bombs at a crowd at the rally.';
  assert.equal(typeOf(event('ASSAULT', smoke, 'bombs', { source: ['group of people'] })), 'Riots');
  const dismantle = 'Two men were injured in an explosion as they tried to dismantle a hand grenade at home.';
  assert.equal(typeOf(event('ASSAULT', dismantle, 'injured')), 'Explosions/Remote violence');
  const defused = 'Sappers defused a roadside bomb near the bridge.';
  assert.equal(typeOf(event('COERCE', defused, 'defused', { source: ['Sappers', '--- MIL'] })), 'Strategic developments');
});

test('a counted armed victim named before the target ("1 policeman and 2 civilians were shot") makes a battle', () => {
  const s = 'On Monday, 1 policeman and 2 civilians were shot and killed by militants in the city.';
  assert.equal(typeOf(event('ASSAULT', s, 'shot', { source: ['militants'], target: ['civilians', '--- CVL'] })), 'Battles');
  const verbs = 'Raiders attack and kill civilians during a night raid.';
  assert.equal(typeOf(event('ASSAULT', verbs, 'attack', { source: ['Raiders'], target: ['civilians', '--- CVL'] })), 'Violence against civilians');
});
