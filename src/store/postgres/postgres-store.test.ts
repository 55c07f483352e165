import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openStore } from '../open-store.js';
import { storeConformanceSuite } from '../conformance/suite.js';
import { eventFixtureDocuments } from '../conformance/event-fixtures.js';
import { eventRowsOf } from '../../query/event-rows.js';
import { articleRecord } from '../record.js';
import { StoreError, type Store } from '../store.js';
import { redactLocation } from './connection.js';
import { PostgresStore } from './postgres-store.js';

/** The server the suite runs against; each test gets its own schema there, dropped afterwards. */
export const TEST_PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://127.0.0.1:5432/test';

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function unreachableReason(): Promise<string | undefined> {
  try {
    await withClient((c) => c.query('SELECT 1'));
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0] || String(err);
  }
}

const reason = await unreachableReason();
const where = redactLocation(TEST_PG_URL);

if (reason !== undefined) {
  if (process.env.CI) {
    // CI promises a server: a missing one is a failure, not a reason to skip
    test('postgres: server reachable (required when CI is set)', () => {
      assert.fail(`PostgreSQL unreachable at ${where}: ${reason}`);
    });
  } else {
    test('postgres: conformance suite', { skip: `PostgreSQL unreachable at ${where} (${reason}); start it or set SITREP_TEST_PG` }, () => {});
  }
} else {
  let n = 0;
  const run = `${process.pid}_${Date.now().toString(36)}`;
  /** A store in a schema of its own, not yet migrated; closed and its schema dropped afterwards. */
  const withFreshStore = async (fn: (store: PostgresStore, schema: string) => Promise<void>): Promise<void> => {
    const schema = `sitrep_test_${run}_${n++}`;
    const store = new PostgresStore(TEST_PG_URL, { schema });
    try {
      await fn(store, schema);
    } finally {
      await store.close();
      await withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    }
  };
  storeConformanceSuite('postgres', async (sameDatabaseAs?: Store) => {
    if (sameDatabaseAs) {
      const other = new PostgresStore(TEST_PG_URL, { schema: (sameDatabaseAs as PostgresStore).schema! });
      await other.migrate();
      return other;
    }
    const schema = `sitrep_test_${run}_${n++}`;
    const store = new PostgresStore(TEST_PG_URL, { schema });
    await store.migrate();
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      await withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    };
    return store;
  });

  test('postgres: migrate creates the schema and its migrations table', () =>
    withFreshStore(async (store, schema) => {
      await store.migrate();
      const rows = await withClient((c) => c.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`));
      assert.ok(rows.rows.length >= 1);
      assert.equal(rows.rows[0].version, 1);
    }));
  test('postgres: a database made before the events table gets its events from stored documents on migrate', () =>
    withFreshStore(async (store, schema) => {
      await store.migrate();
      const docs = eventFixtureDocuments();
      for (const d of docs) await store.saveArticle(articleRecord(d));
      // back to schema version 2: no events table at all
      await withClient((c) => c.query(`DROP TABLE "${schema}".events, "${schema}".event_rows, "${schema}".quotes; DELETE FROM "${schema}".schema_migrations WHERE version >= 3`));
      await store.migrate();
      const page = await store.queryEvents({ includeBackground: true, includeRestated: true }, { limit: 1000 });
      assert.deepEqual(
        page.items.map((r) => `${r.articleId}/${r.event.id}`),
        [...docs].reverse().flatMap((d) => eventRowsOf(d.meta.id!, d).map((r) => `${r.articleId}/${r.event.id}`)),
      );
      assert.equal((await store.queryQuotes({})).items.length, docs.reduce((n, d) => n + (d.layers.quotes as unknown[]).length, 0));
    }));

  test('postgres: documents stored as jsonb before migration 7 read back whole as text after it, and new ones keep U+0000', () =>
    withFreshStore(async (store, schema) => {
      await store.migrate();
      const docs = eventFixtureDocuments();
      for (const d of docs) await store.saveArticle(articleRecord(d));
      // back to schema version 6: documents in a jsonb column
      await withClient((c) => c.query(`ALTER TABLE "${schema}".articles ALTER COLUMN document TYPE jsonb USING document::jsonb; DELETE FROM "${schema}".schema_migrations WHERE version >= 7`));
      await store.migrate();
      const type = await withClient((c) => c.query("SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'articles' AND column_name = 'document'", [schema]));
      assert.equal(type.rows[0].data_type, 'text');
      for (const d of docs) assert.deepEqual((await store.getArticle(d.meta.id!))?.document, JSON.parse(JSON.stringify(d)));
      const withNul = eventFixtureDocuments()[0]!;
      const nulDoc = { ...withNul, meta: { id: 'fx-nul' }, raw: `${withNul.raw}\u0000` };
      await store.saveArticle(articleRecord(nulDoc));
      assert.equal((await store.getArticle('fx-nul'))?.document.raw, nulDoc.raw);
    }));

  test('postgres: openStore opens a postgres:// URL, with ?schema= keeping the tables apart', async () => {
    const schema = `sitrep_test_${run}_${n++}`;
    const url = new URL(TEST_PG_URL);
    url.searchParams.set('schema', schema);
    try {
      const store = await openStore(url.toString());
      try {
        assert.equal(store.kind, 'postgres');
        assert.equal(await store.countArticles(), 0);
        const tables = await withClient((c) => c.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [schema, 'articles']));
        assert.equal(tables.rowCount, 1);
      } finally {
        await store.close();
      }
    } finally {
      await withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    }
  });

  test('postgres: openStore says in one line when the database does not exist', async () => {
    const url = new URL(TEST_PG_URL);
    url.pathname = '/sitrep_no_such_database';
    url.password = url.username ? 's3cret' : '';
    await assert.rejects(openStore(url.toString()), (err: Error) => {
      assert.ok(err instanceof StoreError);
      assert.match(err.message, /^cannot open PostgreSQL at \S+sitrep_no_such_database: database does not exist/);
      assert.doesNotMatch(err.message, /s3cret|\n/);
      return true;
    });
  });
}
