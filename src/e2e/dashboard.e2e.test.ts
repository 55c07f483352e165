import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ingestPaths } from '../analysis/ingest-run.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { SCREENSHOTS, guardedPage, launchChromium, startServer, tempStore } from './server.js';

// Article text is hostile input: these payloads must show as text and never run.
const HOSTILE = {
  id: 'hostile-1',
  title: 'Checkpoint attack <script>alert("title")</script>',
  outlet: 'Test <img src=x onerror=alert(2)> Wire',
  publishedAt: '2024-07-10',
  url: 'javascript:alert(3)',
  text:
    'Gunmen attacked a police checkpoint in Mosul on Tuesday, killing three officers, the provincial governor said.\n\n' +
    "A banner left at the scene read <script>alert('xss')</script> and a leaflet read <img src=x onerror=alert(1)> in large letters.\n\n" +
    '"We will find those responsible," said Najm al-Jubouri, the governor of Nineveh.\n\n' +
    'Gunmen attacked a police checkpoint in Mosul on Tuesday, killing three policemen, the provincial governor said.',
};

interface Tally { kind: string; low: number; best: number; high: number; disagreement: boolean; claims: { claimant: string | null }[] }

/**
 * The three wire reports of the Kharkiv market strike (6, 6 and 8 killed) are one event: its view
 * lists the three reports and a low/best/high tally flagged as disputed. Against a server without
 * the detail route the view must still work, showing the one report and saying why.
 */
async function storyView(page: Page, origin: string): Promise<void> {
  const events = (await (await fetch(`${origin}/api/events?limit=1000`)).json()) as { items: { article_id: string; event_id: string; killed?: number }[] };
  const row = events.items.find((r) => r.article_id.startsWith('sample-wire-') && r.killed);
  assert.ok(row, 'a Kharkiv report event with a death toll');
  const stored = (await (await fetch(`${origin}/api/articles/${row.article_id}`)).json()) as { document: { layers: { events: { id: string }[] } } };
  const index = stored.document.layers.events.findIndex((e) => e.id === row.event_id);
  const res = await fetch(`${origin}/api/events/${encodeURIComponent(row.article_id)}/${index}`);
  await page.goto(`${origin}/#view=event&article=${encodeURIComponent(row.article_id)}&event=${encodeURIComponent(row.event_id)}`);
  const opened = `#panel-event[data-article="${row.article_id}"][data-index="${index}"] #event-reports li.report`;
  await page.waitForSelector(opened);
  assert.equal(res.status, 200, `GET /api/events/${row.article_id}/${index}`);
  const detail = (await res.json()) as { story: { reports: { articleId: string; sentence: { text: string } }[] }; tallies: Tally[] };
  const reports = page.locator('#event-reports li.report');
  assert.equal(await reports.count(), 3, 'the three wire reports are listed');
  assert.equal(detail.story.reports.length, 3);
  const killed = page.locator('#event-tally .tally[data-kind="killed"]');
  const shown = await killed.evaluate((e: any) => ({ low: Number(e.dataset.low), best: Number(e.dataset.best), high: Number(e.dataset.high), disagreement: e.dataset.disagreement as string }));
  console.log(`event story: ${await reports.count()} reports; killed low ${shown.low} / best ${shown.best} / high ${shown.high}, disagreement ${shown.disagreement}`);
  assert.deepEqual([shown.low, shown.high], [6, 8], 'the tally spans the 6 and the 8 killed');
  assert.ok(shown.low <= shown.best && shown.best <= shown.high);
  assert.equal(shown.disagreement, 'true');
  assert.ok(await killed.locator('.disagree').isVisible(), 'the disagreement is flagged');
  const claimants = await killed.locator('.claimant .group-name').allInnerTexts();
  const expected = detail.tallies.find((t) => t.kind === 'killed')!;
  assert.equal(await killed.locator('.claim').count(), expected.claims.length, 'every claim is listed');
  assert.deepEqual(new Set(claimants), new Set(expected.claims.map((c) => c.claimant ?? '(no claimant found)')), 'claims grouped by claimant');
  await page.screenshot({ path: join(SCREENSHOTS, '03b-event-story.png') });
  // each report opens in the reader at its sentence
  const other = await reports.evaluateAll((els: any[], here: string) => els.findIndex((e) => e.dataset.articleId !== here), row.article_id);
  const target = await reports.nth(other).getAttribute('data-article-id');
  await reports.nth(other).locator('.report-link').click();
  await page.waitForSelector('#article-text mark[data-kind="focus"]');
  const sentence = detail.story.reports.find((r) => r.articleId === target)!.sentence.text;
  assert.equal((await page.locator('#article-text mark[data-kind="focus"]').allTextContents()).join(''), sentence, 'the reader opens at the report\'s sentence');
  assert.match(page.url(), new RegExp(`article=${target}`));

  // a server that does not list the route (an older sitrep) gets this report alone, with a note, and no failed request
  await page.route('**/openapi.json', (route) => route.fulfill({ json: { openapi: '3.1.0', paths: {} } }));
  await page.goto(`${origin}/#view=event&article=${encodeURIComponent(row.article_id)}&ev=${index}`);
  await page.reload(); // a fresh page asks the (now route-less) OpenAPI document again
  await page.waitForSelector(opened);
  assert.equal(await page.locator('#event-reports li.report').count(), 1, 'only this report without the route');
  assert.match(await page.locator('#event-note').innerText(), /this report alone/);
  assert.ok((await page.locator('#event-tally .tally[data-kind="killed"]').count()) === 1, "this report's own tally");
  await page.unroute('**/openapi.json');
}

