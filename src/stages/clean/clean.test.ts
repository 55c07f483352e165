import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { invalidSpans } from '../../testing/docs.js';
import { createCleanStage } from './index.js';

const pipeline = Pipeline.build([createCleanStage()], {});
const clean = (raw: string, meta = {}) => pipeline.run(new SitrepDocument(raw, meta));

test('a credit line is removed and becomes the outlet', () => {
  const doc = clean('Rebels seized the town on Sunday.\nSource : Lakeside Herald\n');
  assert.equal(doc.text, 'Rebels seized the town on Sunday.');
  assert.equal(doc.meta.outlet, 'Lakeside Herald');
  assert.equal(doc.get('boilerplate')[0]!.kind, 'credit');
});

test('an outlet given by the input is not overwritten by a credit line', () => {
  const doc = clean('Talks resumed.\nSource: Other Paper', { outlet: 'Given Outlet' });
  assert.equal(doc.meta.outlet, 'Given Outlet');
});

test('a first-person author bio at the end is removed, quoted speech is not', () => {
  const bio = 'I have covered the region for a decade as a freelance reporter and my work has appeared widely.';
  const doc = clean(`The ministry confirmed the figures.\n${bio}`);
  assert.equal(doc.text, 'The ministry confirmed the figures.');
  const quoted = clean('Officials met.\n“I told my editor I would stay,” the reporter said of the siege.');
  assert.ok(quoted.text.includes('I told my editor'));
});

test('bylines, related links, share buttons and newsletter prompts go', () => {
  const raw = ['By Jane Example and Tom Sample', 'Protesters gathered outside parliament.', 'Read more: Why the protests began', 'Share this article', 'Sign up for our newsletter to get daily news', 'Police dispersed them at dusk.'].join('\n');
  const doc = clean(raw);
  assert.equal(doc.text, 'Protesters gathered outside parliament.\nPolice dispersed them at dusk.');
  assert.deepEqual(doc.get('boilerplate').map((b) => b.kind), ['byline', 'related-links', 'share', 'subscription']);
});

test('glued photo captions with a credit and a file-photo caption are removed', () => {
  const raw = 'Witnesses saw a blast.Officers released this CCTV image of the van. Photo: City Police/HandoutThe van was found later.FILE - A soldier stands guard in Gao, Mali, March 3, 2021.Troops arrived.';
  const doc = clean(raw);
  assert.equal(doc.text, 'Witnesses saw a blast. The van was found later. Troops arrived.');
});

test('an embedded video player block is removed whole', () => {
  const raw = 'He spoke at noon.WATCH: Minister speaksVideo sizewidthxheightpixelsShare this video0:00:45▶Direct link360p | 2.1MB720p | 9.8MBThe speech lasted an hour.';
  const doc = clean(raw);
  assert.equal(doc.text, 'He spoke at noon. The speech lasted an hour.');
});

test('white space is normalised and every boilerplate span is a raw span', () => {
  const raw = '  Two  rockets\u00A0hit   the base.\r\n\r\n\r\n\u200BNo one was hurt.\nEnditem';
  const doc = clean(raw);
  assert.equal(doc.text, 'Two rockets hit the base.\n\nNo one was hurt.');
  assert.deepEqual(invalidSpans(doc.raw, doc.get('boilerplate')), []);
  // clean offsets map back to the same words in the raw text
  const map = doc.get('clean').map;
  const at = doc.text.indexOf('hurt');
  assert.equal(raw.slice(map.toRawStart(at), map.toRawEnd(at + 4)), 'hurt');
});

test('a headline glued to the dateline is split off when the title is known', () => {
  const doc = clean('Floods hit the deltaDHAKA, March 2 -- Water rose overnight.', { title: 'Floods hit the delta' });
  assert.equal(doc.text, 'Floods hit the delta\nDHAKA, March 2 -- Water rose overnight.');
});

test('an article on one line is never taken for an author bio, however first-person it is', () => {
  const body = 'I spoke to the author of the report, and I asked him why my town was left out. ' + 'He told me the journalist who wrote it had never visited. '.repeat(12);
  const doc = clean(body);
  assert.equal(doc.get('boilerplate').length, 0);
  assert.ok(doc.text.length > 500);
});

