import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../analysis/analyze.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { articleRecord } from '../store/record.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { openStoryIndex } from './story-index.js';

export interface ReconcileThroughput {
  /** articles stored and then indexed */
  articles: number;
  megabytes: number;
  /** wall time of the story index catching up with them: clustering, merging events, reconciling figures, writing */
  seconds: number;
  articlesPerSec: number;
  mbPerSec: number;
  /** stories found */
  clusters: number;
  /** stories with more than one article */
  multiArticleClusters: number;
}

/**
 * Throughput of the reconciliation stage: the texts are analysed and stored in a scratch
 * SQLite database first (not timed), then the story index catches up with them, as `sitrep
 * clusters` or /api/clusters would after an ingest. `maxArticles` keeps the run short.
 */
export async function reconcileThroughput(texts: { text: string; publishedAt?: string; id?: string }[], options: { maxArticles?: number } = {}): Promise<ReconcileThroughput> {
  const chosen = texts.slice(0, options.maxArticles ?? 400);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-reconcile-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  try {
    await store.migrate();
    const pipeline = await createDefaultPipeline();
    let bytes = 0;
    for (const [i, t] of chosen.entries()) {
      const { json } = analyzeText(pipeline, t.text, { id: t.id ?? `bench-${i}`, ...(t.publishedAt ? { publishedAt: t.publishedAt } : {}) });
      if ((await store.saveArticle(articleRecord(json))).status === 'stored') bytes += Buffer.byteLength(t.text);
    }
    const articles = await store.countArticles();
    const t0 = performance.now();
    const index = await openStoryIndex(store);
    await index.catchUp();
    const seconds = (performance.now() - t0) / 1000;
    const clusters = await index.clusters();
    await index.close();
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      articles,
      megabytes: round(bytes / 1e6),
      seconds: round(seconds),
      articlesPerSec: round(articles / seconds),
      mbPerSec: round(bytes / 1e6 / seconds),
      clusters: clusters.length,
      multiArticleClusters: clusters.filter((c) => c.articles.length > 1).length,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
