import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisPool } from '../analysis/worker-pool.js';
import { ingestPaths, WORKER_MIN_ARTICLES, type IngestSummary } from '../analysis/ingest-run.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { openStore } from '../store/open-store.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'sitrep.js');

function analyzeJson(path: string): string {
  const r = spawnSync(process.execPath, [BIN, 'analyze', path, '--json', '--published', '2024-07-10'], { encoding: 'utf8', maxBuffer: 1e8 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('the same input gives byte-identical --json output across runs', () => {
  const samples = join(PACKAGE_ROOT, 'samples');
  for (const name of readdirSync(samples).sort()) {
    const path = join(samples, name);
    const first = analyzeJson(path);
    assert.ok(first.length > 1000);
    assert.equal(analyzeJson(path), first, `${name}: output differs between runs`);
  }
});

/** Every stored article's document as JSON, by id: what a reader of the database gets back. */
async function storedDocuments(db: string): Promise<Map<string, string>> {
  const store = await openStore(db);
  try {
    const out = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await store.listArticles({ limit: 100, cursor });
      for (const a of page.items) out.set(a.id, JSON.stringify((await store.getArticle(a.id))!.document));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  } finally {
    await store.close();
  }
}

async function ingestWith(threads: number, inputs: string[], dir: string): Promise<{ docs: Map<string, string>; order: string[]; summary: IngestSummary }> {
  const db = join(dir, `threads-${threads}.db`);
  const store = await openStore(db);
  const order: string[] = [];
  let summary: IngestSummary;
  try {
    summary = await ingestPaths(inputs, () => createDefaultPipeline(), store, { threads, onStored: (r) => void order.push(r.id) });
  } finally {
    await store.close();
  }
  return { docs: await storedDocuments(db), order, summary };
}

test('ingest on 1 and on 2 worker threads stores byte-identical documents, in input order', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-threads-'));
  mkdirSync(join(dir, 'in'));
  const towns = ['Arden', 'Belmor', 'Cassel', 'Dunmore', 'Elswick'];
  for (let i = 0; i < WORKER_MIN_ARTICLES + 2; i++) {
    const town = towns[i % towns.length];
    writeFileSync(join(dir, 'in', `a${String(i).padStart(2, '0')}.txt`), `Gunmen attacked a police post near ${town} on Monday, killing ${i + 3} officers, Governor Amal Idris said.\nOn Tuesday the United Nations called for an inquiry into the attack in ${town} (report ${i}).\n`);
  }
  writeFileSync(join(dir, 'in', 'a05-bad.jsonl'), '{"text": "not closed\n');
  const inputs = [join(dir, 'in'), join(PACKAGE_ROOT, 'samples')];
  const one = await ingestWith(1, inputs, dir);
  assert.equal(AnalysisPool.workersStarted, 0, 'one thread analyses in-process');
  const two = await ingestWith(2, inputs, dir);
  assert.equal(AnalysisPool.workersStarted, 2, 'two worker threads analysed the batch');
  assert.ok(one.docs.size >= WORKER_MIN_ARTICLES + 2, `stored ${one.docs.size}`);
  assert.equal(one.summary.failed, 1, 'the bad record is reported, the batch goes on');
  assert.deepEqual(two.summary, one.summary);
  assert.deepEqual(two.order, one.order, 'stored in input order');
  assert.deepEqual([...two.docs.keys()].sort(), [...one.docs.keys()].sort());
  for (const [id, doc] of one.docs) assert.ok(two.docs.get(id) === doc, `${id}: document differs between 1 and 2 threads`);
});