test('wiki section headings go, and a references section goes to the end of the text', () => {
  const doc = clean('Gunmen stormed a checkpoint near Valdora.== Aftermath ==Two officers were wounded.== References ==\n1. Valdora Times, 3 May\n2. Another source');
  assert.equal(doc.text, 'Gunmen stormed a checkpoint near Valdora. Two officers were wounded.', 'a removed passage inside a line leaves a space');
  assert.deepEqual(doc.get('boilerplate').map((b) => b.rule), ['wiki-section-heading', 'wiki-reference-tail']);
  assert.deepEqual(invalidSpans(doc.raw, doc.get('boilerplate')), []);
});

test('a headline glued to its dateline or lede is split off without a title', () => {
  assert.equal(clean('Three soldiers hurt in ambush near TillaberiNIAMEY, Niger (AP) — Gunmen attacked a patrol.').text, 'Three soldiers hurt in ambush near Tillaberi\nNIAMEY, Niger (AP) — Gunmen attacked a patrol.');
  assert.equal(clean('Bridge collapse kills four in PeruThe bridge over the river gave way at dawn.').text, 'Bridge collapse kills four in Peru\nThe bridge over the river gave way at dawn.');
});

test('a headline glued to any of the shared sentence openers is split off ("…in KaranPolice said")', () => {
  assert.equal(clean('Market blast kills four in KaranPolice said the bomb was hidden in a cart.').text, 'Market blast kills four in Karan\nPolice said the bomb was hidden in a cart.');
});

test('glued subheadings and captions become lines of their own; camel-case names stay whole', () => {
  const doc = clean('The court adjourned.Defence argumentsLawyers for the accused said he was abroad. He posted on LinkedIn and watched YouTube on his iPhone.');
  assert.equal(doc.text, 'The court adjourned. Defence arguments\nLawyers for the accused said he was abroad. He posted on LinkedIn and watched YouTube on his iPhone.');
  assert.equal(clean("Crowds gathered in the square'Stay calm'Regional governor Ana Ruiz urged restraint.").text, "Crowds gathered in the square\n'Stay calm'\nRegional governor Ana Ruiz urged restraint.");
});

test('a glued opening quote goes with the sentence it opens', () => {
  assert.equal(clean('Smoke rose over the depot (0930 GMT)."We ran," a guard said.').text, 'Smoke rose over the depot (0930 GMT). "We ran," a guard said.');
  assert.equal(clean('He called it "sabotage.""Nobody was hurt," he added.').text, 'He called it "sabotage." "Nobody was hurt," he added.');
});

test('wiki list items are lines of their own (and the section heading goes as boilerplate)', () => {
  assert.equal(clean('The convoy was hit.==Casualties==Two drivers died.*2019-04-02, Driver One*2019-04-02, Driver Two').text, 'The convoy was hit. Two drivers died.\n*2019-04-02, Driver One\n*2019-04-02, Driver Two');
});

test('a glued "Read more" link, newsletter blurb and video widget are removed', () => {
  const raw = 'Police sealed the street.Read more: Why the city fears more attacksA second device was found.Every evening, our editors send out a selection of the news. You can sign up to receive it here.Watch video 02:10 Share Blast in the city Send Facebook Twitter Permalink https://example.org/p/1ab Blast in the cityab,cd/ef (AFP, Reuters)';
  const doc = clean(raw);
  assert.equal(doc.text, 'Police sealed the street. A second device was found.');
});

test('a caption line between a glued "Read more" link and a subheading is removed; the subheading stays', () => {
  const raw = 'Rescuers searched the rubble.Read more: How the valley towns rebuilt after the last quakeSoldiers were sent to clear the roadsHelp arrivesThe first convoy reached the valley on Sunday.';
  assert.equal(clean(raw).text, 'Rescuers searched the rubble. Help arrives\nThe first convoy reached the valley on Sunday.');
});
