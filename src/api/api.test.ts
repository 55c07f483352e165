import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApi } from './app.js';
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
    for (const [path, status] of [['/api/events?type=BOMB', 400], ['/api/events?from=yesterday', 400], ['/api/events?bbox=1,2', 400], ['/api/events?country=Armenia', 400], ['/api/events?cursor=zzz', 400], ['/api/events?limit=0', 400]] as const) {
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
