import type pg from 'pg';
import { fillPostgresEvents, POSTGRES_EVENTS_SQL } from './postgres-events.js';
import { fillPostgresQuotes, POSTGRES_QUOTES_SQL } from './postgres-quotes.js';
import { createTextIndexes } from './postgres-text-index.js';

/**
 * Ordered schema migrations for PostgreSQL; each runs once, inside a transaction, under an
 * advisory lock so that two processes migrating the same schema at once cannot collide.
 * Tables live in the connection's current schema (the first entry of search_path).
 */
export const POSTGRES_MIGRATIONS: { version: number; name: string; sql: string; fill?: (c: pg.PoolClient) => Promise<void> }[] = [
  {
    version: 1,
    name: 'articles',
    // id uses the "C" collation so that ordering (and therefore the list cursor) matches SQLite's
    // binary ordering. The 'simple' text search configuration does not stem, like SQLite's
    // unicode61 tokenizer; `search` is generated so that it can never go stale.
    sql: `
      CREATE TABLE articles (
        id TEXT COLLATE "C" PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published_at TEXT,
        origin TEXT,
        pipeline_version TEXT NOT NULL,
        ingested_at TIMESTAMPTZ NOT NULL,
        chars INTEGER NOT NULL,
        counts JSONB NOT NULL,
        document JSONB NOT NULL,
        body TEXT NOT NULL,
        search TSVECTOR GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') || to_tsvector('simple'::regconfig, body)
        ) STORED
      );
      CREATE INDEX articles_url ON articles (url);
      CREATE INDEX articles_order ON articles (ingested_at DESC, id DESC);
      CREATE INDEX articles_search ON articles USING GIN (search);
    `,
  },
  {
    version: 2,
    name: 'jobs',
    // The work queue shared by `sitrep worker` processes (src/store/jobs/). A job is claimed with
    // FOR UPDATE SKIP LOCKED and held by a lease; a worker that dies leaves a lease that expires, and
    // the job is claimed again. dedupe_key makes enqueueing idempotent (an article's content hash).
    sql: `
      CREATE TABLE jobs (
        id BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL,
        dedupe_key TEXT NOT NULL UNIQUE,
        payload JSONB NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL DEFAULT 5,
        lease_owner TEXT,
        lease_expires_at TIMESTAMPTZ,
        last_error TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'running');
    `,
  },
  {
    version: 3,
    name: 'events',
    // one row per event of each stored document, for filtering in SQL (../event-index.ts);
    // a database made before it gets the events of its stored documents here
    sql: POSTGRES_EVENTS_SQL,
    fill: fillPostgresEvents,
  },
  {
    version: 4,
    name: 'quotes',
    sql: POSTGRES_QUOTES_SQL,
    fill: fillPostgresQuotes,
  },
  {
    version: 5,
    name: 'event text indexes',
    // trigram indexes for the q and actor filters, when pg_trgm is available (postgres-text-index.ts)
    sql: '',
    fill: createTextIndexes,
  },
  {
    version: 6,
    name: 'lz4 documents',
    // a stored document (~100 KB of JSON) is compressed by PostgreSQL's default pglz in ~1.5 ms
    // more than by lz4 (measured: 3.5 against 2.0 ms per insert); servers built without lz4 keep pglz
    sql: '',
    fill: compressDocumentsWithLz4,
  },
  {
    version: 7,
    name: 'documents as text',
    // jsonb parsed every stored document (~130 KB) on the server on each save: ~1.5 ms of a
    // 4 ms insert, for a column only ever read back whole. Text keeps JSON.stringify's output
    // byte for byte (jsonb reordered keys and could not hold an escaped U+0000). The rewrite
    // keeps every document; the compression is set again in case the rewrite dropped it.
    sql: 'ALTER TABLE articles ALTER COLUMN document TYPE TEXT USING document::text',
    fill: compressDocumentsWithLz4,
  },
];

/** The document column compressed with lz4 where the server has it (else pglz stays). */
async function compressDocumentsWithLz4(c: pg.PoolClient): Promise<void> {
  await c.query('SAVEPOINT lz4');
  try {
    await c.query('ALTER TABLE articles ALTER COLUMN document SET COMPRESSION lz4');
    await c.query('RELEASE SAVEPOINT lz4');
  } catch {
    await c.query('ROLLBACK TO SAVEPOINT lz4');
  }
}
