import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { PACKAGE_ROOT } from '../core/paths.js';
import { PostgresJobQueue } from '../store/jobs/postgres-job-queue.js';
import { describePostgres, freshSchema, withPgClient } from '../store/jobs/test-postgres.js';
import { parseDuration } from './duration.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { ArticlePayload } from '../store/jobs/job-queue.js';
import type { Store } from '../store/store.js';
import { articleJob } from './process-job.js';
import { runWorker } from './worker.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'sitrep.js');

// Short generated reports (our own text): each unique, each enough for the pipeline to find something.
const PLACES = ['Kharkiv', 'Goma', 'Mosul', 'Aleppo', 'Tripoli', 'Juba', 'Bamako', 'Sanaa'];
const VERBS = ['injured', 'killed', 'detained', 'displaced'];
function generatedArticle(i: number): { text: string; meta: { id: string; title: string; publishedAt: string } } {
  const place = PLACES[i % PLACES.length]!;
  const text =
    `Report ${i}. On ${1 + (i % 28)} May 2024 officials in ${place} said ${2 + (i % 97)} people were ${VERBS[i % VERBS.length]} ` +
    `after clashes near the market, a spokesperson told reporters.`;
  return { text, meta: { id: `gen-${i}`, title: `Generated report ${i}`, publishedAt: '2024-05-30' } };
}

