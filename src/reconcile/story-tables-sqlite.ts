import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { openSideSqlite } from '../store/side-tables.js';
import { parseJson, type ClusterRow, type IndexedArticle, type MemberRef, type StoryTables } from './story-tables.js';

interface ArticleRow {
  article_id: string;
  cluster_id: string;
  position: number;
  ingested_at: string;
  day: number | null;
  terms: string;
  vector: string;
  signature: string;
  near_duplicate_of: string | null;
}

export const REF_COLUMNS = 'article_id, cluster_id, position, ingested_at, day, near_duplicate_of';

export function refFromRow(r: Omit<ArticleRow, 'terms' | 'vector' | 'signature'>): MemberRef {
  return { articleId: r.article_id, clusterId: r.cluster_id, position: Number(r.position), ingestedAt: r.ingested_at, day: r.day === null ? null : Number(r.day), nearDuplicateOf: r.near_duplicate_of };
}

export function articleFromRow(r: ArticleRow): IndexedArticle {
  return { ...refFromRow(r), terms: parseJson(r.terms), vector: parseJson(r.vector), signature: parseJson(r.signature) };
}

export function clusterFromRow(r: { id: string; seq: number; min_day: number | null; max_day: number | null; size: number }): ClusterRow {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return { id: r.id, seq: Number(r.seq), minDay: n(r.min_day), maxDay: n(r.max_day), size: Number(r.size) };
}

export const STORY_TABLES_SQL = (prefix: string, json: string) => `
  CREATE TABLE IF NOT EXISTS ${prefix}story_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS ${prefix}story_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS ${prefix}story_clusters (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, min_day INTEGER, max_day INTEGER, size INTEGER NOT NULL, view ${json});
  CREATE INDEX IF NOT EXISTS story_clusters_days ON ${prefix}story_clusters (min_day, max_day);
  CREATE TABLE IF NOT EXISTS ${prefix}story_articles (
    article_id TEXT PRIMARY KEY, cluster_id TEXT NOT NULL, position INTEGER NOT NULL, ingested_at TEXT NOT NULL, day INTEGER,
    terms ${json} NOT NULL, vector ${json} NOT NULL, signature ${json} NOT NULL, near_duplicate_of TEXT);
  CREATE INDEX IF NOT EXISTS story_articles_cluster ON ${prefix}story_articles (cluster_id, position);
  CREATE TABLE IF NOT EXISTS ${prefix}story_buckets (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id));
  CREATE INDEX IF NOT EXISTS story_buckets_article ON ${prefix}story_buckets (article_id);`;

/** the last transaction queued on each database file of this process */
const turns = new Map<string, Promise<unknown>>();

/** The story index in its own tables of the store's SQLite file, through a connection of its own. */
export class SqliteStoryTables implements StoryTables {
  private readonly db: Database.Database;

  private readonly path: string;

  constructor(path: string) {
    this.path = path === ':memory:' ? `:memory:${Math.random()}` : resolve(path);
    this.db = openSideSqlite(path, 10000);
  }

  async migrate(): Promise<void> {
    this.db.exec(STORY_TABLES_SQL('', 'TEXT'));
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // Connections of one process take turns here: SQLite's busy wait blocks the thread, so a
    // second connection waiting on the lock would stall the first one holding it.
    const run = (turns.get(this.path) ?? Promise.resolve()).then(() => this.transaction(fn));
    turns.set(this.path, run.catch(() => {}));
    return run;
  }

