import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Pipeline } from '../../pipeline/pipeline.js';

/** One canonical evaluation task of ../shared/eval/FORMATS.md. */
export interface EvalTask {
  name: string;
  description: string;
  /** score the records of one file; metric keys as FORMATS.md fixes them */
  score(records: any[], context: { pipeline: Pipeline; file: string }): Record<string, unknown>;
  /** the metrics also make sense over the records of every file together ("over all gold toponyms") */
  pooled?: boolean;
}

export interface EvalResult {
  task: string;
  dataset: string;
  n: number;
  metrics: Record<string, unknown>;
}

export class EvalInputError extends Error {}

export function readJsonl(path: string): any[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    throw new EvalInputError(`${path}: no such file (is ../shared beside the repository? set SITREP_SHARED otherwise)`);
  }
  return content.split('\n').filter((l) => l.trim()).map((line, i) => {
    try {
      return JSON.parse(line);
    } catch {
      throw new EvalInputError(`${path}:${i + 1}: not valid JSON`);
    }
  });
}

export function runTask(task: EvalTask, file: string, pipeline: Pipeline, records: any[] = readJsonl(file)): EvalResult {
  return { task: task.name, dataset: basename(file).replace(/\.jsonl$/, ''), n: records.length, metrics: task.score(records, { pipeline, file }) };
}

/** Each file's result, then, for a pooled task given several files, one over all their records. */
export function runTaskFiles(task: EvalTask, files: readonly string[], pipeline: Pipeline): EvalResult[] {
  const byFile = files.map((file) => ({ file, records: readJsonl(file) }));
  const results = byFile.map(({ file, records }) => runTask(task, file, pipeline, records));
  if (task.pooled && files.length > 1) {
    const all = byFile.flatMap((f) => f.records);
    results.push({ task: task.name, dataset: 'all', n: all.length, metrics: task.score(all, { pipeline, file: files.join(',') }) });
  }
  return results;
}

/** Print nested metrics as an aligned table. */
export function renderMetrics(result: EvalResult): string {
  const rows = [`${result.task} · ${result.dataset} · n=${result.n}`];
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}.`);
      else rows.push(`  ${(prefix + k).padEnd(30)} ${typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v)}`);
    }
  };
  walk(result.metrics, '');
  return rows.join('\n');
}
