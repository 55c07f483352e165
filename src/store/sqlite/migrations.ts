import type Database from 'better-sqlite3';
import { SQLITE_EVENTS_SQL, SqliteEvents } from './sqlite-events.js';
import { SQLITE_QUOTES_SQL, SqliteQuotes } from './sqlite-quotes.js';

/** Ordered schema migrations; each runs once, inside a transaction, then `fill` fills what it created from stored data. */
export const SQLITE_MIGRATIONS: { version: number; name: string; sql: string; fill?: (db: Database.Database) => void }[] = [
  {
    version: 1,
    name: 'articles',
    sql: `
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published_at TEXT,
        origin TEXT,
        pipeline_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        chars INTEGER NOT NULL,
        counts TEXT NOT NULL,
        document TEXT NOT NULL
      );
      CREATE INDEX articles_url ON articles(url);
      CREATE INDEX articles_order ON articles(ingested_at DESC, id DESC);
      CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 2,
    name: 'events',
    sql: SQLITE_EVENTS_SQL,
    fill: (db) => new SqliteEvents(db).fillFromArticles(),
  },
  {
    version: 3,
    name: 'quotes',
    sql: SQLITE_QUOTES_SQL,
    fill: (db) => new SqliteQuotes(db).fillFromArticles(),
  },
];