  private async transaction<T>(fn: () => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock now, so two processes never interleave their updates
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  async meta(key: string): Promise<string | undefined> {
    return this.db.prepare('SELECT value FROM story_meta WHERE key = ?').pluck().get(key) as string | undefined;
  }
  async setMeta(key: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO story_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async indexedAt(articleIds: string[]): Promise<Map<string, string>> {
    const rows = this.db.prepare('SELECT article_id, ingested_at FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(articleIds)) as { article_id: string; ingested_at: string }[];
    return new Map(rows.map((r) => [r.article_id, r.ingested_at]));
  }

  async documentFrequencies(terms: string[]): Promise<Map<string, number>> {
    const rows = this.db.prepare('SELECT term, n FROM story_df WHERE term IN (SELECT value FROM json_each(?))').all(JSON.stringify(terms)) as { term: string; n: number }[];
    return new Map(rows.map((r) => [r.term, r.n]));
  }
  async addFrequencies(terms: string[], delta: number): Promise<void> {
    const up = this.db.prepare('INSERT INTO story_df (term, n) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET n = n + excluded.n');
    for (const t of terms) up.run(t, delta);
    if (delta < 0) this.db.prepare('DELETE FROM story_df WHERE n <= 0 AND term IN (SELECT value FROM json_each(?))').run(JSON.stringify(terms));
  }

  async candidateClusters(fromDay?: number, toDay?: number): Promise<ClusterRow[]> {
    const rows =
      fromDay === undefined
        ? this.db.prepare('SELECT * FROM story_clusters ORDER BY seq').all()
        : this.db.prepare('SELECT * FROM story_clusters WHERE min_day IS NULL OR (min_day >= ? AND max_day <= ?) ORDER BY seq').all(fromDay, toDay);
    return (rows as Parameters<typeof clusterFromRow>[0][]).map(clusterFromRow);
  }

  async memberRefs(clusterIds: string[]): Promise<MemberRef[]> {
    const rows = this.db.prepare(`SELECT ${REF_COLUMNS} FROM story_articles WHERE cluster_id IN (SELECT value FROM json_each(?)) ORDER BY cluster_id, position`).all(JSON.stringify(clusterIds)) as ArticleRow[];
    return rows.map(refFromRow);
  }

  async articles(articleIds: string[]): Promise<IndexedArticle[]> {
    const rows = this.db.prepare('SELECT * FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(articleIds)) as ArticleRow[];
    return rows.map(articleFromRow);
  }

  async inBuckets(bands: string[]): Promise<{ articleId: string; signature: number[] }[]> {
    const rows = this.db
      .prepare('SELECT DISTINCT a.article_id, a.signature FROM story_buckets b JOIN story_articles a ON a.article_id = b.article_id WHERE b.band IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(bands)) as { article_id: string; signature: string }[];
    return rows.map((r) => ({ articleId: r.article_id, signature: parseJson(r.signature) }));
  }

  async article(articleId: string): Promise<IndexedArticle | undefined> {
    const row = this.db.prepare('SELECT * FROM story_articles WHERE article_id = ?').get(articleId) as ArticleRow | undefined;
    return row ? articleFromRow(row) : undefined;
  }

  async putArticle(a: IndexedArticle, bands: string[]): Promise<void> {
    this.db
      .prepare(`INSERT INTO story_articles (article_id, cluster_id, position, ingested_at, day, terms, vector, signature, near_duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(a.articleId, a.clusterId, a.position, a.ingestedAt, a.day, JSON.stringify(a.terms), JSON.stringify(a.vector), JSON.stringify(a.signature), a.nearDuplicateOf);
    const bucket = this.db.prepare('INSERT INTO story_buckets (band, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
    for (const band of bands) bucket.run(band, a.articleId);
  }

  async deleteArticle(articleId: string): Promise<void> {
    this.db.prepare('DELETE FROM story_articles WHERE article_id = ?').run(articleId);
    this.db.prepare('DELETE FROM story_buckets WHERE article_id = ?').run(articleId);
  }

  async placeArticle(articleId: string, clusterId: string, position: number): Promise<void> {
    this.db.prepare('UPDATE story_articles SET cluster_id = ?, position = ? WHERE article_id = ?').run(clusterId, position, articleId);
  }

  async putCluster(c: ClusterRow): Promise<void> {
    this.db
      .prepare(`INSERT INTO story_clusters (id, seq, min_day, max_day, size) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET min_day = excluded.min_day, max_day = excluded.max_day, size = excluded.size`)
      .run(c.id, c.seq, c.minDay, c.maxDay, c.size);
  }
  async deleteCluster(clusterId: string): Promise<void> {
    this.db.prepare('DELETE FROM story_clusters WHERE id = ?').run(clusterId);
  }
  async setClusterView(clusterId: string, view: string): Promise<void> {
    this.db.prepare('UPDATE story_clusters SET view = ? WHERE id = ?').run(view, clusterId);
  }

  async clusterViews(options: { limit?: number; minArticles?: number }): Promise<string[]> {
    return this.db
      .prepare('SELECT view FROM story_clusters WHERE view IS NOT NULL AND size >= ? ORDER BY seq LIMIT ?')
      .pluck()
      .all(options.minArticles ?? 1, options.limit ?? -1) as string[];
  }
  async clusterViewOf(articleId: string): Promise<string | undefined> {
    return this.db.prepare('SELECT c.view FROM story_articles a JOIN story_clusters c ON c.id = a.cluster_id WHERE a.article_id = ?').pluck().get(articleId) as string | undefined;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
