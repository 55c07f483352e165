import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { articleRecord } from '../store/record.js';
import { eventFixtureDocuments } from '../store/conformance/event-fixtures.js';
import { eventRowsOf } from '../query/event-rows.js';
import { parseEventFilter } from '../query/event-filter.js';
import { parseQuoteFilter, quoteItemsOf, quoteMatches } from '../query/quote-filter.js';
import { createApi } from './app.js';
import type { Store } from '../store/store.js';
import { openStore } from '../store/open-store.js';
import { describePostgres, freshSchema } from '../store/jobs/test-postgres.js';
import { API_SCHEMAS, openApiDocument } from './openapi.js';

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'sitrep', components: { schemas: API_SCHEMAS } });
function assertMatches(schema: string, body: unknown): void {
  const validate = ajv.getSchema(`sitrep#/components/schemas/${schema}`)!;
  assert.ok(validate(body), `${schema}: ${JSON.stringify(validate.errors)}`);
}

async function setup(apiKey?: string) {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'sitrep-api-')), 'api.db'));
  await store.migrate();
  const app = createApi({ store, pipeline: await createDefaultPipeline(), apiKey, maxBodyBytes: 20_000 });
  return { app, store };
}

// response bodies are checked against the schemas, so reading them untyped is fine
const body = (res: Response): Promise<any> => res.json();

const article = { id: 'api-1', text: 'Militants attacked a police post in the north on Monday, killing two officers, the governor said.', outlet: 'Test Wire', publishedAt: '2024-06-04' };

test('POST then GET: the article comes back with its layers, and responses match the OpenAPI schemas', async () => {
  const { app, store } = await setup();
  try {
    const post = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
    assert.equal(post.status, 201);
    const saved = await body(post);
    assertMatches('SaveResult', saved);
    const again = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
    assert.equal(again.status, 200);
    assert.equal((await body(again)).status, 'duplicate');
    const text = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Floods cut the coastal road on Sunday, officials said.' });
    assert.equal(text.status, 201);

    const list = await body(await app.request('/api/articles?limit=1'));
    assertMatches('ArticlePage', list);
    assert.equal(list.items.length, 1);
    const next = await body(await app.request(`/api/articles?limit=1&cursor=${list.nextCursor}`));
    assert.notEqual(next.items[0].id, list.items[0].id);

    const one = await body(await app.request('/api/articles/api-1'));
    assertMatches('StoredArticle', one);
    assert.ok(one.document.layers.sentences.length >= 1);
    const hits = await body(await app.request('/api/search?q=police%20post'));
    assertMatches('SearchResults', hits);
    assert.equal(hits.items[0].id, 'api-1');
  } finally {
    await store.close();
  }
});

