import type { ArticleSummary, Store, StoredArticle } from '../store/store.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { mergeClusterEvents, type MergedEvent, type ReportedArticle } from './cross-article.js';
import { DEFAULT_STORY_OPTIONS, type StoryClusterOptions } from './story-clusters.js';
import { indexArticle, MemberCache, unindexArticle } from './story-placement.js';
import { parseJson, type StoryTables } from './story-tables.js';
import { PostgresStoryTables } from './story-tables-postgres.js';
import { SqliteStoryTables } from './story-tables-sqlite.js';

export interface StoryCluster {
  id: string;
  articles: { id: string; title?: string; outlet?: string; publishedAt?: string; nearDuplicateOf?: string }[];
  events: MergedEvent[];
}

export interface StoryIndex {
  /** index the articles stored (or updated) since the last call, oldest first; returns the clusters that changed */
  catchUp(): Promise<string[]>;
  /** the articles the last catchUp indexed */
  readonly lastIndexed: readonly string[];
  /** stories in order of creation, each with its merged events */
  clusters(options?: { limit?: number; minArticles?: number }): Promise<StoryCluster[]>;
  clusterOf(articleId: string): Promise<StoryCluster | undefined>;
  close(): Promise<void>;
}

/**
 * Articles saved within this long before the newest one indexed are looked at again: a
 * transaction stamped earlier may commit later, and workers' clocks differ a little.
 */
const REVISIT_MS = 15 * 60_000;
/** articles indexed per transaction, so writers of the store are never held up long */
const BATCH = 50;

function tablesFor(store: Store): StoryTables {
  if (store instanceof PostgresStore) return new PostgresStoryTables(store.connectionString, store.schema);
  // an in-memory or foreign store gets an index of its own that lasts as long as it is open
  return new SqliteStoryTables(store instanceof SqliteStore ? store.path : ':memory:');
}

class StoredStoryIndex implements StoryIndex {
  lastIndexed: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly members = new MemberCache();

  constructor(private readonly store: Store, private readonly tables: StoryTables, private readonly options: StoryClusterOptions) {}

  /** Stored articles whose current version is not indexed, oldest first. */
  private async pending(): Promise<ArticleSummary[]> {
    const watermark = await this.tables.meta('watermark');
    const since = watermark ? Date.parse(watermark) - REVISIT_MS : -Infinity;
    const seen: ArticleSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listArticles({ limit: 500, cursor });
      const recent = page.items.filter((a) => Date.parse(a.ingestedAt) >= since);
      seen.push(...recent);
      cursor = recent.length === page.items.length ? page.nextCursor : undefined;
    } while (cursor);
    const indexed = await this.tables.indexedAt(seen.map((a) => a.id));
    return seen.filter((a) => indexed.get(a.id) !== a.ingestedAt).sort((a, b) => a.ingestedAt.localeCompare(b.ingestedAt) || a.id.localeCompare(b.id));
  }

  catchUp(): Promise<string[]> {
    // one catch-up at a time in this process; the tables' lock keeps other processes out
    const run = this.queue.then(() => this.catchUpNow());
    this.queue = run.catch(() => {});
    return run;
  }

  private async catchUpNow(): Promise<string[]> {
    const todo = await this.pending();
    const changed = new Set<string>();
    const indexed: string[] = [];
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      await this.indexBatch(batch, changed, indexed);
    }
    this.lastIndexed = indexed;
    return [...changed];
  }

  private async indexBatch(batch: ArticleSummary[], changed: Set<string>, indexed: string[]): Promise<void> {
    try {
      await this.tables.exclusive(async () => {
        const already = await this.tables.indexedAt(batch.map((a) => a.id));
        const touched = new Set<string>();
        const loaded = new Map<string, StoredArticle>();
        for (const summary of batch) {
          const article = await this.store.getArticle(summary.id);
          if (article) loaded.set(article.id, article);
          // another worker indexed it meanwhile, or it is gone
          if (!article || already.get(article.id) === article.ingestedAt) continue;
          if (already.has(article.id)) for (const id of await unindexArticle(this.tables, article.id, this.members)) touched.add(id);
          for (const id of await indexArticle(this.tables, article, this.options, this.members)) touched.add(id);
          indexed.push(article.id);
        }
        for (const id of touched) await this.refreshView(id, loaded);
        const newest = batch[batch.length - 1]!.ingestedAt;
        const watermark = await this.tables.meta('watermark');
        if (!watermark || newest > watermark) await this.tables.setMeta('watermark', newest);
        for (const id of touched) changed.add(id);
      });
    } catch (err) {
      this.members.clear();
      throw err;
    }
  }

  /** Recompute one cluster's merged view from its members' stored documents. */
  private async refreshView(clusterId: string, loaded: Map<string, StoredArticle>): Promise<void> {
    const members = await this.tables.memberRefs([clusterId]);
    if (!members.length) return;
    const articles: (ReportedArticle & { nearDuplicateOf: string | null })[] = [];
    for (const m of members) {
      const a = loaded.get(m.articleId) ?? (await this.store.getArticle(m.articleId));
      if (a) articles.push({ id: a.id, document: a.document, nearDuplicateOf: m.nearDuplicateOf });
    }
    const view: StoryCluster = {
      id: clusterId,
      articles: articles.map(({ id, document: { meta }, nearDuplicateOf }) => ({
        id,
        ...(meta.title ? { title: meta.title } : {}),
        ...(meta.outlet ? { outlet: meta.outlet } : {}),
        ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
        ...(nearDuplicateOf ? { nearDuplicateOf } : {}),
      })),
      events: mergeClusterEvents(clusterId, articles),
    };
    await this.tables.setClusterView(clusterId, JSON.stringify(view));
  }

  async clusters(options: { limit?: number; minArticles?: number } = {}): Promise<StoryCluster[]> {
    return (await this.tables.clusterViews(options)).map((v) => parseJson<StoryCluster>(v));
  }

  async clusterOf(articleId: string): Promise<StoryCluster | undefined> {
    const view = await this.tables.clusterViewOf(articleId);
    return view === undefined ? undefined : parseJson<StoryCluster>(view);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.tables.close();
  }
}

/** The story index beside `store` (its own tables in the same SQLite file or PostgreSQL database), created when missing. */
export async function openStoryIndex(store: Store, options: StoryClusterOptions = DEFAULT_STORY_OPTIONS): Promise<StoryIndex> {
  const tables = tablesFor(store);
  try {
    await tables.migrate();
  } catch (err) {
    await tables.close().catch(() => {});
    throw err;
  }
  return new StoredStoryIndex(store, tables, options);
}

const shared = new WeakMap<Store, Promise<StoryIndex>>();

/** One index per open store, opened on first use and kept as long as the store (a server's routes share it). */
export function sharedStoryIndex(store: Store): Promise<StoryIndex> {
  let index = shared.get(store);
  if (!index) {
    index = openStoryIndex(store);
    shared.set(store, index);
    index.catch(() => shared.delete(store));
  }
  return index;
}
