import { Worker } from 'node:worker_threads';
import type { ArticleMeta } from '../core/document.js';
import type { PreparedArticle } from '../store/article-rows.js';

export interface PoolRequest {
  id: number;
  text: string;
  meta: ArticleMeta;
}

export type PoolReply = { id: number; article: PreparedArticle } | { id: number; error: string };

interface Job {
  resolve: (article: PreparedArticle) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

const WORKER_URL = new URL('./analysis-worker.js', import.meta.url);

/**
 * Worker threads that each run the default pipeline (built once per worker). Articles go
 * to the least busy worker; each comes back prepared for the store (its record and the rows
 * computed from its document), plain data, so what a worker returns is what the same
 * pipeline gives in-process.
 */
export class AnalysisPool {
  /** workers started in this process so far (for tests and diagnostics) */
  static workersStarted = 0;
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private stopped: string | undefined;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL), jobs: new Map() };
    AnalysisPool.workersStarted++;
    slot.worker.on('message', (reply: PoolReply) => {
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      if ('article' in reply) job.resolve(reply.article);
      else job.reject(new Error(reply.error));
    });
    // a worker that dies fails the articles it held; the others carry on
    const retire = (reason: string) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      if (this.slots.length === 0) this.stopped ??= reason;
      for (const job of slot.jobs.values()) job.reject(new Error(`analysis worker stopped: ${reason}`));
      slot.jobs.clear();
    };
    slot.worker.on('error', (err) => retire(err.message));
    slot.worker.on('exit', (code) => retire(`exited with code ${code}`));
    return slot;
  }

  /** Analyse one article on the least busy worker. */
  analyse(text: string, meta: ArticleMeta): Promise<PreparedArticle> {
    if (this.stopped !== undefined || this.slots.length === 0) return Promise.reject(new Error(`analysis workers stopped: ${this.stopped ?? 'pool closed'}`));
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.jobs.size < slot.jobs.size) slot = s;
    const id = this.nextId++;
    return new Promise<PreparedArticle>((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, text, meta } satisfies PoolRequest);
    });
  }

  async close(): Promise<void> {
    this.stopped ??= 'pool closed';
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
