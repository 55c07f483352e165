import { Command } from 'commander';
import { analyzeText } from '../analysis/analyze.js';
import { openAlertHook, type AlertHook } from '../alerts/evaluate.js';
import { readInputs } from '../ingest/index.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import type { NewJob } from '../store/jobs/job-queue.js';
import { PostgresJobQueue } from '../store/jobs/postgres-job-queue.js';
import { isPostgresLocation, openStore, resolveDatabase } from '../store/open-store.js';
import { redactLocation } from '../store/postgres/connection.js';
import { parseDuration } from '../worker/duration.js';
import { articleJob } from '../worker/process-job.js';
import { runWorker, type WorkerSummary } from '../worker/worker.js';
import { addMetaFlags, metaFromFlags, UsageError } from './meta-flags.js';

const WARM_UP_TEXT = 'On 1 May 2024 officials in Kharkiv said 3 people were injured after shelling, a spokesperson told "reporters".';

const print = (s: string): void => void process.stdout.write(`${s}\n`);

const SQLITE_NOTE =
  'Workers share the work through PostgreSQL (row locks with SKIP LOCKED, leases that expire when a worker dies).\n' +
  'They are not offered for SQLite: it has one writer at a time and lives on one machine, so several workers\n' +
  'would only queue behind each other; use `sitrep ingest PATH --db FILE` there instead.';

/** The queue's database: a postgres:// URL, else a usage error that says why. */
function queueLocation(option: string | undefined, command: string): string {
  const location = resolveDatabase(option);
  if (!isPostgresLocation(location)) {
    throw new UsageError(`${command} needs a PostgreSQL database (--db postgres://…), not "${location}"; with SQLite use \`sitrep ingest PATH\` instead`);
  }
  return location;
}

function durationOption(name: string, value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`--${name} must be a duration like 30s, 500ms or 2m, not "${value}"`);
  return ms;
}

export function workerCommand(): Command {
  return new Command('worker')
    .description('claim queued articles from PostgreSQL, analyse and store them; run as many as you like, on any machines')
    .option('--db <location>', 'a postgres:// URL (add ?schema=NAME for a schema); default $SITREP_DB')
    .option('--concurrency <n>', 'jobs in flight in this process', '1')
    .option('--lease <duration>', 'how long a claimed job is held before another worker may take it', '30s')
    .option('--poll <duration>', 'wait between looks when nothing is queued', '1s')
    .option('--once', 'exit when nothing is queued or running any more, instead of waiting for new jobs')
    .option('--status', 'print how many jobs are queued, running, done and failed, and exit')
    .option('--json', 'print the summary (or status) as JSON')
    .addHelpText(
      'after',
      `\nExamples:\n  sitrep enqueue ./articles/ --db postgres://db.example/sitrep\n  sitrep worker --db postgres://db.example/sitrep --once\n  sitrep worker --db postgres://db.example/sitrep --status\n\n` +
        `SIGTERM or Ctrl-C finishes the job in hand and exits; a killed worker's jobs are taken over when\nits lease runs out. Every article is stored once, however often its job runs.\n\n${SQLITE_NOTE}`,
    )
    .action(async (opts) => {
      const location = queueLocation(opts.db, 'sitrep worker');
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive integer, not "${opts.concurrency}"`);
      const leaseMs = durationOption('lease', opts.lease);
      const pollMs = durationOption('poll', opts.poll);
      const store = await openStore(location);
      const queue = PostgresJobQueue.fromLocation(location);
      let alerts: AlertHook | undefined;
      try {
        if (opts.status) {
          const counts = await queue.counts();
          print(opts.json ? JSON.stringify(counts) : `queued ${counts.queued}, running ${counts.running}, done ${counts.done}, failed ${counts.failed}`);
          return;
        }
        const pipeline = await createDefaultPipeline();
        alerts = await openAlertHook(store, location);
        // the first analysis loads lazily-built models; do it before claiming, not on a leased job
        analyzeText(pipeline, WARM_UP_TEXT, { publishedAt: '2024-05-02' });
        const stop = new AbortController();
        const onSignal = (signal: NodeJS.Signals): void => {
          if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
          console.error(`sitrep worker: ${signal}: finishing the job in hand, then exiting (again to stop now)`);
          stop.abort();
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
        let summary: WorkerSummary;
        try {
          summary = await runWorker({
            queue,
            store,
            pipeline,
            concurrency,
            leaseMs,
            pollMs,
            once: Boolean(opts.once),
            signal: stop.signal,
            onStored: alerts.onStored,
            onJob: (e) => {
              if (e.outcome === 'error') console.error(`sitrep worker: job ${e.job.id}: ${e.error} (now ${e.state ?? 'taken over by another worker'})`);
            },
          });
        } finally {
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
        }
        if (opts.json) print(JSON.stringify(summary));
        else {
          print(
            `worker ${summary.owner} on ${redactLocation(location)}: processed ${summary.processed}, stored ${summary.stored}, ` +
              `updated ${summary.updated}, duplicates ${summary.duplicates}, errors ${summary.errors}`,
          );
        }
      } finally {
        await alerts?.close();
        await queue.close();
        await store.close();
      }
    });
}

export function enqueueCommand(): Command {
  return addMetaFlags(new Command('enqueue'))
    .description('read articles and queue them in PostgreSQL for `sitrep worker` (queueing the same content again is a no-op)')
    .argument('<paths...>', 'files, folders (recursive) or - for standard input')
    .option('--db <location>', 'a postgres:// URL (add ?schema=NAME for a schema); default $SITREP_DB')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', `\nExamples:\n  sitrep enqueue ./articles/ feed.jsonl --db postgres://db.example/sitrep\n  sitrep worker --db postgres://db.example/sitrep\n\nExit code 1 when any input could not be read; the others are still queued.\n\n${SQLITE_NOTE}`)
    .action(async (paths: string[], opts) => {
      const location = queueLocation(opts.db, 'sitrep enqueue');
      const meta = metaFromFlags(opts);
      const queue = PostgresJobQueue.fromLocation(location);
      const summary = { read: 0, enqueued: 0, duplicates: 0, failed: 0, errors: [] as { input: string; message: string }[] };
      try {
        await queue.migrate();
        let batch: NewJob[] = [];
        const flush = async (): Promise<void> => {
          const r = await queue.enqueue(batch);
          summary.enqueued += r.enqueued;
          summary.duplicates += r.duplicates;
          batch = [];
        };
        for await (const item of readInputs(paths, { meta })) {
          summary.read++;
          if (!item.ok) {
            summary.failed++;
            summary.errors.push(item.failure);
            continue;
          }
          batch.push(articleJob(item.article));
          if (batch.length >= 500) await flush();
        }
        await flush();
      } finally {
        await queue.close();
      }
      if (opts.json) print(JSON.stringify(summary));
      else {
        print(`read ${summary.read}, queued ${summary.enqueued}, already queued ${summary.duplicates}, failed ${summary.failed}`);
        for (const e of summary.errors) console.error(`sitrep: ${e.input}: ${e.message}`);
      }
      if (summary.failed > 0) process.exitCode = 1;
    });
}

/** `sitrep worker` and `sitrep enqueue`, registered together by main.ts. */
export function workerCommands(): Command[] {
  return [workerCommand(), enqueueCommand()];
}
