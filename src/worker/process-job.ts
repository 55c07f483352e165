import { analyzeText } from '../analysis/analyze.js';
import type { InputArticle } from '../ingest/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Job, NewJob } from '../store/jobs/job-queue.js';
import { articleRecord, contentHash } from '../store/record.js';
import type { SaveStatus, Store } from '../store/store.js';

/** The job for one article read by the ingest readers; the same content is enqueued once. */
export function articleJob(article: Pick<InputArticle, 'text' | 'meta'>): NewJob<'article'> {
  return { kind: 'article', payload: { text: article.text, meta: article.meta }, dedupeKey: `article:${contentHash(article.text)}` };
}

/**
 * Do one job. Running it twice (a lease ran out while it was being done) stores nothing twice:
 * the store's save is idempotent by content hash.
 */
export async function processJob(job: Job, pipeline: Pipeline, store: Store): Promise<{ articleId: string; status: SaveStatus }> {
  switch (job.kind) {
    case 'article': {
      const { text, meta } = job.payload;
      if (typeof text !== 'string') throw new Error(`job ${job.id}: payload has no article text`);
      const { json } = analyzeText(pipeline, text, meta ?? {});
      const { id, status } = await store.saveArticle(articleRecord(json));
      return { articleId: id, status };
    }
    default:
      throw new Error(`job ${job.id}: unknown kind "${String((job as { kind: unknown }).kind)}"`);
  }
}
