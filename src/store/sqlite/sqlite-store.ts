import Database from 'better-sqlite3';
import { rowsFor } from '../article-rows.js';
import { decodeCursor, encodeCursor, summaryFromRow, type SummaryColumns } from '../record.js';
import { StoreError, type ArticleRecord, type ArticleSummary, type Page, type SaveStatus, type SearchHit, type Store, type StoredArticle } from '../store.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { SqliteEvents } from './sqlite-events.js';
import { SqliteQuotes } from './sqlite-quotes.js';
import type { QuoteFilter } from '../../query/quote-filter.js';
import type { EventFilter } from '../../query/event-filter.js';
import type { EventCountKey, EventRow } from '../../query/event-rows.js';

interface ArticleRow extends SummaryColumns {
  content_hash: string;
  ingested_at: string;
  counts: string;
  document?: string;
}

const SUMMARY_COLUMNS = 'id, content_hash, url, title, outlet, published_at, origin, pipeline_version, ingested_at, chars, counts';

function summary(row: ArticleRow): ArticleSummary {
  return summaryFromRow(row, row.ingested_at, JSON.parse(row.counts));
}

/** Quote each word for FTS5 so user text can never be read as query syntax. */
export function ftsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly events: SqliteEvents;
  private readonly quotes: SqliteQuotes;

  constructor(readonly path: string) {
    try {
      this.db = new Database(path);
    } catch (err) {
      throw new StoreError(`cannot open SQLite database ${path}: ${(err as Error).message}`);
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.events = new SqliteEvents(this.db);
    this.quotes = new SqliteQuotes(this.db);
  }

  async migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        m.fill?.(this.db);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      }).immediate();
    }
  }

  private saveStatements?: Record<'byHash' | 'byUrl' | 'byId' | 'insert' | 'update' | 'deleteText' | 'insertText', Database.Statement>;

  /** The statements of a save, prepared once (after migrate: they name its tables). */
  private saving() {
    this.saveStatements ??= {
      byHash: this.db.prepare('SELECT id FROM articles WHERE content_hash = ?').pluck(),
      byUrl: this.db.prepare('SELECT id FROM articles WHERE url = ? LIMIT 1').pluck(),
      byId: this.db.prepare('SELECT id FROM articles WHERE id = ?').pluck(),
      insert: this.db.prepare(`INSERT INTO articles (id, content_hash, url, title, outlet, published_at, origin, pipeline_version, ingested_at, chars, counts, document)
          VALUES (@id, @content_hash, @url, @title, @outlet, @published_at, @origin, @pipeline_version, @ingested_at, @chars, @counts, @document)`),
      update: this.db.prepare(`UPDATE articles SET content_hash=@content_hash, url=@url, title=@title, outlet=@outlet, published_at=@published_at, origin=@origin,
          pipeline_version=@pipeline_version, ingested_at=@ingested_at, chars=@chars, counts=@counts, document=@document WHERE id=@id`),
      deleteText: this.db.prepare('DELETE FROM articles_fts WHERE id = ?'),
      insertText: this.db.prepare('INSERT INTO articles_fts (id, title, body) VALUES (?, ?, ?)'),
    };
    return this.saveStatements;
  }

  async saveArticle(record: ArticleRecord): Promise<{ id: string; status: SaveStatus }> {
    const s = this.saving();
    const save = this.db.transaction((): { id: string; status: SaveStatus } => {
      const same = s.byHash.get(record.contentHash) as string | undefined;
      if (same) return { id: same, status: 'duplicate' };
      // the same URL or id with new content is a corrected version of that article
      const previous = (record.url ? s.byUrl.get(record.url) : undefined) as string | undefined;
      const existingId = previous ?? (s.byId.get(record.id) as string | undefined);
      const id = existingId ?? record.id;
      const rows = rowsFor(record, id);
      const values = {
        id,
        content_hash: record.contentHash,
        url: record.url ?? null,
        title: record.title ?? null,
        outlet: record.outlet ?? null,
        published_at: record.publishedAt ?? null,
        origin: record.origin ?? null,
        pipeline_version: record.pipelineVersion,
        ingested_at: new Date().toISOString(),
        chars: rows.chars,
        counts: rows.counts,
        document: rows.documentText,
      };
      if (existingId) {
        s.update.run(values);
        s.deleteText.run(existingId);
      } else {
        s.insert.run(values);
      }
      s.insertText.run(id, values.title ?? '', rows.body);
      // a new article has no events or quotes to replace
      this.events.write(id, rows.events, existingId !== undefined);
      this.quotes.write(id, rows.quotes, existingId !== undefined);
      return { id: values.id, status: existingId ? 'updated' : 'stored' };
    });
    return save.immediate();
  }

  async hasContent(contentHash: string): Promise<string | undefined> {
    return (this.db.prepare('SELECT id FROM articles WHERE content_hash = ?').get(contentHash) as { id: string } | undefined)?.id;
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, document FROM articles WHERE id = ?`).get(id) as ArticleRow | undefined;
    if (!row) return undefined;
    return { ...summary(row), contentHash: row.content_hash, document: JSON.parse(row.document!) };
  }

  async listArticles(options: { limit?: number; cursor?: string } = {}): Promise<Page<ArticleSummary>> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 1000);
    let rows: ArticleRow[];
    if (options.cursor) {
      const [at, id] = decodeCursor(options.cursor);
      rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE (ingested_at, id) < (?, ?) ORDER BY ingested_at DESC, id DESC LIMIT ?`).all(at, id, limit + 1) as ArticleRow[];
    } else {
      rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY ingested_at DESC, id DESC LIMIT ?`).all(limit + 1) as ArticleRow[];
    }
    const items = rows.slice(0, limit).map(summary);
    const last = rows.length > limit ? rows[limit - 1]! : undefined;
    return last ? { items, nextCursor: encodeCursor([last.ingested_at, last.id]) } : { items };
  }

  async queryEvents(filter: EventFilter, options: { limit?: number; cursor?: string } = {}): Promise<Page<EventRow>> {
    return this.events.query(filter, options);
  }

  async queryEventItems(filter: EventFilter, options: { limit?: number; cursor?: string } = {}): Promise<Page<string>> {
    return this.events.queryJson(filter, options, 'item');
  }

  async countEvents(filter: EventFilter, by: EventCountKey): Promise<{ key: string | null; count: number }[]> {
    return this.events.count(filter, by);
  }

  async queryQuotes(filter: QuoteFilter, options: { limit?: number; cursor?: string } = {}): Promise<Page<string>> {
    return this.quotes.query(filter, options);
  }

  async countArticles(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const q = ftsQuery(query);
    if (!q) return [];
    const rows = this.db
      .prepare(`SELECT f.id AS id, a.title AS title, snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS score
        FROM articles_fts f JOIN articles a ON a.id = f.id WHERE articles_fts MATCH ? ORDER BY score LIMIT ?`)
      .all(q, Math.min(options.limit ?? 20, 200)) as { id: string; title: string | null; snippet: string; score: number }[];
    return rows.map((r) => ({ id: r.id, ...(r.title ? { title: r.title } : {}), snippet: r.snippet, score: -r.score }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