test('malformed requests get a 4xx JSON error with a message, never a 500', async () => {
  const { app, store } = await setup();
  try {
    const cases: [string, RequestInit | undefined, number][] = [
      ['/api/articles?limit=abc', undefined, 400],
      ['/api/articles?limit=0', undefined, 400],
      ['/api/articles?limit=99999', undefined, 400],
      ['/api/articles?cursor=garbage', undefined, 400],
      ['/api/articles/nope', undefined, 404],
      ['/api/search', undefined, 400],
      ['/api/search?q=%20', undefined, 400],
      ['/api/nothing-here', undefined, 404],
      ['/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }, 400],
      ['/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"no text"}' }, 400],
      ['/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": 5}' }, 400],
      ['/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '   ' }, 400],
      ['/api/articles', { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' }, 415],
      ['/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(30_000) }, 413],
    ];
    for (const [path, init, status] of cases) {
      const res = await app.request(path, init);
      assert.equal(res.status, status, `${init?.method ?? 'GET'} ${path}`);
      const error = await body(res);
      assertMatches('Error', error);
      assert.ok(error.error.message.length > 5);
    }
  } finally {
    await store.close();
  }
});

test('with an API key, writes need it and reads do not', async () => {
  const { app, store } = await setup('s3cret');
  try {
    const json = JSON.stringify(article);
    assert.equal((await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json })).status, 401);
    assert.equal((await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' }, body: json })).status, 401);
    assert.equal((await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret' }, body: json })).status, 201);
    assert.equal((await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-api-key': 's3cret' }, body: 'Another short report about talks.' })).status, 201);
    assert.equal((await app.request('/api/articles')).status, 200);
  } finally {
    await store.close();
  }
});

test('the OpenAPI document is served and lists every route', async () => {
  const { app, store } = await setup();
  try {
    const doc = await body(await app.request('/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), Object.keys(openApiDocument().paths).sort());
    assert.ok(doc.paths['/api/articles'].post);
  } finally {
    await store.close();
  }
});

test('events: filters are validated and pages follow the cursor', async () => {
  const { app, store } = await setup();
  try {
    const malformed = [
      '/api/events?type=BOMB', '/api/events?from=yesterday', '/api/events?to=2024-13-45', '/api/events?from=2024-05-02&to=2024-05-01', '/api/events?bbox=1,2',
      '/api/events?bbox=0,91,1,92', '/api/events?bbox=a,b,c,d', '/api/events?country=Armenia', '/api/events?country=A1', '/api/events?cursor=zzz',
      '/api/events?cursor=WzBd', '/api/events?cursor=WyJ4Il0', '/api/events?limit=0', '/api/events?limit=1001', '/api/events?limit=ten',
    ];
    for (const [path, status] of malformed.map((p) => [p, 400] as const)) {
      const res = await app.request(path);
      assert.equal(res.status, status, path);
      assertMatches('Error', await body(res));
    }
    await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Soldiers shelled the village on Monday, killing three people. Police arrested two men on Tuesday.' });
    assertMatches('ClusterList', await body(await app.request('/api/clusters')));
    const page = await body(await app.request('/api/events?limit=1'));
    assertMatches('EventPage', page);
    if (page.nextCursor) assertMatches('EventPage', await body(await app.request(`/api/events?limit=1&cursor=${page.nextCursor}`)));
  } finally {
    await store.close();
  }
});

test('events follow an updated article (the event cache re-reads what changed)', async () => {
  const { app, store } = await setup();
  try {
    const post = (text: string) => app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, url: 'https://example.test/story', publishedAt: '2024-02-01' }) });
    await post('Gunmen attacked a convoy near Arden on Monday, killing four drivers, police said.');
    const first = await body(await app.request('/api/events'));
    assert.ok(first.items.some((e: any) => /convoy/.test(e.sentence)));
    assert.equal((await body(await post('Police arrested nine suspects in Arden on Wednesday, the interior ministry said.'))).status, 'updated');
    const second = await body(await app.request('/api/events'));
    assert.ok(second.items.length > 0);
    assert.ok(second.items.every((e: any) => !/convoy/.test(e.sentence)), 'the old version events are gone');
  } finally {
    await store.close();
  }
});

/** The fixture events stored directly, so each filter's answer is known from eventMatches. */
async function setupWithFixtures() {
  const { app, store } = await setup();
  const docs = eventFixtureDocuments();
  for (const d of docs) await store.saveArticle(articleRecord(d));
  const expected = (params: Record<string, string>) => {
    const filter = parseEventFilter(params);
    return [...docs].reverse().flatMap((d) => eventRowsOf(d.meta.id!, d, filter).map((r) => `${r.articleId}/${r.event.id}`));
  };
  return { app, store, expected };
}

async function allPages(app: Awaited<ReturnType<typeof setup>>['app'], query: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '';
  do {
    const res = await app.request(`/api/events?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(res.status, 200, query);
    const page = await body(res);
    assertMatches('EventPage', page);
    keys.push(...page.items.map((e: any) => `${e.article_id}/${e.event_id}`));
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return keys;
}

const FILTER_CASES: Record<string, Record<string, string>[]> = {
  from: [{ from: '2024-05-07' }, { from: '2024-06-01' }],
  to: [{ to: '2024-05-07' }, { to: '2023-12-31' }],
  type: [{ type: 'ASSAULT' }, { type: 'protest,request' }],
  acled: [{ acled: 'Battles' }, { acled: 'arrests,Peaceful protest' }],
  actor: [{ actor: 'AZE' }, { actor: 'united nations' }],
  country: [{ country: 'AM' }, { country: 'arm' }, { country: 'TR,COD' }],
  bbox: [{ bbox: '44,40,46,41' }, { bbox: '20,-5,30,45' }],
  q: [{ q: 'Shelled' }, { q: 'öğrenci' }],
  background: [{ background: 'true' }, { background: 'true', type: 'ASSAULT' }],
};

for (const [name, cases] of Object.entries(FILTER_CASES)) {
  test(`events filter "${name}": the API answers what eventMatches selects, page by page`, async () => {
    const { app, store, expected } = await setupWithFixtures();
    try {
      const unfiltered = expected({});
      for (const params of cases) {
        const want = expected(params);
        assert.ok(want.length > 0, `${JSON.stringify(params)} selects something`);
        if (name !== 'background') assert.ok(want.length < unfiltered.length, `${JSON.stringify(params)} leaves something out`);
        assert.deepEqual(await allPages(app, new URLSearchParams(params).toString()), want, JSON.stringify(params));
      }
    } finally {
      await store.close();
    }
  });
}

test('events: every filter at once, and the rows carry the flat fields the dashboard reads', async () => {
  const { app, store, expected } = await setupWithFixtures();
  try {
    const params = { from: '2024-01-01', to: '2024-12-31', type: 'ASSAULT,COERCE,PROTEST', acled: 'protests,battles,arrests', actor: 'o', country: 'AM,TR', bbox: '20,30,50,50', q: 'in' };
    assert.deepEqual(await allPages(app, new URLSearchParams(params).toString()), expected(params));
    const page = await body(await app.request('/api/events?country=AM&limit=10'));
    const shelled = page.items.find((e: any) => e.event_id === 'fx-a-e1');
    assert.equal(shelled.trigger, 'shelled');
    assert.equal(shelled.latitude, 40.88);
    assert.equal(shelled.acled_event_type, 'Explosions/Remote violence');
    assert.equal(shelled.quotes.length, 1);
  } finally {
    await store.close();
  }
});

test('quotes: each filter answers what quoteMatches selects, pages follow the cursor, bad input is a 400', async () => {
  const { app, store } = await setupWithFixtures();
  try {
    const docs = eventFixtureDocuments();
    const all = async (query: string) => {
      const ids: string[] = [];
      let cursor = '';
      do {
        const res = await app.request(`/api/quotes?${query}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(res.status, 200, query);
        const page = await body(res);
        assertMatches('QuotePage', page);
        ids.push(...page.items.map((q: any) => q.quote_id));
        cursor = page.nextCursor ?? '';
      } while (cursor);
      return ids;
    };
    const everything = await all('');
    const cases: Record<string, string>[] = [{ speaker: 'Defence' }, { actor: 'ARM GOV' }, { article: 'fx-c' }, { q: 'MARCHED' }, { direct: 'true' }, { direct: 'false', article: 'fx-a' }];
    for (const params of cases) {
      const filter = parseQuoteFilter(params);
      const want = [...docs].reverse().flatMap((d) => quoteItemsOf(d.meta.id!, d).filter((q) => quoteMatches(q.quote, d.meta.id!, filter)).map((q) => q.item.quote_id));
      assert.ok(want.length > 0 && want.length < everything.length, JSON.stringify(params));
      assert.deepEqual(await all(new URLSearchParams(params).toString()), want, JSON.stringify(params));
    }
    for (const path of ['/api/quotes?direct=maybe', '/api/quotes?limit=0', '/api/quotes?cursor=nope']) {
      const res = await app.request(path);
      assert.equal(res.status, 400, path);
      assertMatches('Error', await body(res));
    }
  } finally {
    await store.close();
  }
});

test('counts: events counted by day, month, type and country under the event filter', async () => {
  const { app, store, expected } = await setupWithFixtures();
  try {
    const byType = await body(await app.request('/api/counts?by=type'));
    assertMatches('EventCounts', byType);
    assert.equal(byType.items.reduce((n: number, c: any) => n + c.count, 0), expected({}).length);
    const assaults = await body(await app.request('/api/counts?by=country&type=ASSAULT&background=true'));
    assertMatches('EventCounts', assaults);
    assert.equal(assaults.items.reduce((n: number, c: any) => n + c.count, 0), expected({ type: 'ASSAULT', background: 'true' }).length);
    assert.ok(assaults.items.some((c: any) => c.key === 'AM' && c.count === 2));
    const months = await body(await app.request('/api/counts?by=month&country=CD'));
    assertMatches('EventCounts', months);
    assert.deepEqual(months.items, [{ key: '2023-12', count: 1 }, { key: '2024-01', count: 1 }]);
    const days = await body(await app.request('/api/counts?by=day&background=true&country=AM,FJ'));
    assert.deepEqual(days.items.at(-1), { key: null, count: 1 }, 'events without a date count under null, last');
    assertMatches('EventCounts', await body(await app.request('/api/counts')));
    for (const path of ['/api/counts?by=weekday', '/api/counts?from=soon']) {
      const res = await app.request(path);
      assert.equal(res.status, 400, path);
      assertMatches('Error', await body(res));
    }
  } finally {
    await store.close();
  }
});

/** The cluster filter on one store: a story's events are exactly its articles' events; bad ids are refused. */
async function clusterFilterCase(store: Store): Promise<void> {
  await store.migrate();
  const app = createApi({ store, pipeline: await createDefaultPipeline() });
  const docs = eventFixtureDocuments();
  for (const d of docs) await store.saveArticle(articleRecord(d));
  const stories = (await body(await app.request('/api/clusters'))).items as { id: string; articles: { id: string }[] }[];
  const story = stories.find((s) => s.articles.length < docs.length)!;
  assert.ok(story, 'the fixtures make more than one story');
  const articleIds = story.articles.map((a) => a.id);
  const want = [...docs].reverse().flatMap((d) => eventRowsOf(d.meta.id!, d, { includeBackground: true, articleIds }).map((r) => `${r.articleId}/${r.event.id}`));
  const everything = await allPages(app, 'background=true');
  assert.ok(want.length > 0 && want.length < everything.length, 'the story holds some of the events, not all');
  assert.deepEqual(await allPages(app, `cluster=${story.id}&background=true`), want);
  // with another filter, both hold
  const assaults = await allPages(app, `cluster=${story.id}&type=ASSAULT`);
  assert.deepEqual(assaults, want.filter((k) => assaults.includes(k)));
  for (const bad of ['12', 'story-', 'story-x', 'story-1;drop']) {
    const res = await app.request(`/api/events?cluster=${encodeURIComponent(bad)}`);
    assert.equal(res.status, 400, bad);
    assert.match((await body(res)).error.message, /"cluster" takes a story id/);
  }
  const unknown = await app.request('/api/events?cluster=story-999999');
  assert.equal(unknown.status, 404);
  assert.match((await body(unknown)).error.message, /no story with id "story-999999"/);
}

test('events: cluster=<story id> selects the story\'s events (SQLite)', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'sitrep-api-')), 'api.db'));
  try {
    await clusterFilterCase(store);
  } finally {
    await store.close();
  }
});

await describePostgres('events: cluster=<story id> selects the story\'s events (PostgreSQL)', () => {
  test('events: cluster=<story id> selects the story\'s events (PostgreSQL)', async () => {
    const { url, drop } = freshSchema('api_cluster');
    const store = await openStore(url);
    try {
      await clusterFilterCase(store);
    } finally {
      await store.close();
      await drop();
    }
  });
});
