import type { ArticleMeta } from '../../core/document.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** What a job asks for. `article`: analyse and store one article already read by the ingest readers. */
export interface ArticlePayload {
  text: string;
  meta: ArticleMeta;
}

export interface JobPayloads {
  article: ArticlePayload;
}

export type JobKind = keyof JobPayloads;

export interface NewJob<K extends JobKind = JobKind> {
  kind: K;
  payload: JobPayloads[K];
  /** enqueueing a job whose key is already in the table (in any state) is a no-op */
  dedupeKey: string;
}

export interface Job<K extends JobKind = JobKind> {
  id: string;
  kind: K;
  payload: JobPayloads[K];
  dedupeKey: string;
  /** claims so far, this one included */
  attempts: number;
  maxAttempts: number;
  leaseOwner: string;
  leaseExpiresAt: Date;
}

export type JobCounts = Record<JobState, number>;

/**
 * A work queue shared by any number of worker processes. Claims hand each job to one owner
 * for a lease; a lease that runs out (the owner died or stalled) makes the job claimable again,
 * so a job may run more than once: the work must be idempotent (saving an article is, by its
 * content hash). Every method that changes a job checks that the caller still holds its lease.
 */
export interface JobQueue {
  migrate(): Promise<void>;
  enqueue(jobs: NewJob[]): Promise<{ enqueued: number; duplicates: number }>;
  /** up to `n` jobs that are queued or whose lease expired, now leased to `owner` for `leaseMs` */
  claim(owner: string, n: number, leaseMs: number): Promise<Job[]>;
  /** extend the leases `owner` still holds; returns the ids it still holds */
  heartbeat(owner: string, ids: string[], leaseMs: number): Promise<string[]>;
  /** mark done; false when the lease was lost (another worker then finishes the job) */
  complete(owner: string, id: string): Promise<boolean>;
  /** record an error: queued again, or failed once its attempts are used up; undefined when the lease was lost */
  fail(owner: string, id: string, error: string): Promise<JobState | undefined>;
  /** hand claimed jobs back unstarted (on shutdown), without counting the attempt */
  release(owner: string, ids: string[]): Promise<number>;
  counts(): Promise<JobCounts>;
  close(): Promise<void>;
}
