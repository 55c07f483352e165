import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { openFeedState } from './open-state.js';
import { MemoryFeedState, type FeedState } from './state.js';

const PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://127.0.0.1:5432/test';

/** What every FeedState must do; `reopen` gives a fresh connection to the same data. */
async function conformance(open: () => Promise<FeedState>, reopen: () => Promise<FeedState>): Promise<void> {
  const a = await open();
  assert.equal(await a.getFeed('https://f.example/rss'), undefined);
  await a.saveFeed({ url: 'https://f.example/rss', title: 'F', etag: '"e1"', lastModified: 'Wed, 06 Mar 2024 08:00:00 GMT', failures: 0, lastPolledAt: '2024-03-06T08:00:00.000Z' });
  await a.saveFeed({ url: 'https://f.example/bad', failures: 3, nextAttemptAt: '2030-01-01T00:00:00.000Z', lastError: 'broken XML' });
  await a.markSeen('https://f.example/rss', 'guid-1', 'https://f.example/1');
  await a.markSeen('https://f.example/rss', 'guid-1', 'https://f.example/1'); // idempotent
  await a.close();

  const b = await reopen();
  assert.deepEqual(await b.getFeed('https://f.example/rss'), { url: 'https://f.example/rss', title: 'F', etag: '"e1"', lastModified: 'Wed, 06 Mar 2024 08:00:00 GMT', failures: 0, lastPolledAt: '2024-03-06T08:00:00.000Z' });
  const bad = await b.getFeed('https://f.example/bad');
  assert.equal(bad?.failures, 3);
  assert.equal(bad?.nextAttemptAt, '2030-01-01T00:00:00.000Z');
  assert.equal(bad?.lastError, 'broken XML');
  assert.deepEqual([...(await b.seenKeys('https://f.example/rss', ['guid-1', 'guid-2']))], ['guid-1']);
  assert.equal((await b.seenKeys('https://other.example/rss', ['guid-1'])).size, 0, 'seen keys are per feed');
  assert.equal((await b.seenKeys('https://f.example/rss', [])).size, 0);
  // a success clears the backoff
  await b.saveFeed({ url: 'https://f.example/bad', failures: 0 });
  assert.deepEqual(await b.getFeed('https://f.example/bad'), { url: 'https://f.example/bad', failures: 0 });
  await b.close();
}

test('SQLite feed state: own tables in the store file, kept across reopen', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-feedstate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'x.db');
  const store = new SqliteStore(db);
  await store.migrate();
  await conformance(() => openFeedState(db), () => openFeedState(db));
  assert.equal(await store.countArticles(), 0, 'the store still works beside the watch tables');
  await store.close();
});

test('memory feed state', async () => {
  const m = new MemoryFeedState();
  await conformance(async () => m, async () => m);
});

test('PostgreSQL feed state in its own schema', async (t) => {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    t.skip(`PostgreSQL not reachable at ${PG_URL}: ${(err as Error).message}`);
    return;
  }
  const schema = `watch_test_${process.pid}_${Date.now()}`;
  t.after(async () => {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });
  const location = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  await conformance(() => openFeedState(location), () => openFeedState(location));
  const { rows } = await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema]);
  assert.deepEqual(rows.map((r) => r.table_name), ['watch_feeds', 'watch_seen_items']);
});
