import { nearDuplicateSimilarity } from '../../stages/near-duplicates/index.js';
import type { EvalTask } from './registry.js';

interface ParaphraseRecord {
  id: string;
  a: string;
  b: string;
  label: number;
}

/**
 * The near-duplicate flag (default threshold) against MSRP's paraphrase label. A
 * near-duplicate is stricter than a paraphrase, so recall is expected to be low;
 * precision says whether what we flag is really the same sentence.
 */
export const paraphraseTask: EvalTask = {
  name: 'paraphrase',
  description: 'near-duplicate sentence flag against paraphrase labels',
  score(records) {
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    for (const r of records as ParaphraseRecord[]) {
      const flagged = nearDuplicateSimilarity(r.a, r.b) !== undefined;
      if (flagged) predicted++;
      if (r.label === 1) gold++;
      if (flagged && r.label === 1) tp++;
    }
    const metrics: Record<string, number> = {};
    if (predicted) metrics.precision = tp / predicted;
    if (gold) metrics.recall = tp / gold;
    if (metrics.precision !== undefined && metrics.recall !== undefined && metrics.precision + metrics.recall > 0) {
      metrics.f1 = (2 * metrics.precision * metrics.recall) / (metrics.precision + metrics.recall);
    }
    return metrics;
  },
};
