import type { ArticleMeta } from '../core/document.js';
import { readInputs } from '../ingest/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { articleRecord } from '../store/record.js';
import type { SaveStatus, Store } from '../store/store.js';
import { analyzeText } from './analyze.js';

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
}

/**
 * Read every input, analyse each article and store it. A bad input is recorded and
 * the batch goes on; each article is stored in its own transaction, so what was
 * stored before a failure stays stored.
 */
export async function ingestPaths(paths: string[], pipeline: Pipeline, store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, stored: 0, duplicates: 0, failed: 0, errors: [] };
  for await (const item of readInputs(paths, { meta: options.meta })) {
    summary.read++;
    if (!item.ok) {
      summary.failed++;
      summary.errors.push(item.failure);
    } else {
      const origin = item.article.meta.origin ?? 'input';
      try {
        const { json } = analyzeText(pipeline, item.article.text, item.article.meta);
        const saved = await store.saveArticle(articleRecord(json));
        const { status } = saved;
        await options.onStored?.(saved);
        if (status === 'duplicate') summary.duplicates++;
        else summary.stored++;
      } catch (err) {
        summary.failed++;
        summary.errors.push({ input: origin, message: (err as Error).message });
      }
    }
    options.onProgress?.(summary);
  }
  return summary;
}
