import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentedDoc, invalidSpans } from '../../testing/docs.js';
import { makeSpan } from '../../core/span.js';
import type { ActorMention, Quote } from '../../core/layers/index.js';
import { attributedSpeech } from '../../core/layers/index.js';
import { extractQuotes } from './index.js';
import { isTitle } from './index.js';

function run(text: string, actors: (t: string) => ActorMention[] = () => []) {
  const doc = segmentedDoc(text);
  doc.set('entities', []);
  doc.set('actors', actors(text));
  const out = extractQuotes(doc);
  assert.deepEqual(invalidSpans(doc.text, attributedSpeech(out)), []);
  return attributedSpeech(out);
}
const direct = (text: string, actors?: (t: string) => ActorMention[]) => run(text, actors).filter((q) => q.direct);
const reported = (text: string) => run(text).filter((q) => !q.direct);
const who = (q: Quote | undefined) => q?.speaker?.span.text;
const at = (t: string, s: string, from = 0) => {
  const i = t.indexOf(s, from);
  assert.ok(i >= 0, `fixture lacks ${s}`);
  return makeSpan(t, i, i + s.length);
};

test('markup attribute values are not quotes', () => {
  assert.deepEqual(direct('<post id="4471" author="@harbourwatch">The ferry is late again.</post>'), []);
});

test('an opening straight quote after a full stop and a space still opens', () => {
  const t = 'Two boats sank, the port office confirmed." Both crews swam to the pier before dawn," the office said in a statement.';
  const d = direct(t);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.span.text, 'Both crews swam to the pier before dawn');
  assert.equal(who(d[0]), 'the office');
});

test('scare quotes and titles are not quotes; a quoted term after a verb of saying is', () => {
  assert.deepEqual(direct('The so-called “peace dividend” never reached the valley towns.'), []);
  assert.deepEqual(direct('Ms Roe told “Morning Harbour Report” about the ferry delays.').map((q) => q.span.text), []);
  assert.equal(who(direct('Varga dismissed the march as “street theatre” and left.')[0]), 'Varga');
  const d = direct('Ann Roe called the plan “reckless” on Monday.');
  assert.equal(d.length, 1);
  assert.equal(who(d[0]), 'Ann Roe');
  assert.ok(isTitle('Morning Harbour Report') && isTitle('Make the Valley Green Again'));
  assert.ok(!isTitle('reckless') && !isTitle('We Won.'));
});

test('a short utterance ending its sentence stays a quote even without a speaker', () => {
  assert.deepEqual(direct('The crowd fell silent at the question “Why now?” in the hall.').map((q) => q.span.text), ['Why now?']);
});

test('attribution after the quote steps over parentheses, ages, appositions and relative clauses', () => {
  assert.equal(who(direct('“We will hold the line,” Sen. Ann Roe (D-Ore.), who leads the panel, said on Monday.')[0]), 'Sen. Ann Roe');
  assert.equal(who(direct('“It works well enough,” Tom Lark, 66, told reporters.')[0]), 'Tom Lark');
  assert.equal(who(direct('“It is a fair deal,” Mara Voss, a former aide to the mayor, said at a forum.')[0]), 'Mara Voss');
});

test('any verb after a quote closed by a comma or question mark attributes it', () => {
  assert.equal(who(direct('“You know, it happens to everyone, right?” Vela went on.')[0]), 'Vela');
});

test('a sentence that ends with ", X said" attributes the quote inside it', () => {
  const d = direct('“We acted within the law at all times” and under the mandate, the ministry said.');
  assert.equal(who(d[0]), 'the ministry');
});

test('a participle or infinitive of saying takes the subject of its clause', () => {
  assert.equal(who(direct('Ann Roe reacted to the news, saying: “This is a sad day for the city.”')[0]), 'Ann Roe');
  assert.equal(who(direct('Mr. Vela was prompted to say, “So far the talks have been civil.”')[0]), 'Mr. Vela');
});

