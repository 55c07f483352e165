import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fatalitiesFromCounts } from '../../eval/tasks/acled.js';
import { countsOf as counts } from './test-helpers.js';
const brief = (text: string) => counts(text).map((c) => `${c.kind} ${c.value}`);

test('a number whose victims are described at length before the verb', () => {
  assert.deepEqual(brief('Six guards escorting a fuel convoy have been killed near the pass.'), ['killed 6']);
  assert.deepEqual(brief('Two local leaders, a councillor and a parliamentary hopeful, were shot dead at a bar.'), ['killed 2']);
  assert.deepEqual(brief('Two herders who had crossed the river were lynched by a crowd.'), ['killed 2']);
  // the number is the subject of the modifier's own verb, not of the killing
  assert.deepEqual(brief('Two men who robbed the bank were arrested on Friday.'), ['arrested 2']);
});

test('after "were", the participle is passive even before "over" or "the"', () => {
  assert.deepEqual(brief('Eleven people were killed over the weekend in the north.'), ['killed 11']);
  assert.deepEqual(brief('Twelve villagers were killed over three days of raids.'), ['killed 12']);
  // without an auxiliary it is still the killers who are counted
  assert.deepEqual(brief('Four gunmen killed over twenty villagers.'), ['killed 20']);
});

test('one victim told without a number', () => {
  assert.deepEqual(brief('A retired, off-duty customs officer is shot and killed outside his home.'), ['killed 1']);
  assert.deepEqual(brief('A village elder who had gone missing on Monday was found dead in a field.'), ['killed 1']);
  assert.deepEqual(brief('The nurse later died in hospital.'), ['killed 1']);
  assert.deepEqual(brief('Soldiers shoot militia commander dead near the border'), ['killed 1']);
  assert.deepEqual(brief('Gunmen shot dead Amos Kiptoo Rono, a councillor.'), ['killed 1']);
  assert.deepEqual(brief('A crowd burnt 30-year-old Peter Ouma to death.'), ['killed 1']);
  assert.deepEqual(brief('A crowd killed a 19 year old over a stolen phone.'), ['killed 1']);
  assert.deepEqual(brief('Police and bandits exchange fire; bandit leader killed'), ['killed 1']);
  assert.deepEqual(brief('Attackers hacked to death a village chief and his bodyguard.'), ['killed 2']);
  assert.deepEqual(brief('A soldier was killed and his unit withdrew.'), ['killed 1']);
});

test('what a relative clause says: after a comma it tells the event, without one an allegation', () => {
  assert.deepEqual(brief('The gang was attacked by villagers, who killed one gang member.'), ['killed 1']);
  assert.deepEqual(brief('Police arrested a man who killed two people last year.'), ['arrested 1']);
  assert.deepEqual(brief('Soldiers beat a trader, accusing him of murdering a policeman.'), []);
});

function fatalities(note: string): number {
  return fatalitiesFromCounts(counts(note), note);
}

test('ACLED codes the event\'s own deaths, not the deaths it is about or that came earlier', () => {
  assert.equal(fatalities('On 3 March, residents of the town protested after a cyclist was killed by a lorry.'), 0);
  assert.equal(fatalities('Students blocked the road to protest the death of a classmate killed by a bus.'), 0);
  assert.equal(fatalities('Parents gathered outside the court. A week before, a wall collapsed killing four pupils.'), 0);
  assert.equal(fatalities('Mourners held a protest over the killing of their neighbour. A relative said the victim was killed over a debt.'), 0);
  assert.equal(fatalities('Three more people were killed by raiders, two days after the gang executed 12 others.'), 3);
  assert.equal(fatalities('2 guards were killed in the riot. 5 other deaths are feared but unconfirmed.'), 2);
  // a protest with deaths of its own keeps them
  assert.equal(fatalities('Traders protested over the killing of a colleague. Police opened fire and three protesters were killed.'), 3);
});

test('coded elsewhere and split remarks apply to the figure they follow', () => {
  assert.equal(fatalities('At least eleven people were killed in the raid. At the well, the gunmen shot four herders dead (coded in other event).'), 7);
  assert.equal(fatalities('A boy died the next day. At least 8 people were killed in the raids over 2 days (split between 2 events)'), 4);
});
