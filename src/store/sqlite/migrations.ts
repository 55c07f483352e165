/** Ordered schema migrations; each runs once, inside a transaction. */
export const SQLITE_MIGRATIONS: { version: number; name: string; sql: string }[] = [
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
];