test('a colon after a subject and any verb introduces the quote, after a conjunction too', () => {
  assert.equal(who(direct('And Mr. Lark gloated: “I told you he would not be ready.”')[0]), 'Mr. Lark');
});

test('a whole quoted sentence in the same paragraph continues the speaker', () => {
  const d = direct('“It is late in the day,” said Ann Roe (D-Ore.), a council member. “We cannot wait for the next budget.”\n\nThe council met again.');
  assert.deepEqual(d.map(who), ['Ann Roe', 'Ann Roe']);
});

test('a clause subject speaks a long quote no verb of saying introduces', () => {
  const d = direct('Mayor Ana Kell sent a letter demanding “a full account of all the spending” from the board.');
  assert.equal(who(d[0]), 'Mayor Ana Kell');
  assert.equal(direct('The film was billed as “a masterpiece of its time” by the poster.')[0]!.speaker, null);
});

test('a pronoun speaker follows whoever spoke just before, over coreference to a non-speaker', () => {
  const t = 'The friend said the attacker admired a preacher, Omar Vey. “He used to listen to Vey a lot,” he told the radio. “I called the hotline. I did my part,” he added.';
  const actors = (text: string): ActorMention[] => [
    { id: 'a1', span: at(text, 'Omar Vey'), actor: { code: 'REL', name: 'Omar Vey' }, via: 'name', person: 'Omar Vey' },
    { id: 'a2', span: at(text, 'he told'), actor: { code: 'REL', name: 'Omar Vey' }, via: 'coreference', antecedentId: 'a1' },
    { id: 'a3', span: at(text, 'he added'), actor: { code: 'REL', name: 'Omar Vey' }, via: 'coreference', antecedentId: 'a1' },
  ];
  for (const a of actors(t)) if (a.via === 'coreference') a.span = makeSpan(t, a.span.start, a.span.start + 2);
  const d = direct(t, actors);
  assert.deepEqual(d.map((q) => q.speaker?.name), ['friend', 'friend']);
});

test('coreference to an earlier speaker is kept', () => {
  const t = 'Prime Minister Ana Kell accuses the rebels of wanting war. The opposition blames her for the defeat and she herself denounced the calls “for a coup against the state” on Monday.';
  const actors = (text: string): ActorMention[] => [
    { id: 'a1', span: at(text, 'Prime Minister Ana Kell'), actor: { code: 'GOV', name: 'Government' }, via: 'title', person: 'Ana Kell' },
    { id: 'a2', span: at(text, 'The opposition'), actor: { code: 'OPP', name: 'Opposition' }, via: 'description' },
    { id: 'a3', span: at(text, 'she herself').start === -1 ? at(text, 'she') : makeSpan(text, at(text, 'she herself').start, at(text, 'she herself').start + 3), actor: { code: 'GOV', name: 'Government' }, via: 'coreference', antecedentId: 'a1' },
  ];
  const d = direct(t, actors);
  assert.equal(d[0]!.speaker?.name, 'Ana Kell');
});

test('reported speech: passive and raising uses have no speaker; objects are not clauses', () => {
  assert.deepEqual(reported('The parents are reported to have been farmers from the north.'), []);
  assert.deepEqual(reported('Police are hunting a suspect believed to have left the bag near the gate.'), []);
  assert.deepEqual(reported('She reported the neighbour two years ago, after he shouted at the children.'), []);
  assert.deepEqual(reported('Neither the army nor the police responded to the claims, but lawmakers want answers.'), []);
  const r = reported('The governor urged residents to leave the coast before nightfall.');
  assert.equal(r.length, 1);
  assert.equal(who(r[0]), 'The governor');
  assert.equal(reported('The mayor said the bridge will reopen in May.')[0]!.span.text, 'the bridge will reopen in May');
});

