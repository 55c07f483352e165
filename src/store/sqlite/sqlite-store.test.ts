import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformanceSuite } from '../conformance/suite.js';
import { eventFixtureDocuments } from '../conformance/event-fixtures.js';
import { eventRowsOf } from '../../query/event-rows.js';
import { articleRecord } from '../record.js';
import type { Store } from '../store.js';
import { SqliteStore } from './sqlite-store.js';

let n = 0;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));

storeConformanceSuite('sqlite', async (sameDatabaseAs?: Store) => {
  const path = sameDatabaseAs ? (sameDatabaseAs as SqliteStore).path : join(dir, `store-${n++}.db`);
  const store = new SqliteStore(path);
  await store.migrate();
  return store;
});

test('sqlite: a database made before the events table gets its events from stored documents on migrate', async () => {
  const path = join(dir, `store-${n++}.db`);
  const store = new SqliteStore(path);
  await store.migrate();
  const docs = eventFixtureDocuments();
  for (const d of docs) await store.saveArticle(articleRecord(d));
  await store.close();
  // back to schema version 1: no events table at all
  const raw = new Database(path);
  raw.exec('DROP TABLE events; DROP TABLE event_rows; DROP TABLE quotes; DELETE FROM schema_migrations WHERE version >= 2');
  raw.close();
  const reopened = new SqliteStore(path);
  try {
    await reopened.migrate();
    const page = await reopened.queryEvents({ includeBackground: true, includeRestated: true }, { limit: 1000 });
    assert.deepEqual(
      page.items.map((r) => `${r.articleId}/${r.event.id}`),
      [...docs].reverse().flatMap((d) => eventRowsOf(d.meta.id!, d).map((r) => `${r.articleId}/${r.event.id}`)),
    );
    assert.equal((await reopened.queryQuotes({})).items.length, docs.reduce((n, d) => n + (d.layers.quotes as unknown[]).length, 0));
  } finally {
    await reopened.close();
  }
});
