import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { StoreError } from '../store.js';
import type { NewJob } from './job-queue.js';
import { PostgresJobQueue } from './postgres-job-queue.js';
import { describePostgres, freshSchema } from './test-postgres.js';

function jobs(count: number, from = 0): NewJob[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'article' as const,
    payload: { text: `Short test article number ${from + i}.`, meta: { id: `t${from + i}` } },
    dedupeKey: `k${from + i}`,
  }));
}

/** A migrated queue in a schema of its own, dropped afterwards. */
async function withQueue(fn: (queue: PostgresJobQueue, url: string) => Promise<void>, maxAttempts?: number): Promise<void> {
  const { url, drop } = freshSchema('jobs');
  const queue = PostgresJobQueue.fromLocation(url, maxAttempts === undefined ? {} : { maxAttempts });
  try {
    await queue.migrate();
    await fn(queue, url);
  } finally {
    await queue.close();
    await drop();
  }
}

test('job queue: refuses a location that is not PostgreSQL', () => {
  assert.throws(() => PostgresJobQueue.fromLocation('sitrep.db'), (err: Error) => err instanceof StoreError && /needs PostgreSQL/.test(err.message));
});

await describePostgres('postgres job queue', () => {
  test('job queue: enqueue is idempotent by dedupe key and payloads survive the round trip', async () => {
    await withQueue(async (queue) => {
      assert.deepEqual(await queue.enqueue(jobs(3)), { enqueued: 3, duplicates: 0 });
      assert.deepEqual(await queue.enqueue([...jobs(4), ...jobs(1, 3)]), { enqueued: 1, duplicates: 4 });
      assert.deepEqual(await queue.counts(), { queued: 4, running: 0, done: 0, failed: 0 });
      const nul = { kind: 'article' as const, payload: { text: 'a\u0000b "quoted" \\ back', meta: {} }, dedupeKey: 'nul' };
      await queue.enqueue([nul]);
      const claimed = await queue.claim('a', 10, 10_000);
      assert.equal(claimed.length, 5);
      assert.deepEqual(claimed.map((j) => j.dedupeKey), ['k0', 'k1', 'k2', 'k3', 'nul']);
      assert.equal(claimed[4]!.payload.text, 'a\uFFFDb "quoted" \\ back');
      assert.deepEqual(claimed[0]!.payload.meta, { id: 't0' });
      assert.ok(claimed.every((j) => j.attempts === 1 && j.leaseOwner === 'a'));
    });
  });

  test('job queue: concurrent claimers never get the same job', async () => {
    await withQueue(async (queue, url) => {
      await queue.enqueue(jobs(300));
      const claimers = Array.from({ length: 6 }, () => PostgresJobQueue.fromLocation(url));
      try {
        const got = await Promise.all(
          claimers.map(async (q, i) => {
            const ids: string[] = [];
            for (;;) {
              const batch = await q.claim(`w${i}`, 7, 60_000);
              if (batch.length === 0) return ids;
              ids.push(...batch.map((j) => j.id));
            }
          }),
        );
        const all = got.flat();
        assert.equal(all.length, 300);
        assert.equal(new Set(all).size, 300);
        assert.deepEqual(await queue.counts(), { queued: 0, running: 300, done: 0, failed: 0 });
      } finally {
        await Promise.all(claimers.map((q) => q.close()));
      }
    });
  });

  test('job queue: an expired lease is claimed again and the old owner can no longer complete it', async () => {
    await withQueue(async (queue) => {
      await queue.enqueue(jobs(1));
      const [first] = await queue.claim('dead', 1, 150);
      assert.ok(first);
      assert.deepEqual(await queue.claim('b', 1, 10_000), []);
      await delay(300);
      const [again] = await queue.claim('b', 1, 10_000);
      assert.equal(again?.id, first.id);
      assert.equal(again?.attempts, 2);
      assert.equal(await queue.complete('dead', first.id), false);
      assert.equal(await queue.fail('dead', first.id, 'late'), undefined);
      assert.equal(await queue.complete('b', first.id), true);
      assert.deepEqual(await queue.counts(), { queued: 0, running: 0, done: 1, failed: 0 });
      assert.deepEqual(await queue.claim('c', 1, 10_000), []);
    });
  });

  test('job queue: heartbeat keeps a lease alive', async () => {
    await withQueue(async (queue) => {
      await queue.enqueue(jobs(1));
      const [j] = await queue.claim('a', 1, 300);
      await delay(100);
      assert.deepEqual(await queue.heartbeat('a', [j!.id], 5000), [j!.id]);
      assert.deepEqual(await queue.heartbeat('someone-else', [j!.id], 5000), []);
      await delay(400);
      assert.deepEqual(await queue.claim('b', 1, 1000), []);
    });
  });

  test('job queue: a failing job is retried, then failed once its attempts are used up', async () => {
    await withQueue(async (queue) => {
      await queue.enqueue(jobs(1));
      const [j] = await queue.claim('a', 1, 10_000);
      assert.equal(await queue.fail('a', j!.id, 'boom 1'), 'queued');
      const [k] = await queue.claim('b', 1, 10_000);
      assert.equal(k?.attempts, 2);
      assert.equal(await queue.fail('b', k!.id, 'boom 2'), 'failed');
      assert.deepEqual(await queue.counts(), { queued: 0, running: 0, done: 0, failed: 1 });
      assert.deepEqual(await queue.claim('c', 1, 10_000), []);
    }, 2);
  });

  test('job queue: a job whose leases keep running out is failed, not retried forever', async () => {
    await withQueue(async (queue) => {
      await queue.enqueue(jobs(1));
      await queue.claim('a', 1, 50);
      await delay(150);
      assert.deepEqual(await queue.claim('b', 1, 50), []);
      assert.deepEqual(await queue.counts(), { queued: 0, running: 0, done: 0, failed: 1 });
    }, 1);
  });

  test('job queue: release hands unstarted jobs back without counting the attempt', async () => {
    await withQueue(async (queue) => {
      await queue.enqueue(jobs(2));
      const claimed = await queue.claim('a', 2, 10_000);
      assert.equal(await queue.release('b', claimed.map((j) => j.id)), 0);
      assert.equal(await queue.release('a', claimed.map((j) => j.id)), 2);
      const again = await queue.claim('c', 2, 10_000);
      assert.deepEqual(again.map((j) => j.attempts), [1, 1]);
    });
  });
});