test('a second verb of saying joined by "and" introduces what was said, not the first verb’s object', () => {
  const [r] = reported('The militia denied responsibility and said army units had shelled the ridge first.');
  assert.equal(r?.span.text, 'army units had shelled the ridge first');
  assert.equal(who(r), 'The militia');
  const [t] = reported('The ministry denied the report and insisted that the convoy had been attacked near the river.');
  assert.equal(t?.span.text, 'the convoy had been attacked near the river');
});

test('"…, X said, adding that …" reports what follows "adding that", by the same speaker', () => {
  const r = reported('“We held the line,” the border guard said, adding that three of its posts had been shelled overnight.');
  assert.equal(r[0]?.span.text, 'three of its posts had been shelled overnight');
  assert.equal(who(r[0]), 'the border guard');
});

test('", saying …" after a clause reports what follows, said by the subject of that clause', () => {
  const [r] = reported('The rebel front claimed the raid on Sunday, saying its men had killed a dozen guards.');
  assert.equal(r?.span.text, 'its men had killed a dozen guards');
  assert.equal(who(r), 'The rebel front');
  const [, added] = reported('The convoy came under fire twice in the valley, the aid agency said in a statement, adding that two drivers were missing.');
  assert.equal(added?.span.text, 'two drivers were missing');
  assert.equal(who(added), 'the aid agency');
});

test('"who asked not to be named" is no report; the speaker\'s own verb of saying is', () => {
  const r = reported('A nurse, who asked not to be named, said the ward had run out of beds.');
  assert.deepEqual(r.map((x) => x.span.text), ['the ward had run out of beds']);
  assert.equal(who(r[0]), 'A nurse');
});

test('reported content before ", X said," stays whole when a clause of the writer follows', () => {
  const [r] = reported('Floods cut the northern road on Sunday, the roads agency said, as forecasters warned of more rain.');
  assert.equal(r?.span.text, 'Floods cut the northern road on Sunday');
  assert.equal(who(r), 'the roads agency');
});

test('a dateline with a single hyphen is not part of what was said', () => {
  const [r] = reported('LAGOS, May 2 (Reuters) - Gunmen freed forty hostages near the port, police said.');
  assert.equal(r?.span.text, 'Gunmen freed forty hostages near the port');
  const [g] = reported('PORT AMARA — Gunmen freed forty hostages near the port overnight, according to the police.');
  assert.equal(g?.span.text, 'Gunmen freed forty hostages near the port overnight');
});

test('a denied act is no reported clause; "told reporters that …" reports what follows "that"', () => {
  assert.deepEqual(reported('The militia denied shelling the camp and blamed the army for the deaths.'), []);
  const [r] = reported('A spokesman told reporters that troops had retaken the bridge.');
  assert.equal(r?.span.text, 'troops had retaken the bridge');
});

test('a speaker whose name holds a preposition ("Commission on Human Rights") is whole', () => {
  const [r] = reported('Three people were wounded near the market, the National Commission on Human Rights said in a statement.');
  assert.equal(r?.span.text, 'Three people were wounded near the market');
  assert.equal(who(r), 'the National Commission on Human Rights');
});

test('a participle aside after the subject is skipped; a phrase of the verb\'s own is no content', () => {
  const [r] = reported('The rebel group, known by its initials FRX, said in a statement that it had acted in self-defense.');
  assert.equal(r?.span.text, 'it had acted in self-defense');
  assert.equal(who(r), 'The rebel group');
  assert.deepEqual(reported('The mayor wrote on Facebook about the floods in the valley.'), []);
  assert.equal(reported('The mayor said on Tuesday the bridge would reopen in May.')[0]?.span.text, 'the bridge would reopen in May');
});

test('a first name that is also a verb or modal still opens the speaker’s name', () => {
  assert.equal(who(direct('Rents rose. “It is a costly model,” said Will Danner, a professor of economics.')[0]), 'Will Danner');
  assert.equal(who(direct('Voters queued. “I was not bothered,” Sue Orlov said.')[0]), 'Sue Orlov');
});

