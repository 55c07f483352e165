import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pipeline } from '../pipeline/pipeline.js';
import { createCleanStage } from '../stages/clean/index.js';
import { createSegmentStage } from '../stages/segment/index.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { openFeedState } from './open-state.js';
import { articlePage, TestServer } from './test-server.js';
import { describePoll, pollFeeds, type WatchOptions } from './watcher.js';

// a small real pipeline keeps the test fast; the watcher does not care which stages run
const pipeline = Pipeline.build([createCleanStage(), createSegmentStage()], {}, { softwareVersion: 'test' });

interface FeedItemSpec {
  n: number;
  date: string;
}

function rss(items: FeedItemSpec[], base: string): string {
  const body = items
    .map((i) => `<item><title>Feed title ${i.n}</title><link>${base}/articles/${i.n}</link><guid>rss-${i.n}</guid><pubDate>${i.date}</pubDate><description>Item ${i.n}</description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Lowmere Courier</title><link>${base}/</link>${body}</channel></rss>`;
}

function atom(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title><id>urn:vp</id><updated>2024-03-06T08:00:00Z</updated>
<entry><title>Atom item</title><link href="${base}/articles/100"/><id>urn:vp:100</id><published>2024-03-06T08:00:00Z</published><summary>s</summary></entry></feed>`;
}

test('watch: stores new items, skips seen ones after a restart, uses conditional GET, survives garbage feeds', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
  const db = join(dir, 'watch.db');
  const server = new TestServer();
  await server.start();
  t.after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const base = server.base;

  let rssItems: FeedItemSpec[] = [
    { n: 1, date: 'Mon, 04 Mar 2024 09:00:00 GMT' },
    { n: 2, date: 'Tue, 05 Mar 2024 09:00:00 GMT' },
  ];
  const rssEtag = (): string => `"rss-${rssItems.length}"`;
  server.routes.set('/rss.xml', (req, res) => {
    if (req.headers['if-none-match'] === rssEtag()) return void res.writeHead(304, { etag: rssEtag() }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: rssEtag() }).end(rss(rssItems, base));
  });
  const atomModified = 'Wed, 06 Mar 2024 08:00:00 GMT';
  server.routes.set('/atom.xml', (req, res) => {
    if (req.headers['if-modified-since'] === atomModified) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': atomModified }).end(atom(base));
  });
  server.routes.set('/garbage.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'text/xml' }).end('{"this": "is not a feed"}'));
  server.routes.set('/truncated.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'text/xml' }).end(rss(rssItems, base).slice(0, 120)));
  server.routes.set('/error.xml', (_req, res) => void res.writeHead(500).end('boom'));
  // one item whose page fails the first time: it must be retried on the next poll
  let flakyUp = false;
  server.routes.set('/flaky.xml', (_req, res) =>
    void res.writeHead(200, { etag: '"flaky"' }).end(`<rss><channel><title>Flaky</title><item><link>${base}/articles/200</link></item></channel></rss>`),
  );
  for (const n of [1, 2, 3, 100, 200]) {
    server.routes.set(`/articles/${n}`, (_req, res) => {
      if (n === 200 && !flakyUp) return void res.writeHead(503).end('later');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(n));
    });
  }

  const feeds = ['/rss.xml', '/atom.xml', '/garbage.xml', '/truncated.xml', '/error.xml', '/flaky.xml'].map((p) => server.url(p));
  const logs: string[] = [];
  async function run(urls: string[], extra: Partial<WatchOptions> = {}) {
    // every run opens the database afresh: state comes only from what the last run stored
    const store = new SqliteStore(db);
    await store.migrate();
    const state = await openFeedState(db);
    try {
      const results = await pollFeeds(urls, { store, state, pipeline, allowPrivate: true, hostDelayMs: 0, log: (l) => logs.push(l), ...extra });
      return { results, count: await store.countArticles(), feedState: await Promise.all(urls.map((u) => state.getFeed(u))), list: (await store.listArticles()).items };
    } finally {
      await state.close();
      await store.close();
    }
  }

  // first run: everything is new
  const first = await run(feeds);
  const byFeed = Object.fromEntries(first.results.map((r) => [new URL(r.feed).pathname, r]));
  assert.equal(byFeed['/rss.xml'].status, 'ok');
  assert.equal(byFeed['/rss.xml'].stored, 2);
  assert.equal(byFeed['/atom.xml'].stored, 1);
  for (const bad of ['/garbage.xml', '/truncated.xml', '/error.xml']) {
    assert.equal(byFeed[bad].status, 'error', bad);
    assert.ok(byFeed[bad].nextAttemptAt && Date.parse(byFeed[bad].nextAttemptAt!) > Date.now(), `${bad} backs off`);
  }
  assert.match(byFeed['/garbage.xml'].errors[0].message, /not XML/);
  assert.match(byFeed['/truncated.xml'].errors[0].message, /broken XML/);
  assert.match(byFeed['/error.xml'].errors[0].message, /HTTP 500/);
  assert.equal(byFeed['/flaky.xml'].stored, 0);
  assert.equal(byFeed['/flaky.xml'].errors.length, 1);
  assert.equal(first.count, 3);
  const garbageState = first.feedState[2]!;
  assert.equal(garbageState.failures, 1);
  assert.ok(garbageState.nextAttemptAt);
  assert.ok(logs.some((l) => l.includes('/garbage.xml') && l.includes('failure 1')));
  assert.ok(logs.some((l) => l.includes('/articles/200') && /HTTP 503/.test(l) && l.includes('will retry')));
  const stored1 = first.list.find((a) => a.url === `${base}/articles/1`);
  assert.ok(stored1, 'article 1 stored with its link as url');
  assert.equal(stored1.outlet, 'Lowmere Courier', 'outlet from the feed title');
  assert.equal(stored1.publishedAt, '2024-03-04T09:00:00Z', 'date from the feed item');
  assert.equal(stored1.title, 'Report 1', 'the page title wins over the feed item title');
  assert.match(describePoll(byFeed['/rss.xml']), /2 new, 2 stored, 0 errors/);

  // restart with one more item in the RSS feed
  rssItems = [{ n: 3, date: 'Wed, 06 Mar 2024 09:00:00 GMT' }, ...rssItems];
  flakyUp = true;
  server.requests.length = 0;
  const second = await run(feeds);
  const again = Object.fromEntries(second.results.map((r) => [new URL(r.feed).pathname, r]));
  assert.equal(again['/rss.xml'].newItems, 1);
  assert.equal(again['/rss.xml'].stored, 1);
  assert.deepEqual(server.requestsFor('/rss.xml').map((r) => r.ifNoneMatch), ['"rss-2"'], 'conditional GET with the stored ETag');
  assert.equal(again['/atom.xml'].status, 'not-modified');
  assert.deepEqual(server.requestsFor('/atom.xml').map((r) => r.ifModifiedSince), [atomModified]);
  for (const bad of ['/garbage.xml', '/truncated.xml', '/error.xml']) {
    assert.equal(again[bad].status, 'backing-off', bad);
    assert.equal(server.requestsFor(bad).length, 0, `${bad} not requested while backing off`);
  }
  assert.equal(again['/flaky.xml'].stored, 1, 'the failed page is retried');
  assert.equal(server.requestsFor('/flaky.xml')[0].ifNoneMatch, undefined, 'validators were not kept while an item was pending');
  const pages = server.requests.filter((r) => r.path.startsWith('/articles/')).map((r) => r.path).sort();
  assert.deepEqual(pages, ['/articles/200', '/articles/3'], 'only the new and the retried pages are fetched');
  assert.equal(second.count, 5);

  // third run: the RSS feed answers 304 to its ETag, nothing is fetched
  server.requests.length = 0;
  const third = await run([server.url('/rss.xml'), server.url('/flaky.xml')]);
  assert.equal(third.results[0].status, 'not-modified');
  assert.equal(third.results[1].newItems, 0);
  assert.equal(server.requests.filter((r) => r.path.startsWith('/articles/')).length, 0);
  assert.ok(server.requests.every((r) => r.userAgent?.startsWith('sitrep-watch/')));

  // after the backoff expires the garbage feed is tried again, and its failures count up
  const later = new Date(Date.now() + 7 * 60 * 60_000);
  const retry = await run([server.url('/garbage.xml')], { now: () => later });
  assert.equal(retry.results[0].status, 'error');
  assert.equal(retry.feedState[0]!.failures, 2);
});

test('watch without allowPrivate refuses a feed on 127.0.0.1 and sends nothing', async (t) => {
  const server = new TestServer();
  await server.start();
  t.after(() => server.stop());
  server.routes.set('/rss.xml', (_req, res) => void res.writeHead(200).end('<rss><channel><title>x</title></channel></rss>'));
  const { MemoryFeedState } = await import('./state.js');
  const state = new MemoryFeedState();
  const store = { saveArticle: async () => assert.fail('nothing may be stored') } as unknown as WatchOptions['store'];
  const logs: string[] = [];
  const [result] = await pollFeeds([server.url('/rss.xml')], { store, state, pipeline, hostDelayMs: 0, log: (l) => logs.push(l) });
  assert.equal(result.status, 'error');
  assert.match(result.errors[0].message, /refused: 127\.0\.0\.1 is loopback/);
  assert.equal(server.requests.length, 0);
  assert.equal((await state.getFeed(server.url('/rss.xml')))!.failures, 1);
});
