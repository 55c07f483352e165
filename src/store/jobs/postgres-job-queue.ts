import pg from 'pg';
import { checkSchemaName, describeConnectError, splitSchemaParam } from '../postgres/connection.js';
import { PostgresStore } from '../postgres/postgres-store.js';
import { StoreError } from '../store.js';
import type { Job, JobCounts, JobKind, JobQueue, JobState, NewJob } from './job-queue.js';

interface JobRow {
  id: string;
  kind: JobKind;
  payload: Job['payload'];
  dedupe_key: string;
  attempts: number;
  max_attempts: number;
  lease_owner: string;
  lease_expires_at: Date;
}

const JOB_COLUMNS = 'id, kind, payload, dedupe_key, attempts, max_attempts, lease_owner, lease_expires_at';

function job(row: JobRow): Job {
  return {
    id: String(row.id),
    kind: row.kind,
    payload: row.payload,
    dedupeKey: row.dedupe_key,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
  };
}

/** jsonb cannot hold U+0000; replace it as the article store does (one code unit for one). */
function payloadJson(payload: unknown): string {
  return JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v));
}

export interface PostgresJobQueueOptions {
  schema?: string;
  max?: number;
  /** attempts before a job is failed for good (default 5) */
  maxAttempts?: number;
}

/**
 * The job queue in PostgreSQL (table `jobs`, migration 2). Claiming is one statement:
 * the inner SELECT … FOR UPDATE SKIP LOCKED lets concurrent claimers pass over each other's
 * rows instead of waiting, and re-checks a row that changed under it, so no job is handed to
 * two owners at once. Time is the server's `now()`, so the workers' clocks do not matter.
 */
export class PostgresJobQueue implements JobQueue {
  readonly schema: string | undefined;
  private readonly pool: pg.Pool;
  private readonly maxAttempts: number;

  constructor(readonly connectionString: string, options: PostgresJobQueueOptions = {}) {
    this.schema = options.schema === undefined ? undefined : checkSchemaName(options.schema);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.pool = new pg.Pool({ connectionString, max: options.max ?? 2, connectionTimeoutMillis: 10_000 });
    this.pool.on('error', () => {});
    // Queue bookkeeping need not wait for the WAL flush: a claim or completion lost to a server
    // crash only means a job runs again, which stores nothing twice. Articles keep their durable
    // commits (they are saved through the Store's own connections).
    const setup = `${this.schema ? `SET search_path TO "${this.schema}"; ` : ''}SET synchronous_commit TO off`;
    this.pool.on('connect', (client) => void client.query(setup).catch(() => {}));
  }

  /** A queue for a postgres:// URL (with optional ?schema=); anything else is refused. */
  static fromLocation(location: string, options: Omit<PostgresJobQueueOptions, 'schema'> = {}): PostgresJobQueue {
    if (!/^postgres(ql)?:\/\//i.test(location)) throw new StoreError(`the job queue needs PostgreSQL (a postgres:// URL), not "${location}"`);
    const { connectionString, schema } = splitSchemaParam(location);
    return new PostgresJobQueue(connectionString, { ...options, ...(schema ? { schema } : {}) });
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw describeConnectError(this.connectionString, err);
    }
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      client.release();
    }
  }

  /** The jobs table is a store migration; run them all (under the store's advisory lock). */
  async migrate(): Promise<void> {
    const store = new PostgresStore(this.connectionString, { ...(this.schema ? { schema: this.schema } : {}), max: 1 });
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
  }

  async enqueue(jobs: NewJob[]): Promise<{ enqueued: number; duplicates: number }> {
    let enqueued = 0;
    // one statement per chunk; ON CONFLICT makes a repeated key (also within a chunk) a no-op
    for (let i = 0; i < jobs.length; i += 500) {
      const chunk = jobs.slice(i, i + 500);
      const rows = await this.query<{ id: string }>(
        `INSERT INTO jobs (kind, dedupe_key, payload, max_attempts)
          SELECT k, d, p::jsonb, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(k, d, p)
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [chunk.map((j) => j.kind), chunk.map((j) => j.dedupeKey), chunk.map((j) => payloadJson(j.payload)), this.maxAttempts],
      );
      enqueued += rows.length;
    }
    return { enqueued, duplicates: jobs.length - enqueued };
  }

  async claim(owner: string, n: number, leaseMs: number): Promise<Job[]> {
    const want = Math.max(1, Math.floor(n));
    const rows = await this.query<JobRow>(
      `WITH picked AS (
          SELECT id FROM jobs
            WHERE state = 'queued' OR (state = 'running' AND lease_expires_at < now() AND attempts < max_attempts)
            ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
        UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, lease_owner = $1,
            lease_expires_at = now() + $3 * interval '1 millisecond', updated_at = now()
          FROM picked WHERE j.id = picked.id
          RETURNING ${JOB_COLUMNS.split(', ').map((c) => `j.${c}`).join(', ')}`,
      [owner, want, Math.max(1, Math.round(leaseMs))],
    );
    // A job whose leases keep running out (it kills or stalls every worker) stops being retried.
    // The claim above never takes such a job, so sweeping only when it came up short is enough.
    if (rows.length < want) {
      await this.query(
        `UPDATE jobs SET state = 'failed', last_error = 'lease expired ' || attempts || ' times' || coalesce(' (last error: ' || last_error || ')', ''),
            lease_expires_at = NULL, updated_at = now()
          WHERE state = 'running' AND lease_expires_at < now() AND attempts >= max_attempts`,
      );
    }
    return rows.map(job).sort((a, b) => Number(a.id) - Number(b.id));
  }

  async heartbeat(owner: string, ids: string[], leaseMs: number): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<{ id: string }>(
      `UPDATE jobs SET lease_expires_at = now() + $3 * interval '1 millisecond', updated_at = now()
        WHERE id = ANY($2::bigint[]) AND lease_owner = $1 AND state = 'running' RETURNING id`,
      [owner, ids, Math.max(1, Math.round(leaseMs))],
    );
    return rows.map((r) => String(r.id));
  }

  async complete(owner: string, id: string): Promise<boolean> {
    // lease_owner stays: who finished the job is worth knowing
    const rows = await this.query(
      `UPDATE jobs SET state = 'done', lease_expires_at = NULL, last_error = NULL, updated_at = now()
        WHERE id = $2 AND lease_owner = $1 AND state = 'running' RETURNING id`,
      [owner, id],
    );
    return rows.length === 1;
  }

  async fail(owner: string, id: string, error: string): Promise<JobState | undefined> {
    const rows = await this.query<{ state: JobState }>(
      `UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
          last_error = $3, lease_expires_at = NULL, updated_at = now()
        WHERE id = $2 AND lease_owner = $1 AND state = 'running' RETURNING state`,
      [owner, id, error.replaceAll('\u0000', '\uFFFD').slice(0, 2000)],
    );
    return rows[0]?.state;
  }

  async release(owner: string, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.query(
      `UPDATE jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE id = ANY($2::bigint[]) AND lease_owner = $1 AND state = 'running' RETURNING id`,
      [owner, ids],
    );
    return rows.length;
  }

  async counts(): Promise<JobCounts> {
    const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of await this.query<{ state: JobState; n: string }>('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state')) counts[r.state] = Number(r.n);
    return counts;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
