import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Job, JobQueue, JobState } from '../store/jobs/job-queue.js';
import type { SaveStatus, Store } from '../store/store.js';
import { processJob } from './process-job.js';

export interface WorkerOptions {
  queue: JobQueue;
  store: Store;
  pipeline: Pipeline;
  /** names this worker in the jobs table (default host:pid:random) */
  owner?: string;
  /** jobs in flight at once in this process (default 1; the pipeline itself is synchronous) */
  concurrency?: number;
  /** how long a claim holds a job before another worker may take it (default 30 s) */
  leaseMs?: number;
  /** how long to wait before asking again when nothing is claimable (default 1 s) */
  pollMs?: number;
  /** return once nothing is queued or running any more, instead of waiting for new jobs */
  once?: boolean;
  /** when aborted, the jobs in hand are finished and the worker returns */
  signal?: AbortSignal;
  onJob?: (event: JobEvent) => void;
  /** called after each job's article is saved, e.g. to evaluate standing alerts; its failure never fails the job */
  onStored?: (result: { id: string; status: SaveStatus }) => Promise<void> | void;
}

export type JobEvent =
  | { job: Job; outcome: 'done'; status: SaveStatus; articleId: string; leaseLost: boolean }
  | { job: Job; outcome: 'error'; error: string; state: JobState | undefined };

export interface WorkerSummary {
  owner: string;
  processed: number;
  stored: number;
  updated: number;
  duplicates: number;
  errors: number;
  /** jobs finished after their lease had been lost (another worker redid or will redo them) */
  leasesLost: number;
}

export function defaultOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Claim jobs, do them, mark them done, until stopped (or, with `once`, until the queue is
 * drained). Leases held are extended every third of a lease; a lease is lost only if this
 * process stalls longer than a lease, and then the job's other run saves nothing twice.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { queue, store, pipeline, onJob } = options;
  // stops every slot: the caller's signal, or one slot failing (the database went away)
  const stop = new AbortController();
  const signal = stop.signal;
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const owner = options.owner ?? defaultOwner();
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 1000;
  const summary: WorkerSummary = { owner, processed: 0, stored: 0, updated: 0, duplicates: 0, errors: 0, leasesLost: 0 };
  const held = new Set<string>();

  const heartbeat = setInterval(() => {
    if (held.size > 0) queue.heartbeat(owner, [...held], leaseMs).catch(() => {});
  }, Math.max(50, Math.floor(leaseMs / 3)));
  heartbeat.unref();

  const slot = async (): Promise<void> => {
    while (!signal.aborted) {
      const [job] = await queue.claim(owner, 1, leaseMs);
      if (!job) {
        if (options.once) {
          // jobs running elsewhere may still come back (their worker may die): wait them out
          const counts = await queue.counts();
          if (counts.queued === 0 && counts.running === 0) return;
        }
        await sleep(pollMs, signal);
        continue;
      }
      held.add(job.id);
      summary.processed++;
      try {
        const { articleId, status } = await processJob(job, pipeline, store);
        const completed = await queue.complete(owner, job.id);
        if (!completed) summary.leasesLost++;
        if (status === 'stored') summary.stored++;
        else if (status === 'updated') summary.updated++;
        else summary.duplicates++;
        onJob?.({ job, outcome: 'done', status, articleId, leaseLost: !completed });
        // the job is done whatever happens here; racing workers are kept apart by the alert's unique match key
        await (async () => options.onStored?.({ id: articleId, status }))().catch(() => {});
      } catch (err) {
        summary.errors++;
        const error = (err as Error).message || String(err);
        const state = await queue.fail(owner, job.id, error);
        onJob?.({ job, outcome: 'error', error, state });
      } finally {
        held.delete(job.id);
      }
    }
  };

  try {
    const slots = Array.from({ length: Math.max(1, Math.floor(options.concurrency ?? 1)) }, () =>
      slot().catch((err: unknown) => {
        stop.abort();
        throw err;
      }),
    );
    const results = await Promise.allSettled(slots);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    // a job left running by a slot that threw (the database went away) is retaken when its lease runs out
    clearInterval(heartbeat);
  }
  return summary;
}
