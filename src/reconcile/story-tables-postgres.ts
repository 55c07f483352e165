import type pg from 'pg';
import { lockKey } from '../store/postgres/postgres-store.js';
import { createSidePostgresTables, openSidePostgres } from '../store/side-tables.js';
import { articleFromRow, clusterFromRow, refFromRow, REF_COLUMNS, STORY_TABLES_SQL } from './story-tables-sqlite.js';
import type { ClusterRow, IndexedArticle, MemberRef, StoryTables } from './story-tables.js';

/**
 * The story index in its own tables of the store's PostgreSQL database (and schema). Updates
 * run in one transaction holding an advisory lock, so concurrent workers index one at a time.
 */
export class PostgresStoryTables implements StoryTables {
  private readonly pool: pg.Pool;
  private readonly prefix: string;
  private tx: pg.PoolClient | undefined;

  constructor(connectionString: string, private readonly schema?: string) {
    // an index kept open for a server's lifetime must not keep a finished process alive
    ({ pool: this.pool, prefix: this.prefix } = openSidePostgres(connectionString, schema, { allowExitOnIdle: true }));
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
    return (await (this.tx ?? this.pool).query<R>(sql.replaceAll('story_', `${this.prefix}story_`), values)).rows;
  }

  async migrate(): Promise<void> {
    // index names live in the schema of their table, so they need no prefix
    await createSidePostgresTables(this.pool, this.prefix, 'story-index', STORY_TABLES_SQL(this.prefix, 'JSONB'));
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(`${this.schema ?? ''}:story-index`).toString()]);
      this.tx = client;
      const result = await fn();
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw err;
    } finally {
      this.tx = undefined;
      client.release(broken);
    }
  }

  async meta(key: string): Promise<string | undefined> {
    return (await this.rows<{ value: string }>('SELECT value FROM story_meta WHERE key = $1', [key]))[0]?.value;
  }
  async setMeta(key: string, value: string): Promise<void> {
    await this.rows('INSERT INTO story_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
  }

  async indexedAt(articleIds: string[]): Promise<Map<string, string>> {
    const rows = await this.rows<{ article_id: string; ingested_at: string }>('SELECT article_id, ingested_at FROM story_articles WHERE article_id = ANY($1::text[])', [articleIds]);
    return new Map(rows.map((r) => [r.article_id, r.ingested_at]));
  }

  async documentFrequencies(terms: string[]): Promise<Map<string, number>> {
    const rows = await this.rows<{ term: string; n: number }>('SELECT term, n FROM story_df WHERE term = ANY($1::text[])', [terms]);
    return new Map(rows.map((r) => [r.term, Number(r.n)]));
  }
  async addFrequencies(terms: string[], delta: number): Promise<void> {
    await this.rows(
      `INSERT INTO story_df AS d (term, n) SELECT t, $2 FROM unnest($1::text[]) AS t ON CONFLICT (term) DO UPDATE SET n = d.n + EXCLUDED.n`,
      [terms, delta],
    );
    if (delta < 0) await this.rows('DELETE FROM story_df WHERE n <= 0 AND term = ANY($1::text[])', [terms]);
  }

  async candidateClusters(fromDay?: number, toDay?: number): Promise<ClusterRow[]> {
    const rows =
      fromDay === undefined
        ? await this.rows('SELECT * FROM story_clusters ORDER BY seq')
        : await this.rows('SELECT * FROM story_clusters WHERE min_day IS NULL OR (min_day >= $1 AND max_day <= $2) ORDER BY seq', [fromDay, toDay]);
    return rows.map((r) => clusterFromRow(r as Parameters<typeof clusterFromRow>[0]));
  }

  async memberRefs(clusterIds: string[]): Promise<MemberRef[]> {
    const rows = await this.rows(`SELECT ${REF_COLUMNS} FROM story_articles WHERE cluster_id = ANY($1::text[]) ORDER BY cluster_id, position`, [clusterIds]);
    return rows.map((r) => refFromRow(r as Parameters<typeof refFromRow>[0]));
  }

  async articles(articleIds: string[]): Promise<IndexedArticle[]> {
    const rows = await this.rows('SELECT * FROM story_articles WHERE article_id = ANY($1::text[])', [articleIds]);
    return rows.map((r) => articleFromRow(r as Parameters<typeof articleFromRow>[0]));
  }

  async inBuckets(bands: string[]): Promise<{ articleId: string; signature: number[] }[]> {
    const rows = await this.rows<{ article_id: string; signature: number[] }>(
      'SELECT DISTINCT a.article_id, a.signature FROM story_buckets b JOIN story_articles a ON a.article_id = b.article_id WHERE b.band = ANY($1::text[])',
      [bands],
    );
    return rows.map((r) => ({ articleId: r.article_id, signature: r.signature }));
  }

  async article(articleId: string): Promise<IndexedArticle | undefined> {
    const row = (await this.rows('SELECT * FROM story_articles WHERE article_id = $1', [articleId]))[0];
    return row ? articleFromRow(row as Parameters<typeof articleFromRow>[0]) : undefined;
  }

  async putArticle(a: IndexedArticle, bands: string[]): Promise<void> {
    await this.rows(
      `INSERT INTO story_articles (article_id, cluster_id, position, ingested_at, day, terms, vector, signature, near_duplicate_of)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9)`,
      [a.articleId, a.clusterId, a.position, a.ingestedAt, a.day, JSON.stringify(a.terms), JSON.stringify(a.vector), JSON.stringify(a.signature), a.nearDuplicateOf],
    );
    await this.rows('INSERT INTO story_buckets (band, article_id) SELECT b, $2 FROM unnest($1::text[]) AS b ON CONFLICT DO NOTHING', [bands, a.articleId]);
  }

  async deleteArticle(articleId: string): Promise<void> {
    await this.rows('DELETE FROM story_articles WHERE article_id = $1', [articleId]);
    await this.rows('DELETE FROM story_buckets WHERE article_id = $1', [articleId]);
  }

  async placeArticle(articleId: string, clusterId: string, position: number): Promise<void> {
    await this.rows('UPDATE story_articles SET cluster_id = $2, position = $3 WHERE article_id = $1', [articleId, clusterId, position]);
  }

  async putCluster(c: ClusterRow): Promise<void> {
    await this.rows(
      `INSERT INTO story_clusters (id, seq, min_day, max_day, size) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET min_day = EXCLUDED.min_day, max_day = EXCLUDED.max_day, size = EXCLUDED.size`,
      [c.id, c.seq, c.minDay, c.maxDay, c.size],
    );
  }
  async deleteCluster(clusterId: string): Promise<void> {
    await this.rows('DELETE FROM story_clusters WHERE id = $1', [clusterId]);
  }
  async setClusterView(clusterId: string, view: string): Promise<void> {
    await this.rows('UPDATE story_clusters SET view = $2::jsonb WHERE id = $1', [clusterId, view]);
  }

  async clusterViews(options: { limit?: number; minArticles?: number }): Promise<string[]> {
    const rows = await this.rows<{ view: string }>('SELECT view::text AS view FROM story_clusters WHERE view IS NOT NULL AND size >= $1 ORDER BY seq LIMIT $2', [
      options.minArticles ?? 1,
      options.limit ?? null,
    ]);
    return rows.map((r) => r.view);
  }
  async clusterViewOf(articleId: string): Promise<string | undefined> {
    const rows = await this.rows<{ view: string }>('SELECT c.view::text AS view FROM story_articles a JOIN story_clusters c ON c.id = a.cluster_id WHERE a.article_id = $1', [articleId]);
    return rows[0]?.view ?? undefined;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
