import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import { rowsFor } from '../article-rows.js';
import { decodeCursor, encodeCursor, summaryFromRow, type SummaryColumns } from '../record.js';
import { StoreError, type ArticleRecord, type ArticleSummary, type Page, type SaveStatus, type SearchHit, type Store, type StoredArticle } from '../store.js';
import { checkSchemaName, describeConnectError } from './connection.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { countPostgresEvents, EventStatistics, queryPostgresEventJson, queryPostgresEvents, writePostgresEvents } from './postgres-events.js';
import { queryPostgresQuotes, writePostgresQuotes } from './postgres-quotes.js';
import { newArticleQuery } from './postgres-article-insert.js';
import { storedDocument } from './postgres-documents.js';
import type { QuoteFilter } from '../../query/quote-filter.js';
import type { EventFilter } from '../../query/event-filter.js';
import type { EventCountKey, EventRow } from '../../query/event-rows.js';

// Like libpq, default the user name to the OS user: pg reads only $USER, which is often unset
// in containers and CI, and would then send no user at all.
if (!pg.defaults.user && !process.env.PGUSER) {
  try {
    pg.defaults.user = userInfo().username;
  } catch {
    /* no passwd entry: leave it to the URL */
  }
}

interface ArticleRow extends SummaryColumns {
  content_hash: string;
  ingested_at: Date;
  counts: Record<string, number>;
  document?: unknown;
}

const SUMMARY_COLUMNS = 'id, content_hash, url, title, outlet, published_at, origin, pipeline_version, ingested_at, chars, counts';

function summary(row: ArticleRow): ArticleSummary {
  return summaryFromRow(row, row.ingested_at.toISOString(), row.counts);
}

