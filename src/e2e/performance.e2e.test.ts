import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { makeSpan } from '../core/span.js';
import type { DocumentJson } from '../serialize/document-json.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { articleRecord } from '../store/record.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { SCREENSHOTS, guardedPage, launchChromium, startServer, tempStore } from './server.js';

const ARTICLES = 500;
const PER_ARTICLE = 20;
const TYPES = ['ASSAULT', 'PROTEST', 'COERCE', 'MOBILIZE', 'ACCUSE', 'AID'] as const;

// deterministic pseudo-random numbers, so every run stores the same events
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** A stored document with PER_ARTICLE events, each on its own sentence, built without the pipeline. */
function syntheticDocument(a: number): DocumentJson {
  const sentences: string[] = [];
  for (let i = 0; i < PER_ARTICLE; i++) sentences.push(`Shelling hit the town of Town${a}x${i} on Monday, killing ${1 + (i % 9)} people, officials said.`);
  const text = sentences.join(' ');
  const events = [];
  const counts = [];
  let offset = 0;
  const baseLat = -30 + rand() * 85;
  const baseLon = -100 + rand() * 240;
  for (let i = 0; i < PER_ARTICLE; i++) {
    const s = sentences[i];
    const start = offset;
    offset += s.length + 1;
    const trigger = makeSpan(text, start, start + 'Shelling'.length);
    const k = s.indexOf('killing');
    const count = { id: `c${i}`, span: makeSpan(text, start + k, start + k + 'killing 1 people'.length), numberSpan: makeSpan(text, start + k + 8, start + k + 9), kind: 'killed', value: 1 + (i % 9), qualifier: 'exact', who: 'people', claimant: null, sentence: i };
    counts.push(count);
    const day = 1 + Math.floor(rand() * 90);
    events.push({
      id: `event-${i}-0`, type: TYPES[(a + i) % TYPES.length], trigger, sentence: i, sentenceSpan: makeSpan(text, start, start + s.length),
      place: { name: `Town${a}x${i}`, lat: baseLat + rand() * 4, lon: baseLon + rand() * 4, country: 'ZZ', precision: 'city', fromArticleFocus: false },
      date: { value: new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10), precision: 'day', fromPublication: false },
      countIds: [count.id], quoteIds: [], background: false,
      acled: { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' },
    });
  }
  return {
    meta: { id: `synthetic-${a}`, title: `Synthetic report ${a}`, outlet: 'Synthetic Wire', publishedAt: '2024-04-01' },
    pipelineVersion: 'synthetic',
    raw: text,
    clean: { text, offsetMap: [{ cleanStart: 0, cleanEnd: text.length, rawStart: 0, rawEnd: text.length, verbatim: true }] },
    layers: { events, counts, quotes: [] },
    diagnostics: [],
  } as unknown as DocumentJson;
}

let browser: Browser;
let store: SqliteStore;
before(async () => {
  browser = await launchChromium();
  store = await tempStore('perf');
  const t0 = performance.now();
  for (let a = 0; a < ARTICLES; a++) await store.saveArticle(articleRecord(syntheticDocument(a)));
  console.log(`stored ${ARTICLES * PER_ARTICLE} events in ${ARTICLES} articles in ${Math.round(performance.now() - t0)} ms`);
});
after(async () => {
  await browser?.close();
  await store?.close();
});

test(`performance: ${ARTICLES * PER_ARTICLE} stored events, page load to markers on the map within 1 s`, async () => {
  const server = await startServer(store, await createDefaultPipeline());
  const { page, context, foreign } = await guardedPage(browser, server.origin);
  try {
    // the API alone, for the report
    let t = performance.now();
    const first = (await (await fetch(`${server.origin}/api/events?limit=1000`)).json()) as { items: unknown[]; nextCursor?: string };
    const firstPageMs = Math.round(performance.now() - t);
    t = performance.now();
    let n = first.items.length;
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await (await fetch(`${server.origin}/api/events?limit=1000&cursor=${cursor}`)).json()) as { items: unknown[]; nextCursor?: string };
      n += page.items.length;
      cursor = page.nextCursor;
    }
    const restMs = Math.round(performance.now() - t);
    console.log(`/api/events: first page of 1000 in ${firstPageMs} ms; the other ${n - first.items.length} events (9 pages) in ${restMs} ms`);
    assert.equal(n, ARTICLES * PER_ARTICLE);

    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => (globalThis as unknown as { sitrepStats: { firstMarkersAt: number } }).sitrepStats?.firstMarkersAt > 0, null, { timeout: 20_000 });
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 120_000 });
    const stats = await page.evaluate(() => (globalThis as unknown as { sitrepStats: Record<string, number> }).sitrepStats);
    const markers = await page.locator('#map .ev-marker, #map .ev-cluster').count();
    console.log(`page load (navigation start -> first markers rendered): ${Math.round(stats.firstMarkersAt)} ms; all ${stats.events} events loaded and drawn: ${Math.round(stats.allLoadedAt)} ms (${stats.pages} pages); ${markers} markers/clusters on the map`);
    await page.screenshot({ path: join(SCREENSHOTS, '06-10k-events.png') });
    assert.equal(stats.events, ARTICLES * PER_ARTICLE);
    assert.ok(markers > 0);
    assert.deepEqual(foreign, []);
    assert.ok(stats.firstMarkersAt <= 1000, `first markers after ${Math.round(stats.firstMarkersAt)} ms (budget 1000 ms)`);
  } finally {
    await context.close();
    await server.close();
  }
});
