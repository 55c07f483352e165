/** What is remembered about one feed between polls and across restarts. */
export interface FeedRecord {
  url: string;
  title?: string;
  /** validators from the last successful full fetch, sent back as If-None-Match / If-Modified-Since */
  etag?: string;
  lastModified?: string;
  /** consecutive failed polls; 0 after a success */
  failures: number;
  /** ISO time before which the feed is not polled (backoff); absent when it may be polled now */
  nextAttemptAt?: string;
  lastError?: string;
  lastPolledAt?: string;
}

/**
 * Watch state: feed validators and backoff, and the items already stored. Implementations
 * keep their own tables beside the store's (SQLite file or PostgreSQL database).
 */
export interface FeedState {
  readonly kind: 'sqlite' | 'postgres' | 'memory';
  /** create the tables when missing (idempotent) */
  migrate(): Promise<void>;
  getFeed(url: string): Promise<FeedRecord | undefined>;
  saveFeed(record: FeedRecord): Promise<void>;
  /** which of these item keys of the feed were already handled */
  seenKeys(feedUrl: string, keys: string[]): Promise<Set<string>>;
  markSeen(feedUrl: string, key: string, link?: string): Promise<void>;
  close(): Promise<void>;
}

/** Keeps state in memory only (tests, dry runs). */
export class MemoryFeedState implements FeedState {
  readonly kind = 'memory' as const;
  private readonly feeds = new Map<string, FeedRecord>();
  private readonly seen = new Map<string, Set<string>>();

  async migrate(): Promise<void> {}
  async getFeed(url: string): Promise<FeedRecord | undefined> {
    const r = this.feeds.get(url);
    return r ? { ...r } : undefined;
  }
  async saveFeed(record: FeedRecord): Promise<void> {
    this.feeds.set(record.url, { ...record });
  }
  async seenKeys(feedUrl: string, keys: string[]): Promise<Set<string>> {
    const s = this.seen.get(feedUrl) ?? new Set();
    return new Set(keys.filter((k) => s.has(k)));
  }
  async markSeen(feedUrl: string, key: string): Promise<void> {
    const s = this.seen.get(feedUrl) ?? new Set<string>();
    s.add(key);
    this.seen.set(feedUrl, s);
  }
  async close(): Promise<void> {}
}
