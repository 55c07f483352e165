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
  request: PoolRequest;
  resolve: (article: PreparedArticle) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

const WORKER_URL = new URL('./analysis-worker.js', import.meta.url);

/**
 * A worker's young generation: 32 MB semi-spaces instead of V8's 16 MB. Analysis allocates
 * fast and briefly, and with the default the scavenges took 12% of the worker's time; with
 * twice the room fewer objects survive to be copied (scavenge time measured 40% lower).
 */
const YOUNG_GENERATION_MB = 96;

/**
 * Articles a worker holds at once: the one it analyses and the next, already posted, so it
 * never waits for a round trip. The rest wait in the pool and go to whichever worker frees
 * up first: posted ahead to one worker, they would wait behind a long article there while
 * the other worker idled.
 */
const JOBS_PER_WORKER = 2;

/**
 * Worker threads that each run the default pipeline (built once per worker). Each article
 * comes back prepared for the store (its record and the rows computed from its document),
 * plain data, so what a worker returns is what the same pipeline gives in-process.
 */
export class AnalysisPool {
  /** workers started in this process so far (for tests and diagnostics) */
  static workersStarted = 0;
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private stopped: string | undefined;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), jobs: new Map() };
    AnalysisPool.workersStarted++;
    slot.worker.on('message', (reply: PoolReply) => {
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      this.feed(slot);
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
      if (this.slots.length === 0) for (const job of this.waiting.splice(0)) job.reject(new Error(`analysis workers stopped: ${reason}`));
      for (const s of this.slots) this.feed(s);
    };
    slot.worker.on('error', (err) => retire(err.message));
    slot.worker.on('exit', (code) => retire(`exited with code ${code}`));
    return slot;
  }

  /** Post waiting articles to the worker while it holds fewer than JOBS_PER_WORKER. */
  private feed(slot: Slot): void {
    while (slot.jobs.size < JOBS_PER_WORKER && this.waiting.length) {
      const job = this.waiting.shift()!;
      slot.jobs.set(job.request.id, job);
      slot.worker.postMessage(job.request);
    }
  }

  /** Analyse one article on the first worker free for it. */
  analyse(text: string, meta: ArticleMeta): Promise<PreparedArticle> {
    if (this.stopped !== undefined || this.slots.length === 0) return Promise.reject(new Error(`analysis workers stopped: ${this.stopped ?? 'pool closed'}`));
    return new Promise<PreparedArticle>((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, text, meta }, resolve, reject });
      let slot = this.slots[0]!;
      for (const s of this.slots) if (s.jobs.size < slot.jobs.size) slot = s;
      this.feed(slot);
    });
  }

  async close(): Promise<void> {
    this.stopped ??= 'pool closed';
    const slots = this.slots.splice(0);
    for (const job of this.waiting.splice(0)) job.reject(new Error('analysis workers stopped: pool closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
