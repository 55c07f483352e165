import type { DocumentJson } from '../serialize/document-json.js';
import type { ArticleRows } from './article-rows.js';
import type { EventFilter } from '../query/event-filter.js';
import type { EventCountKey, EventRow } from '../query/event-rows.js';
import type { QuoteFilter } from '../query/quote-filter.js';

/** What the pipeline hands the store for one analysed article. */
export interface ArticleRecord {
  /** stable id: given by the input, else derived from the content hash */
  id: string;
  contentHash: string;
  url?: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  origin?: string;
  pipelineVersion: string;
  document: DocumentJson;
  /** what the store writes for it, when computed in advance (article-rows.ts); else the store computes it */
  rows?: ArticleRows;
}

export type SaveStatus = 'stored' | 'duplicate' | 'updated';

export interface ArticleSummary {
  id: string;
  title?: string;
  outlet?: string;
  url?: string;
  publishedAt?: string;
  origin?: string;
  pipelineVersion: string;
  ingestedAt: string;
  chars: number;
  counts: Record<string, number>;
}

export interface StoredArticle extends ArticleSummary {
  contentHash: string;
  document: DocumentJson;
}

export interface Page<T> {
  items: T[];
  /** opaque cursor for the next page, absent on the last page */
  nextCursor?: string;
}

export interface SearchHit {
  id: string;
  title?: string;
  snippet: string;
  score: number;
}

/**
 * The one storage interface. SQLite is the embedded default; PostgreSQL implements
 * the same interface and passes the same conformance suite. Every write is one
 * transaction: an article is stored whole or not at all.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** bring the schema up to date (idempotent) */
  migrate(): Promise<void>;
  /** store an analysed article; the same content (or the same URL with the same content) is a no-op */
  saveArticle(record: ArticleRecord): Promise<{ id: string; status: SaveStatus }>;
  hasContent(contentHash: string): Promise<string | undefined>;
  getArticle(id: string): Promise<StoredArticle | undefined>;
  listArticles(options?: { limit?: number; cursor?: string }): Promise<Page<ArticleSummary>>;
  countArticles(): Promise<number>;
  /**
   * Stored events that `eventMatches(filter)` accepts, filtered by the database: newest
   * stored article first, one article's events in document order. `limit` is 1–1000
   * (default 100); a bad cursor is a StoreError "invalid cursor".
   */
  queryEvents(filter: EventFilter, options?: { limit?: number; cursor?: string }): Promise<Page<EventRow>>;
  /** the same page as queryEvents, each event as the JSON text of its flat row (query/event-rows.ts eventItem), stored ready to send */
  queryEventItems(filter: EventFilter, options?: { limit?: number; cursor?: string }): Promise<Page<string>>;
  /** How many stored events the filter selects, by day, month, PLOVER type or place country; sorted by key, unknown (null) last */
  countEvents(filter: EventFilter, by: EventCountKey): Promise<{ key: string | null; count: number }[]>;
  /** Stored quotes that `quoteMatches(filter)` accepts, each the JSON text of its QuoteItem, in the order of queryEvents */
  queryQuotes(filter: QuoteFilter, options?: { limit?: number; cursor?: string }): Promise<Page<string>>;
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
  close(): Promise<void>;
}

export class StoreError extends Error {}
