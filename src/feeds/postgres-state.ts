import type pg from 'pg';
import { createSidePostgresTables, openSidePostgres } from '../store/side-tables.js';
import { feedFromRow } from './sqlite-state.js';
import type { FeedRecord, FeedState } from './state.js';

/** Watch state in its own tables of the store's PostgreSQL database (optionally in a schema). */
export class PostgresFeedState implements FeedState {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly prefix: string;

  constructor(connectionString: string, options: { schema?: string } = {}) {
    ({ pool: this.pool, prefix: this.prefix } = openSidePostgres(connectionString, options.schema));
  }

  async migrate(): Promise<void> {
    await createSidePostgresTables(this.pool, this.prefix, 'watch', `
      CREATE TABLE IF NOT EXISTS ${this.prefix}watch_feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ,
        last_error TEXT,
        last_polled_at TIMESTAMPTZ
      );
      CREATE TABLE IF NOT EXISTS ${this.prefix}watch_seen_items (
        feed_url TEXT NOT NULL,
        item_key TEXT NOT NULL,
        link TEXT,
        seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (feed_url, item_key)
      );`);
  }

  async getFeed(url: string): Promise<FeedRecord | undefined> {
    const { rows } = await this.pool.query(`SELECT * FROM ${this.prefix}watch_feeds WHERE url = $1`, [url]);
    return rows[0] ? feedFromRow(rows[0]) : undefined;
  }

  async saveFeed(r: FeedRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.prefix}watch_feeds (url, title, etag, last_modified, failures, next_attempt_at, last_error, last_polled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (url) DO UPDATE SET title = EXCLUDED.title, etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
         failures = EXCLUDED.failures, next_attempt_at = EXCLUDED.next_attempt_at, last_error = EXCLUDED.last_error,
         last_polled_at = EXCLUDED.last_polled_at`,
      [r.url, r.title ?? null, r.etag ?? null, r.lastModified ?? null, r.failures, r.nextAttemptAt ?? null, r.lastError ?? null, r.lastPolledAt ?? null],
    );
  }

  async seenKeys(feedUrl: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await this.pool.query<{ item_key: string }>(
      `SELECT item_key FROM ${this.prefix}watch_seen_items WHERE feed_url = $1 AND item_key = ANY($2::text[])`,
      [feedUrl, keys],
    );
    return new Set(rows.map((r) => r.item_key));
  }

  async markSeen(feedUrl: string, key: string, link?: string): Promise<void> {
    await this.pool.query(`INSERT INTO ${this.prefix}watch_seen_items (feed_url, item_key, link) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [feedUrl, key, link ?? null]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
