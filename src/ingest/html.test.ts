import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { articleFromHtml } from './html.js';
import { isFailure, type InputArticle } from './types.js';

const fixtures = new URL('../../test/fixtures/ingest/', import.meta.url);

function article(html: string, meta?: Parameters<typeof articleFromHtml>[2]): InputArticle {
  const result = articleFromHtml(html, 'page.html', meta);
  if (isFailure(result)) assert.fail(`unexpected failure: ${result.message}`);
  return result;
}

test('article page: main text in paragraphs, furniture and scripts left out', () => {
  const html = readFileSync(new URL('page.html', fixtures), 'utf8');
  const a = article(html);
  const paragraphs = a.text.split('\n\n');
  assert.ok(paragraphs.length >= 7, `expected separate paragraphs, got ${paragraphs.length}`);
  assert.match(paragraphs[0], /^A ceasefire agreed last week/);
  assert.ok(paragraphs.includes('Residents flee'));
  assert.ok(paragraphs.includes('Two police posts were attacked.'));
  assert.ok(paragraphs.some((p) => p.startsWith('\u201cWe have nowhere safe to go')));
  for (const junk of ['NAVLINK', 'FOOTER TEXT', 'ADVERTISEMENT', 'SCRIPT TEXT', 'STYLE TEXT', 'RELATED LINK', 'By Mira Ostrova']) {
    assert.ok(!a.text.includes(junk), `text should not contain ${junk}`);
  }
  assert.ok(!/\n{3,}/.test(a.text) && a.text === a.text.trim());
  assert.equal(a.html, html);
});

test('article page: metadata from the page', () => {
  const a = article(readFileSync(new URL('page.html', fixtures), 'utf8'), { outlet: 'Flag Outlet', id: 'flag-id' });
  assert.equal(a.meta.title, 'Ceasefire collapses in northern province');
  assert.equal(a.meta.outlet, 'The Example Ledger'); // the page beats the flag
  assert.equal(a.meta.url, 'https://ledger.example.org/world/ceasefire-collapses'); // canonical beats og:url
  assert.equal(a.meta.publishedAt, '2024-03-12T08:30:00+02:00');
  assert.equal(a.meta.language, 'en');
  assert.equal(a.meta.id, 'flag-id'); // the flag fills what the page lacks
  assert.equal(a.meta.origin, 'page.html');
  assert.equal(a.byline, 'Mira Ostrova');
});

test('JSON-LD, <time datetime> and <title> as metadata sources', () => {
  const body = `<p>${'Rebels shelled the airport road on Sunday, the army said, and flights were cancelled. '.repeat(6)}</p>`;
  const ld = article(`<html><head><title>Airport road shelled - Wire</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
    {"@type":"NewsArticle","headline":"Airport road shelled","datePublished":"2024-06-01T12:00:00Z",
     "publisher":{"@type":"Organization","name":"LD Wire"},"author":[{"@type":"Person","name":"Sam Reyes"}]}]}</script>
    </head><body><article>${body}</article></body></html>`);
  assert.equal(ld.meta.title, 'Airport road shelled');
  assert.equal(ld.meta.publishedAt, '2024-06-01T12:00:00Z');
  assert.equal(ld.meta.outlet, 'LD Wire');
  assert.equal(ld.byline, 'Sam Reyes');

  const time = article(`<html><head><title>Plain title</title></head><body><article>
    <time datetime="2024-06-02">2 June</time>${body}</article></body></html>`);
  assert.equal(time.meta.publishedAt, '2024-06-02');
  assert.equal(time.meta.title, 'Plain title');

  const named = article(`<html><head><meta name="date" content="2024-06-03"><link rel="canonical" href="/relative/only"></head>
    <body>${body}</body></html>`);
  assert.equal(named.meta.publishedAt, '2024-06-03');
  assert.equal(named.meta.url, undefined); // a relative canonical URL with nothing to resolve it against
});

test('bad page dates are ignored, not passed on', () => {
  const a = article('<html><head><meta property="article:published_time" content="soon"></head><body><p>Text here.</p></body></html>');
  assert.equal(a.meta.publishedAt, undefined);
});

test('hostile HTML: scripts and unclosed tags', () => {
  const a = article(readFileSync(new URL('hostile.html', fixtures), 'utf8'));
  assert.match(a.text, /^Troops withdrew from the bridge on Friday, the army said\./);
  assert.match(a.text, /Last words of the page & an entity$/);
  assert.ok(!a.text.includes('SCRIPT PARAGRAPH') && !a.text.includes('unterminated') && !a.text.includes('alert'));
  assert.equal(a.meta.title, 'Unclosed things');
});

test('fragments and pages without <html>/<body>', () => {
  assert.equal(article('<p>One &amp; two.</p><p>Three.</p>').text, 'One & two.\n\nThree.');
  const t = article('<title>Loose title</title><p>Body text.</p><script>x()');
  assert.equal(t.text, 'Body text.');
  assert.equal(t.meta.title, 'Loose title');
});

test('short page: readability finds little, the body fallback skips nav and footer', () => {
  const a = article(`<html><body><nav>Home | World NAV</nav><div>Curfew imposed in Dalen.</div>
    <div>Police said the curfew <b>starts</b> at <i>8 pm</i>.<br>It ends at dawn.</div><footer>FOOT</footer></body></html>`);
  assert.ok(!a.text.includes('NAV') && !a.text.includes('FOOT'), a.text);
  assert.match(a.text, /Curfew imposed in Dalen\./);
  assert.match(a.text, /Police said the curfew starts at 8 pm\.\nIt ends at dawn\./);
});

test('<pre> keeps its whitespace', () => {
  const a = article('<body><p>Intro   text\n spread.</p><pre>col1   col2\nrow    two</pre></body>');
  assert.equal(a.text, 'Intro text spread.\n\ncol1   col2\nrow    two');
});

test('no text at all is a failure, not a throw', () => {
  const r = articleFromHtml('<html><head><script>var a = 1;</script></head><body><img src="x.png"></body></html>', 'empty.html');
  assert.deepEqual(r, { input: 'empty.html', message: 'empty article: no text found in the HTML' });
});

test('deep nesting and stray end tags finish quickly', () => {
  const cases = [
    `<html><head><title>Deep</title></head><body>${'<div>'.repeat(200_000)}deep &amp; text`,
    `<body>${'<span>'.repeat(5000)}${'</b>'.repeat(200_000)}after`,
    `<body>${'<b><i><font>'.repeat(30_000)}bold end`,
    `<body><p ${'a="<div>" '.repeat(50_000)}>attribute soup</p>`,
  ];
  for (const html of cases) {
    const started = Date.now();
    const r = articleFromHtml(html, 'deep.html');
    assert.ok(!isFailure(r), JSON.stringify(r).slice(0, 200));
    assert.ok(Date.now() - started < 10_000, 'took too long');
  }
  const deep = articleFromHtml(cases[0], 'deep.html') as InputArticle;
  assert.equal(deep.text, 'deep & text');
  assert.equal(deep.meta.title, 'Deep');
  assert.equal((articleFromHtml(cases[3], 'a') as InputArticle).text, 'attribute soup');
});
