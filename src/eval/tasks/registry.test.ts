import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { runTaskFiles, type EvalTask } from './registry.js';

function files(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
  writeFileSync(join(dir, 'a.jsonl'), '{"x":1}\n{"x":2}\n');
  writeFileSync(join(dir, 'b.jsonl'), '{"x":3}\n');
  return [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
}
const summing = (pooled: boolean): EvalTask => ({ name: 'sum', description: '', pooled, score: (records) => ({ total: records.reduce((s, r) => s + r.x, 0) }) });
const noPipeline = {} as Pipeline;

test('a pooled task adds one result over the records of every file; others only score each file', () => {
  const pooled = runTaskFiles(summing(true), files(), noPipeline);
  assert.deepEqual(pooled.map((r) => [r.dataset, r.n, r.metrics.total]), [['a', 2, 3], ['b', 1, 3], ['all', 3, 6]]);
  assert.deepEqual(runTaskFiles(summing(false), files(), noPipeline).map((r) => r.dataset), ['a', 'b']);
  assert.deepEqual(runTaskFiles(summing(true), files().slice(0, 1), noPipeline).map((r) => r.dataset), ['a']);
});