interface Child {
  proc: ChildProcess;
  pid: number;
  stdout: string;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(url: string, extra = ['--once', '--concurrency', '2']): Child {
  const proc = spawn(process.execPath, [BIN, 'worker', '--db', url, '--lease', '2s', '--poll', '200ms', '--json', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const child: Child = { proc, pid: proc.pid!, stdout: '', stderr: '', exited: undefined as never };
  proc.stdout!.on('data', (d: Buffer) => (child.stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (child.stderr += d.toString()));
  child.exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

await describePostgres('worker: 4 workers sharing a PostgreSQL queue', () => {
  test('worker: 4 workers, one SIGKILLed mid-run: every article of a 2,000-article batch is stored exactly once', { timeout: 150_000 }, async (t) => {
    const N = 2000;
    const { schema, url, drop } = freshSchema('workers');
    const queue = PostgresJobQueue.fromLocation(url);
    const children: Child[] = [];
    try {
      await queue.migrate();
      const batch = Array.from({ length: N }, (_, i) => articleJob(generatedArticle(i)));
      assert.deepEqual(await queue.enqueue(batch), { enqueued: N, duplicates: 0 });
      // enqueueing the batch again (a re-run of the feed) adds nothing
      assert.deepEqual(await queue.enqueue(batch.slice(0, 100)), { enqueued: 0, duplicates: 100 });

      const started = Date.now();
      for (let i = 0; i < 4; i++) children.push(startWorker(url));
      const victim = children[0]!;
      const owned = (state: string): Promise<number> =>
        withPgClient(async (c) => Number((await c.query(`SELECT COUNT(*) AS n FROM "${schema}".jobs WHERE state = $1 AND lease_owner LIKE $2`, [state, `%:${victim.pid}:%`])).rows[0].n));

      // let the victim get well into its share, then kill it while it holds a job if we can catch it so
      while ((await owned('done')) < 100) {
        assert.ok(Date.now() - started < 60_000, `the victim did no work in 60 s: ${victim.stderr}`);
        await delay(50);
      }
      for (let tries = 0; tries < 100 && (await owned('running')) === 0; tries++) await delay(5);
      victim.proc.kill('SIGKILL');
      assert.equal((await victim.exited).signal, 'SIGKILL');
      const atKill = await queue.counts();
      const orphans = await withPgClient(
        async (c) => (await c.query(`SELECT id FROM "${schema}".jobs WHERE state = 'running' AND lease_owner LIKE $1`, [`%:${victim.pid}:%`])).rows.map((r) => String(r.id)),
      );
      assert.ok(atKill.done < N, 'the victim was killed before the batch was done');
      t.diagnostic(`killed worker ${victim.pid} at ${atKill.done}/${N} done, holding ${orphans.length} job(s) in hand`);

      const results = await Promise.all(children.slice(1).map((c) => c.exited));
      for (const [i, r] of results.entries()) assert.equal(r.code, 0, `worker ${i + 1} exited ${r.code}: ${children[i + 1]!.stderr}`);
      const summaries = children.slice(1).map((c) => JSON.parse(c.stdout.trim().split('\n').pop()!) as { processed: number; stored: number; duplicates: number; errors: number });
      t.diagnostic(`survivors: ${JSON.stringify(summaries)}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
      assert.ok(summaries.every((s) => s.errors === 0));

      assert.deepEqual(await queue.counts(), { queued: 0, running: 0, done: N, failed: 0 });
      const check = await withPgClient(async (c) => {
        const articles = (await c.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids, COUNT(DISTINCT content_hash) AS hashes FROM "${schema}".articles`)).rows[0];
        const ids = (await c.query(`SELECT id FROM "${schema}".articles`)).rows.map((r) => r.id as string);
        // every job's article is there (the dedupe key is the content hash)
        const missing = Number((await c.query(`SELECT COUNT(*) AS n FROM "${schema}".jobs j WHERE NOT EXISTS (SELECT 1 FROM "${schema}".articles a WHERE 'article:' || a.content_hash = j.dedupe_key)`)).rows[0].n);
        const reclaimed = (await c.query(`SELECT id, attempts, lease_owner FROM "${schema}".jobs WHERE id = ANY($1::bigint[])`, [orphans])).rows;
        return { articles, ids, missing, reclaimed };
      });
      assert.equal(Number(check.articles.n), N);
      assert.equal(Number(check.articles.ids), N);
      assert.equal(Number(check.articles.hashes), N);
      assert.deepEqual(new Set(check.ids), new Set(Array.from({ length: N }, (_, i) => `gen-${i}`)));
      assert.equal(check.missing, 0);
      // the jobs the dead worker held were taken over once its leases ran out
      for (const r of check.reclaimed) {
        assert.ok(r.attempts >= 2, `job ${r.id} was claimed again`);
        assert.doesNotMatch(r.lease_owner, new RegExp(`:${victim.pid}:`));
      }
    } finally {
      for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
      await queue.close();
      await drop();
    }
  });

  test('worker: SIGTERM finishes the job in hand and exits cleanly', { timeout: 60_000 }, async () => {
    const { schema, url, drop } = freshSchema('sigterm');
    const queue = PostgresJobQueue.fromLocation(url);
    let child: Child | undefined;
    try {
      await queue.migrate();
      await queue.enqueue(Array.from({ length: 400 }, (_, i) => articleJob(generatedArticle(i))));
      child = startWorker(url, []);
      while ((await queue.counts()).done < 10) {
        assert.equal(child.proc.exitCode, null, child.stderr);
        await delay(50);
      }
      child.proc.kill('SIGTERM');
      const { code } = await child.exited;
      assert.equal(code, 0, child.stderr);
      assert.match(child.stderr, /SIGTERM: finishing the job in hand/);
      const summary = JSON.parse(child.stdout.trim().split('\n').pop()!) as { processed: number; stored: number };
      const counts = await queue.counts();
      // nothing left running: every job it took was finished before it exited
      assert.equal(counts.running, 0);
      assert.equal(counts.done, summary.processed);
      assert.ok(counts.queued > 0, 'it stopped before the queue was empty');
      const stored = await withPgClient(async (c) => Number((await c.query(`SELECT COUNT(*) AS n FROM "${schema}".articles`)).rows[0].n));
      assert.equal(stored, summary.stored);
    } finally {
      if (child && child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
      await queue.close();
      await drop();
    }
  });

  test('worker: a job that keeps failing is retried, then marked failed with its error', async () => {
    const { url, drop } = freshSchema('failing');
    const queue = PostgresJobQueue.fromLocation(url, { maxAttempts: 2 });
    try {
      await queue.migrate();
      await queue.enqueue([{ kind: 'article', payload: { meta: {} } as unknown as ArticlePayload, dedupeKey: 'broken' }]);
      const failures: string[] = [];
      const summary = await runWorker({
        queue,
        store: {} as Store,
        pipeline: {} as Pipeline,
        once: true,
        pollMs: 20,
        onJob: (e) => void (e.outcome === 'error' && failures.push(`${e.error} -> ${e.state}`)),
      });
      assert.equal(summary.errors, 2);
      assert.deepEqual(failures, ['job 1: payload has no article text -> queued', 'job 1: payload has no article text -> failed']);
      assert.deepEqual(await queue.counts(), { queued: 0, running: 0, done: 0, failed: 1 });
    } finally {
      await queue.close();
      await drop();
    }
  });
});

// after the PostgreSQL probe above: these block the event loop (spawnSync), which would time the probe out
test('worker: durations', () => {
  assert.equal(parseDuration('2s'), 2000);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('1.5m'), 90_000);
  assert.equal(parseDuration('30'), 30_000);
  assert.equal(parseDuration('0s'), undefined);
  assert.equal(parseDuration('soon'), undefined);
});

test('worker: refuses SQLite clearly, and says why in --help', () => {
  for (const args of [['worker', '--db', 'sitrep.db'], ['enqueue', 'x.txt', '--db', 'some.sqlite']]) {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /needs a PostgreSQL database \(--db postgres:\/\/…\)/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
  const help = spawnSync(process.execPath, [BIN, 'worker', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /not offered for SQLite/);
});
