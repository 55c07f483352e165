import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { describePoll, openFeedState, parseInterval, pollFeeds, watchFeeds, type PollResult } from '../feeds/index.js';
import { openAlertHook } from '../alerts/evaluate.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { openStore, resolveDatabase } from '../store/open-store.js';
import { UsageError } from './meta-flags.js';

// saved .rss/.atom files become readable by `sitrep ingest` too (feeds and ingest share the parser)

const print = (s: string): void => void process.stdout.write(`${s}\n`);

/** Feed URLs from the arguments and a list file (one URL per line, "#" starts a comment). */
export function feedUrls(args: string[], listFile?: string): string[] {
  const urls = [...args];
  if (listFile) {
    let text: string;
    try {
      text = readFileSync(listFile, 'utf8');
    } catch (err) {
      throw new UsageError(`${listFile}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    }
    for (const line of text.split(/\r?\n/)) {
      const url = line.replace(/#.*/, '').trim();
      if (url) urls.push(url);
    }
  }
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`"${url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`"${url}": only http and https feeds are followed`);
  }
  if (urls.length === 0) throw new UsageError('no feeds: give feed URLs or --list FILE');
  return [...new Set(urls)];
}

export function watchCommand(): Command {
  return new Command('watch')
    .description('follow RSS/Atom feeds: fetch each new item\'s page, analyse it and store it')
    .argument('[feeds...]', 'feed URLs')
    .option('--list <file>', 'file with one feed URL per line (# comments)')
    .option('--interval <time>', 'time between polls, e.g. 90s, 5m, 1h', '5m')
    .option('--once', 'poll each feed once and exit (for cron and tests)')
    .option('--allow-private', 'allow feeds and pages on loopback and private network addresses')
    .option('--db <location>', 'database: a SQLite path or a postgres:// URL; default ./sitrep.db or $SITREP_DB')
    .option('--json', 'print each poll result as a JSON line')
    .addHelpText(
      'after',
      '\nExamples:\n  sitrep watch https://example.org/feed.xml --once\n  sitrep watch --list feeds.txt --interval 10m\n\nWhat was seen, ETag/Last-Modified and backoff are kept in the database, so a restart picks up where it left off.',
    )
    .action(async (args: string[], opts) => {
      const urls = feedUrls(args, opts.list);
      const intervalMs = parseInterval(opts.interval);
      if (intervalMs === undefined) throw new UsageError(`--interval "${opts.interval}" is not a duration like 90s, 5m or 1h`);
      const location = resolveDatabase(opts.db);
      const store = await openStore(location);
      const state = await openFeedState(location).catch(async (err) => {
        await store.close();
        throw err;
      });
      const alerts = await openAlertHook(store, location); // never throws: without its tables, watching goes on without alerts
      const report = (results: PollResult[]): void => {
        for (const r of results) print(opts.json ? JSON.stringify(r) : describePoll(r));
      };
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const options = { store, state, pipeline: await createDefaultPipeline(), allowPrivate: Boolean(opts.allowPrivate), onStored: alerts.onStored };
        if (opts.once) {
          const results = await pollFeeds(urls, options);
          report(results);
          if (results.some((r) => r.status === 'error')) process.exitCode = 1;
        } else {
          await watchFeeds(urls, { ...options, intervalMs, signal: controller.signal, onPoll: report });
        }
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await alerts.close();
        await state.close();
        await store.close();
      }
    });
}