test('a speaker with a place or time modifier is the noun before it, not "the scene"', () => {
  const t = 'A fire officer at the scene recalled the night for a radio series."The roof fell in within minutes," he told the series.';
  const [q] = direct(t);
  assert.equal(q?.speaker?.name, 'fire officer at the scene');
  const [p] = direct('A party organiser at the time, Omar Veldt, said the count was rigged."Nobody counted the ballots," he said.');
  assert.equal(p?.speaker?.name, 'Omar Veldt');
  assert.equal(who(direct('Ivo Brand, a farmer from Sella, North Vale, says the river “came up in an hour.”')[0]), 'Ivo Brand');
});

test('a pronoun speaker after an inverted cue is who spoke, not a man named in between', () => {
  const t = '“I saw him leave,” declared Mara Linde, who runs a bakery. She said Petrov drove a grey van. “He looked calm,” she told the court.';
  const actors = (text: string): ActorMention[] => [
    { id: 'a1', span: at(text, 'Petrov'), actor: { code: 'PER', name: 'Petrov' }, via: 'name', person: 'Petrov' },
    { id: 'a2', span: at(text, 'She said'), actor: { code: 'PER', name: 'Petrov' }, via: 'coreference', antecedentId: 'a1' },
    { id: 'a3', span: at(text, 'she told'), actor: { code: 'PER', name: 'Petrov' }, via: 'coreference', antecedentId: 'a1' },
  ];
  for (const a of actors(t)) if (a.via === 'coreference') a.span = makeSpan(t, a.span.start, a.span.start + 3);
  const d = run(t, actors);
  assert.deepEqual(d.map((q) => q.speaker?.name), ['Mara Linde', 'Mara Linde', 'Mara Linde']);
});

test('a pronoun after someone else spoke is that someone, though coreference names an earlier speaker', () => {
  const t = 'Ivo Brand, a lecturer, studies drones. “They are cheap,” Brand said. Sightings rose in the spring. One well-placed source said he believed the flights were mostly harmless. Pilots who flew over the base were “simply reckless”, he added.';
  const actors = (text: string): ActorMention[] => [
    { id: 'a1', span: at(text, 'Ivo Brand'), actor: { code: 'PER', name: 'Ivo Brand' }, via: 'name', person: 'Ivo Brand' },
    { id: 'a2', span: at(text, 'Brand said'), actor: { code: 'PER', name: 'Ivo Brand' }, via: 'name', person: 'Ivo Brand' },
    { id: 'a3', span: at(text, 'he added'), actor: { code: 'PER', name: 'Ivo Brand' }, via: 'coreference', antecedentId: 'a1' },
  ];
  for (const a of actors(t)) if (a.id !== 'a1') a.span = makeSpan(t, a.span.start, a.span.start + (a.id === 'a3' ? 2 : 5));
  const d = run(t, actors).filter((q) => q.span.text.includes('reckless'));
  assert.match(d[0]?.speaker?.name ?? '', /source$/);
});

test('a subheading run into the speaker over a lost quote mark is not part of the speaker', () => {
  const [q] = direct('Police sealed off the area\'Keep calm\'Transport Minister Ana Kell said she has instructed all station chiefs to "secure every platform and exit."');
  assert.equal(who(q), 'Transport Minister Ana Kell');
});

test('dashes around an aside, an age after a name and a name after "her son" keep the speaker', () => {
  const t = 'Kell — the heir of the late leader Omar Veldt, who died in 2010 — firmly defends the plan, saying it will bring “lasting calm.”';
  assert.equal(who(direct(t)[0]), 'Kell');
  const u = 'The trial went on. “I cannot sleep,” said her son, Ivo Brand, 23, who said he was kept out of court. “I have nightmares,” he added.';
  const d = direct(u);
  assert.equal(who(d[0]), 'her son, Ivo Brand');
});
