import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createDefaultPipeline } from '../pipeline/default.js';
import { PostgresJobQueue } from '../store/jobs/postgres-job-queue.js';
import { describePostgres, freshSchema } from '../store/jobs/test-postgres.js';
import { openStore } from '../store/open-store.js';
import { articleJob } from '../worker/process-job.js';
import { runWorker } from '../worker/worker.js';
import type { AlertMatch } from './alert.js';
import { AlertEvaluator } from './evaluate.js';
import { openAlertStore } from './open-alerts.js';
import { startReceiver } from './test-receiver.js';

const fixture = (n: number) => JSON.parse(readFileSync(new URL(`../../src/alerts/fixtures/report-${n}.json`, import.meta.url), 'utf8')) as { text: string; title: string; outlet: string; publishedAt: string };

await describePostgres('alerts from PostgreSQL workers', () => {
  test('alerts from workers: two workers racing over three reports fire the alert once, with one POST', { timeout: 60_000 }, async (t) => {
    const { url, drop } = freshSchema('alerts_workers');
    const receiver = await startReceiver();
    const queue = PostgresJobQueue.fromLocation(url);
    const store = await openStore(url);
    const alerts = await openAlertStore(url);
    t.after(async () => {
      await alerts.close();
      await store.close();
      await queue.close();
      await receiver.close();
      await drop();
    });
    await queue.migrate();
    await alerts.addAlert({ name: 'caucasus', filter: { type: 'ASSAULT', country: 'AM,AZ' }, thresholds: { killed: 10 }, deliver: `webhook:${receiver.url}`, createdAt: new Date().toISOString() });
    await queue.enqueue([1, 2, 3].map((n) => {
      const { text, ...meta } = fixture(n);
      return articleJob({ text, meta });
    }));
    const pipeline = await createDefaultPipeline();
    const fired: AlertMatch[] = [];
    const problems: string[] = [];
    // two workers, each with its own evaluator (as two processes would have), sharing the database
    const worker = (owner: string) => {
      const evaluator = new AlertEvaluator(store, alerts, { log: (l) => problems.push(l) });
      return runWorker({ queue, store, pipeline, owner, once: true, pollMs: 20, concurrency: 2, onStored: async (r) => void fired.push(...(await evaluator.articleStored(r))) });
    };
    const summaries = await Promise.all([worker('w1'), worker('w2')]);
    assert.equal(summaries.reduce((n, s) => n + s.stored, 0), 3);
    assert.deepEqual(problems, []);
    assert.equal(fired.length, 1, `fired: ${JSON.stringify(fired.map((m) => m.articleId))}`);
    assert.equal((await alerts.listMatches()).length, 1);
    assert.equal(receiver.requests.length, 1);
    assert.equal((JSON.parse(receiver.requests[0]!.body) as AlertMatch).event.figures.find((f) => f.kind === 'killed')?.best, 12);
  });
});
