import type Database from 'better-sqlite3';
import { openSideSqlite } from '../store/side-tables.js';
import type { FeedRecord, FeedState } from './state.js';

export interface FeedRow {
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  next_attempt_at: string | Date | null;
  last_error: string | null;
  last_polled_at: string | Date | null;
}

export function feedFromRow(row: FeedRow): FeedRecord {
  const r: FeedRecord = { url: row.url, failures: Number(row.failures) };
  if (row.title) r.title = row.title;
  if (row.etag) r.etag = row.etag;
  if (row.last_modified) r.lastModified = row.last_modified;
  if (row.next_attempt_at) r.nextAttemptAt = toIso(row.next_attempt_at);
  if (row.last_error) r.lastError = row.last_error;
  if (row.last_polled_at) r.lastPolledAt = toIso(row.last_polled_at);
  return r;
}

function toIso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Watch state in its own tables of the store's SQLite file, through a connection of its
 * own; the store's migrations know nothing of these tables.
 */
export class SqliteFeedState implements FeedState {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(readonly path: string) {
    this.db = openSideSqlite(path);
  }

  async migrate(): Promise<void> {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS watch_feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        last_polled_at TEXT
      );
      CREATE TABLE IF NOT EXISTS watch_seen_items (
        feed_url TEXT NOT NULL,
        item_key TEXT NOT NULL,
        link TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, item_key)
      );`);
  }

  async getFeed(url: string): Promise<FeedRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM watch_feeds WHERE url = ?').get(url) as FeedRow | undefined;
    return row ? feedFromRow(row) : undefined;
  }

  async saveFeed(r: FeedRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO watch_feeds (url, title, etag, last_modified, failures, next_attempt_at, last_error, last_polled_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
           failures = excluded.failures, next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error,
           last_polled_at = excluded.last_polled_at`,
      )
      .run(r.url, r.title ?? null, r.etag ?? null, r.lastModified ?? null, r.failures, r.nextAttemptAt ?? null, r.lastError ?? null, r.lastPolledAt ?? null);
  }

  async seenKeys(feedUrl: string, keys: string[]): Promise<Set<string>> {
    const stmt = this.db.prepare('SELECT 1 FROM watch_seen_items WHERE feed_url = ? AND item_key = ?').pluck();
    return new Set(keys.filter((k) => stmt.get(feedUrl, k) !== undefined));
  }

  async markSeen(feedUrl: string, key: string, link?: string): Promise<void> {
    this.db
      .prepare('INSERT INTO watch_seen_items (feed_url, item_key, link, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(feedUrl, key, link ?? null, new Date().toISOString());
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