let browser: Browser;
let pipeline: Pipeline;
before(async () => {
  pipeline = await createDefaultPipeline();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('dashboard: map, timeline brush, event, article reader with quotes; hostile text stays inert; nothing leaves the origin', async () => {
  const store = await tempStore('ui');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-e2e-input-'));
  writeFileSync(join(dir, 'hostile.jsonl'), `${JSON.stringify(HOSTILE)}\n`);
  const summary = await ingestPaths([join(PACKAGE_ROOT, 'samples'), dir], pipeline, store);
  assert.equal(summary.failed, 0, JSON.stringify(summary.errors));
  const server = await startServer(store, pipeline);
  const { page, context, foreign, paths, dialogs, errors, consoleErrors } = await guardedPage(browser, server.origin);
  try {
    const t0 = Date.now();
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
    await page.waitForSelector('#map .ev-marker, #map .ev-cluster');
    const markers = await page.locator('#map .ev-marker, #map .ev-cluster').count();
    const basemap = await page.locator('#map path').count();
    console.log(`loaded in ${Date.now() - t0} ms: ${markers} markers/clusters, ${basemap} SVG paths (basemap + markers)`);
    assert.ok(markers > 0, 'markers on the map');
    assert.ok(basemap > 100, 'the Natural Earth basemap is drawn');
    await page.screenshot({ path: join(SCREENSHOTS, '01-overview.png') });

    // brush the most recent days on the timeline: the list (and map) narrow to them
    const before = Number(await page.locator('#list-count').getAttribute('data-count'));
    const bars = await page.locator('#timeline rect.bar').evaluateAll((els: any[]) => els.map((e) => ({ day: e.dataset.day as string, box: e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number } })));
    bars.sort((a, b) => a.day.localeCompare(b.day));
    const last = bars[bars.length - 1].box;
    const y = last.y + last.height / 2;
    await page.mouse.move(last.x - 3, y);
    await page.mouse.down();
    await page.mouse.move(last.x + last.width / 2, y, { steps: 4 });
    await page.mouse.move(last.x + last.width + 3, y, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction((n) => Number((globalThis as any).document.querySelector('#list-count')?.getAttribute('data-count')) !== n, before);
    const afterBrush = Number(await page.locator('#list-count').getAttribute('data-count'));
    console.log(`timeline brush on ${bars[bars.length - 1].day}: list ${before} -> ${afterBrush} events; URL ${new URL(page.url()).search}`);
    assert.ok(afterBrush > 0 && afterBrush < before, 'brushing filters the list');
    assert.match(page.url(), /from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/, 'the URL carries the range');
    await page.screenshot({ path: join(SCREENSHOTS, '02-brushed.png') });
    // the URL is the view: loading it again shows the same filtered list
    await page.goto(page.url());
    await page.waitForSelector('body[data-loaded="true"]');
    assert.equal(Number(await page.locator('#list-count').getAttribute('data-count')), afterBrush, 'a shared URL restores the filters');

    // a marker opens its event
    const single = page.locator('#map path.ev-marker').first();
    if ((await single.count()) > 0) {
      await single.click({ force: true });
      await page.waitForSelector('#panel-event:not([hidden]) #event-title');
      assert.match(page.url(), /view=event/);
      console.log(`a map marker opened ${new URL(page.url()).hash}`);
      await page.goto(`${server.origin}/${new URL(page.url()).search}`);
      await page.waitForSelector('body[data-loaded="true"]');
    }

    // open an event from the list, then its article
    await page.locator('.ev-row').first().click();
    await page.waitForSelector('#panel-event #event-reports');
    assert.match(await page.locator('#panel-event').innerText(), /Source actor[\s\S]*Place[\s\S]*Date[\s\S]*Casualty tally[\s\S]*Reports \(\d+\)[\s\S]*Quotes evidencing it/);
    await page.screenshot({ path: join(SCREENSHOTS, '03-event.png') });
    await page.locator('#open-article').click();
    await page.waitForSelector('#article-text mark');
    const quote = page.locator('#article-text mark[data-kind="quote"]:not([data-speaker=""])').first();
    const title = (await quote.getAttribute('title')) ?? '';
    const speaker = (await quote.getAttribute('data-speaker')) ?? '';
    await quote.hover();
    console.log(`highlighted quote: title "${title}"`);
    assert.ok(speaker.length > 0 && title.includes(`speaker: ${speaker}`), 'the quote names its speaker on hover');
    const kinds = await page.locator('#article-text mark').evaluateAll((els: any[]) => [...new Set(els.map((e) => e.dataset.kind as string))].sort());
    console.log(`highlighted kinds: ${kinds.join(', ')}`);
    for (const k of ['entity', 'quote', 'trigger']) assert.ok(kinds.includes(k), `highlights ${k}`);
    await page.screenshot({ path: join(SCREENSHOTS, '04-article.png') });
    // what cleaning set aside is listed, greyed, with its kind
    const articles = (await (await fetch(`${server.origin}/api/articles?limit=100`)).json()) as { items: { id: string; counts: Record<string, number> }[] };
    const withBoilerplate = articles.items.filter((a) => (a.counts.boilerplate ?? 0) > 0).sort((a, b) => b.counts.boilerplate - a.counts.boilerplate)[0];
    if (withBoilerplate) {
      await page.goto(`${server.origin}/#view=article&article=${encodeURIComponent(withBoilerplate.id)}`);
      await page.waitForSelector('#article-text mark');
      assert.equal(await page.locator('.greyed.boilerplate').count(), withBoilerplate.counts.boilerplate);
      await page.locator('.greyed.boilerplate').last().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, '04b-article-boilerplate.png') });
      await page.goBack();
      await page.waitForSelector('#article-text mark');
    }
    // a trigger jumps to its event
    await page.locator('#article-text mark[data-kind="trigger"]').first().click();
    await page.waitForSelector('#panel-event:not([hidden]) #event-title');

    await storyView(page, server.origin);

    // who said what across the events shown: quotes grouped by speaker, each opening its event
    await page.locator('#tabs [data-view="sources"]').click();
    await page.waitForSelector('#panel-sources:not([hidden]) #sources-count');
    const quoted = Number(await page.locator('#sources-count').getAttribute('data-quotes'));
    const groups = await page.locator('#panel-sources .speaker-group').count();
    console.log(`who said what: ${quoted} quotes in ${groups} speaker groups`);
    assert.ok(quoted > 0 && groups > 0 && groups <= quoted);
    await page.screenshot({ path: join(SCREENSHOTS, '04c-who-said-what.png') });
    await page.locator('#panel-sources .speaker-group blockquote').first().click();
    await page.waitForSelector('#panel-event:not([hidden]) #event-title');

    // the hostile article: payloads visible as text, nothing executed, no element created from them
    await page.goto(`${server.origin}/#view=event&article=hostile-1&ev=0`);
    await page.waitForSelector('#panel-event[data-article="hostile-1"][data-index="0"] #event-reports li.report');
    assert.ok((await page.locator('#event-reports').innerText()).includes('Checkpoint attack <script>alert("title")</script>'), 'the title is text in the event view');
    await page.goto(`${server.origin}/#view=article&article=hostile-1`);
    await page.waitForSelector('#article-text');
    await page.waitForTimeout(300);
    const text = await page.locator('#article-text').textContent();
    assert.ok(text?.includes("<script>alert('xss')</script>"), 'the script payload is shown as text');
    assert.ok(text?.includes('<img src=x onerror=alert(1)>'), 'the img payload is shown as text');
    assert.equal(await page.locator('#panel-article').innerText().then((t) => t.includes('Checkpoint attack <script>')), true, 'the title is text');
    const injected = await page.evaluate(() => {
      const document = (globalThis as any).document;
      return {
      scripts: [...document.scripts].map((s: any) => (s.src as string) || 'inline'),
      imgs: document.querySelectorAll('#right img').length as number,
      jsLinks: [...document.querySelectorAll('a')].filter((a: any) => a.href.startsWith('javascript:')).length,
      };
    });
    const nearDuplicates = await page.locator('#article-text mark[data-kind="neardup"]').count();
    console.log(`hostile article: ${nearDuplicates} near-duplicate sentence(s) greyed`);
    assert.deepEqual(injected.scripts.map((s) => new URL(s).pathname), ['/vendor/topojson-client/topojson-client.min.js', '/web/js/main.js']);
    assert.equal(injected.imgs, 0);
    assert.equal(injected.jsLinks, 0);
    await page.screenshot({ path: join(SCREENSHOTS, '05-hostile-article.png') });

    assert.deepEqual(dialogs, [], 'no dialog fired');
    assert.ok(!paths.includes('/x'), 'the <img src=x> payload was never requested');
    assert.deepEqual(foreign, [], 'no request left the server origin');
    assert.deepEqual(errors, [], 'no page errors');
    assert.deepEqual(consoleErrors, [], 'nothing logged as an error in the console');
    console.log(`requests: ${paths.length} to the server, ${foreign.length} elsewhere; dialogs: ${dialogs.length}`);
  } finally {
    await context.close();
    await server.close();
    await store.close();
  }
});