/** The words of a user query, so that plainto_tsquery sees no punctuation (and there is no syntax to interpret). */
export function searchWords(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** A 64-bit advisory lock key for a string (advisory locks are per database, so the schema is part of the key). */
export function lockKey(key: string): bigint {
  return BigInt.asIntN(64, BigInt('0x' + createHash('sha256').update(key).digest('hex').slice(0, 16)));
}

/** PostgreSQL text and jsonb cannot hold U+0000; replace it (one code unit for one, so span offsets stay valid). */
function withoutNul(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}

export interface PostgresStoreOptions {
  /** keep the tables in this schema (created by migrate) instead of the connection's default */
  schema?: string;
  /** most connections the pool opens */
  max?: number;
  connectionTimeoutMillis?: number;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly schema: string | undefined;
  private readonly pool: pg.Pool;

  constructor(readonly connectionString: string, options: PostgresStoreOptions = {}) {
    this.schema = options.schema === undefined ? undefined : checkSchemaName(options.schema);
    this.pool = new pg.Pool({ connectionString, max: options.max ?? 5, connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000 });
    // an idle client losing its connection must not crash the process; the next query reports it
    this.pool.on('error', () => {});
    // The events table is read from memory: a row fetched through an index costs about what a row
    // of a walk in id order costs, not the default 4 times as much. With the default, the planner
    // walked 50k rows newest first rather than read the 900 rows of one country's index (15 ms vs 1).
    // JIT compiles a query whose estimated cost passes 100k (a count over some 2M events) first:
    // 65 ms measured for a count by month, more than the count itself. Not worth it for the API's reads.
    const setup = [...(this.schema ? [`SET search_path TO "${this.schema}"`] : []), 'SET random_page_cost = 1.1', 'SET jit = off'].join('; ');
    // queries queue per client, so this runs before anything the new client is asked to do
    this.pool.on('connect', (client) => void client.query(setup).catch(() => {}));
  }

  private async client(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      throw describeConnectError(this.connectionString, err);
    }
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    const client = await this.client();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      client.release();
    }
  }

  /**
   * Run `fn` in one transaction; any throw rolls everything back and the client goes back to the
   * pool clean. `first`: statements (no parameters) sent with BEGIN in the same round trip, whose
   * results `fn` gets; each takes its own snapshot, so one after a lock sees what the lock's holder committed.
   */
  private async transaction<T>(fn: (client: pg.PoolClient, first: pg.QueryResult[]) => Promise<T>, first: string[] = []): Promise<T> {
    const client = await this.client();
    let broken = false;
    try {
      const begun = await client.query(['BEGIN', ...first].join('; '));
      const result = await fn(client, first.length ? (begun as unknown as pg.QueryResult[]).slice(1) : []);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /** The statement that takes the transaction's advisory locks on these keys. */
  private lockSql(keys: string[]): string {
    // always in the same (sorted) order, so two writers can never deadlock on each other's keys;
    // unnest hands them over in array order. The keys are integers: nothing to escape.
    const ids = [...new Set(keys.map((k) => lockKey(`${this.schema ?? ''}:${k}`)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `SELECT pg_advisory_xact_lock(k) FROM unnest(ARRAY[${ids.join(', ')}]::bigint[]) AS k`;
  }

  async migrate(): Promise<void> {
    await this.transaction(async (c) => {
      await c.query(this.lockSql(['migrate']));
      if (this.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
      const applied = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of POSTGRES_MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await c.query(m.sql);
        await m.fill?.(c);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
      }
    });
  }

  private readonly statistics = new EventStatistics();

  async saveArticle(record: ArticleRecord): Promise<{ id: string; status: SaveStatus }> {
    const { events, ...saved } = await this.saveInTransaction(record);
    if (saved.status !== 'duplicate') await this.statistics.written(events, (sql) => this.query(sql));
    return saved;
  }

  /** The save, and how many events it wrote. */
  private async saveInTransaction(record: ArticleRecord): Promise<{ id: string; status: SaveStatus; events: number }> {
    // every writer of this content, URL or id takes the same locks, so the lookup after them
    // cannot race; both go with BEGIN, in one round trip (so their values are escaped, not parameters)
    const locks = this.lockSql([`hash:${record.contentHash}`, `id:${record.id}`, ...(record.url ? [`url:${record.url}`] : [])]);
    const [hash, url, id] = [record.contentHash, record.url, record.id].map((v) => (v === undefined ? 'NULL' : pg.escapeLiteral(withoutNul(v))));
    const lookup = `SELECT id, content_hash = ${hash} AS same, coalesce(url = ${url}, false) AS by_url FROM articles WHERE content_hash = ${hash} OR url = ${url} OR id = ${id} ORDER BY id FOR UPDATE`;
    return this.transaction(async (c, [, found]) => {
      const related = found!.rows as { id: string; same: boolean; by_url: boolean }[];
      const same = related.find((r) => r.same);
      if (same) return { id: same.id, status: 'duplicate' as const, events: 0 };
      // the same URL or id with new content is a corrected version of that article
      const existingId = (related.find((r) => r.by_url) ?? related.find((r) => r.id === record.id))?.id;
      const rows = rowsFor(record, existingId ?? record.id);
      const values = [
        existingId ?? record.id,
        record.contentHash,
        record.url ?? null,
        record.title === undefined ? null : withoutNul(record.title),
        record.outlet ?? null,
        record.publishedAt ?? null,
        record.origin ?? null,
        record.pipelineVersion,
        new Date().toISOString(),
        rows.chars,
        rows.counts,
        rows.documentText,
        withoutNul(rows.body),
      ];
      if (existingId) {
        await c.query(
          `UPDATE articles SET content_hash=$2, url=$3, title=$4, outlet=$5, published_at=$6, origin=$7, pipeline_version=$8,
            ingested_at=$9, chars=$10, counts=$11::jsonb, document=$12, body=$13 WHERE id=$1`,
          values,
        );
        await writePostgresEvents(c, existingId, rows.events);
        await writePostgresQuotes(c, existingId, rows.quotes);
        return { id: existingId, status: 'updated' as const, events: rows.events.length };
      }
      // a new article has no events or quotes to replace: all three go in one statement
      const inserted = await c.query<{ id: string }>(newArticleQuery(values, rows));
      if (inserted.rows[0]) return { id: inserted.rows[0].id, status: 'stored' as const, events: rows.events.length };
      // only reachable if a writer bypassed the locks: the unique constraint still keeps one copy
      const winner = (await c.query<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1', [record.contentHash])).rows[0];
      if (!winner) throw new StoreError(`could not store article ${record.id}`);
      return { id: winner.id, status: 'duplicate' as const, events: 0 };
    }, [locks, lookup]);
  }

  async hasContent(contentHash: string): Promise<string | undefined> {
    return (await this.query<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1', [contentHash]))[0]?.id;
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const row = (await this.query<ArticleRow>(`SELECT ${SUMMARY_COLUMNS}, document FROM articles WHERE id = $1`, [id]))[0];
    if (!row) return undefined;
    return { ...summary(row), contentHash: row.content_hash, document: storedDocument(row.document) };
  }

  async listArticles(options: { limit?: number; cursor?: string } = {}): Promise<Page<ArticleSummary>> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 1000);
    let rows: ArticleRow[];
    if (options.cursor) {
      const [at, id] = decodeCursor(options.cursor);
      if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw new StoreError(`invalid cursor "${options.cursor}"`);
      rows = await this.query<ArticleRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE (ingested_at, id) < ($1::timestamptz, $2) ORDER BY ingested_at DESC, id DESC LIMIT $3`,
        [at, id, limit + 1],
      );
    } else {
      rows = await this.query<ArticleRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY ingested_at DESC, id DESC LIMIT $1`, [limit + 1]);
    }
    const items = rows.slice(0, limit).map(summary);
    const last = rows.length > limit ? rows[limit - 1]! : undefined;
    return last ? { items, nextCursor: encodeCursor([last.ingested_at.toISOString(), last.id]) } : { items };
  }

  async queryEvents(filter: EventFilter, options: { limit?: number; cursor?: string } = {}): Promise<Page<EventRow>> {
    return queryPostgresEvents((text, values) => this.query(text, values), filter, options);
  }

  async queryEventItems(filter: EventFilter, options: { limit?: number; cursor?: string } = {}): Promise<Page<string>> {
    return queryPostgresEventJson((text, values) => this.query(text, values), filter, options, 'item');
  }

  async countEvents(filter: EventFilter, by: EventCountKey): Promise<{ key: string | null; count: number }[]> {
    return countPostgresEvents((text, values) => this.query(text, values), filter, by);
  }

  async queryQuotes(filter: QuoteFilter, options: { limit?: number; cursor?: string } = {}): Promise<Page<string>> {
    return queryPostgresQuotes((text, values) => this.query(text, values), filter, options);
  }

  async countArticles(): Promise<number> {
    return Number((await this.query<{ n: string }>('SELECT COUNT(*) AS n FROM articles'))[0]!.n);
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const words = searchWords(query);
    if (!words) return [];
    const rows = await this.query<{ id: string; title: string | null; snippet: string; score: number }>(
      `SELECT a.id, a.title,
          ts_headline('simple', a.body, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=4, MaxFragments=1, FragmentDelimiter=…') AS snippet,
          ts_rank_cd(a.search, q)::float8 AS score
        FROM articles a, plainto_tsquery('simple', $1) q
        WHERE a.search @@ q ORDER BY score DESC, a.id LIMIT $2`,
      [words, Math.max(0, Math.min(options.limit ?? 20, 200))],
    );
    return rows.map((r) => ({ id: r.id, ...(r.title ? { title: r.title } : {}), snippet: r.snippet, score: r.score }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
