import type { ArticleMeta } from '../core/document.js';
import { readInputs, type InputItem } from '../ingest/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { recordFromPrepared } from '../store/article-rows.js';
import { articleRecord } from '../store/record.js';
import type { ArticleRecord, SaveStatus, Store } from '../store/store.js';
import { analyzeText } from './analyze.js';
import { AnalysisPool } from './worker-pool.js';

export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  failed: number;
  errors: { input: string; message: string }[];
}

export interface IngestOptions {
  meta?: Partial<ArticleMeta>;
  onProgress?: (summary: IngestSummary) => void;
  /** called after each article is saved (stored, updated or duplicate), e.g. to evaluate standing alerts */
  onStored?: (result: { id: string; status: SaveStatus }) => Promise<void> | void;
  /**
   * Worker threads to analyse on (default 1: in-process with `source`). With more, each
   * worker runs the default pipeline, once the batch has WORKER_MIN_ARTICLES articles.
   */
  threads?: number;
}

/**
 * Fewer articles than this are analysed in-process even when threads are asked for: a
 * worker spends about a second and a half loading the pipeline, as long as some fifty
 * news articles take to analyse.
 */
export const WORKER_MIN_ARTICLES = 16;

/**
 * Articles read ahead per worker thread, analysed or under way, while the oldest waits to be
 * stored: enough that a long article at the head of the line does not leave the other
 * workers without work (each holds at most two at a time; the rest wait in the pool).
 */
const AHEAD_PER_THREAD = 8;

/** A pipeline, or how to make one when it is needed (worker threads need none in-process). */
export type PipelineSource = Pipeline | (() => Promise<Pipeline>);

/** An input in the order it was read, with its analysis under way. */
interface Pending {
  item: InputItem;
  record?: Promise<ArticleRecord>;
}

/**
 * Read every input, analyse each article and store it. A bad input is recorded and
 * the batch goes on; each article is stored in its own transaction, so what was
 * stored before a failure stays stored. With worker threads, articles are analysed
 * in parallel but stored in input order, so the database ends up the same.
 */
export async function ingestPaths(paths: string[], source: PipelineSource, store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, stored: 0, duplicates: 0, failed: 0, errors: [] };
  let pipeline: Promise<Pipeline> | undefined;
  const inProcess = (text: string, meta: ArticleMeta): Promise<ArticleRecord> => {
    pipeline ??= typeof source === 'function' ? source() : Promise.resolve(source);
    return pipeline.then((p) => articleRecord(analyzeText(p, text, meta).json));
  };
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  let pool: AnalysisPool | undefined;
  const queue: Pending[] = [];

  const finish = async ({ item, record }: Pending) => {
    summary.read++;
    if (!item.ok) {
      summary.failed++;
      summary.errors.push(item.failure);
    } else {
      try {
        const saved = await store.saveArticle(await (record ?? inProcess(item.article.text, item.article.meta)));
        await options.onStored?.(saved);
        if (saved.status === 'duplicate') summary.duplicates++;
        else summary.stored++;
      } catch (err) {
        summary.failed++;
        summary.errors.push({ input: item.article.meta.origin ?? 'input', message: (err as Error).message });
      }
    }
    options.onProgress?.(summary);
  };

  const dispatch = () => {
    for (const p of queue) {
      if (!pool || p.record || !p.item.ok) continue;
      p.record = pool.analyse(p.item.article.text, p.item.article.meta).then(recordFromPrepared);
      p.record.catch(() => undefined); // awaited (and reported) when its turn to be stored comes
    }
  };
  let decided = threads === 1;
  try {
    for await (const item of readInputs(paths, { meta: options.meta })) {
      queue.push({ item });
      if (!decided && queue.filter((p) => p.item.ok).length >= WORKER_MIN_ARTICLES) {
        decided = true;
        pool = new AnalysisPool(threads);
      }
      if (!decided) continue;
      dispatch();
      // keep articles under way for every worker; store the oldest first
      while (queue.length > (pool ? threads * AHEAD_PER_THREAD : 0) || (queue.length && !queue[0]!.item.ok)) await finish(queue.shift()!);
    }
    while (queue.length) await finish(queue.shift()!);
  } finally {
    await pool?.close();
  }
  return summary;
}
