import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { analyzeText } from '../analysis/analyze.js';
import { ingestPaths, type IngestSummary } from '../analysis/ingest-run.js';
import { openAlertHook, type AlertHook } from '../alerts/evaluate.js';
import { readInputs } from '../ingest/index.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { openStore, resolveDatabase } from '../store/open-store.js';
import { addMetaFlags, metaFromFlags, UsageError } from './meta-flags.js';
import { renderReport } from './report.js';

const print = (s: string): void => void process.stdout.write(`${s}\n`);

export function analyzeCommand(): Command {
  return addMetaFlags(new Command('analyze'))
    .description('analyse one article and print what was found (nothing is stored)')
    .argument('<input>', 'a .txt, .html, .jsonl or .json file, or - for standard input')
    .option('--json', 'print the whole document with every layer and span as JSON')
    .option('--format <format>', 'input format for standard input: txt, html, jsonl, json')
    .addHelpText('after', '\nExamples:\n  sitrep analyze article.txt --published 2023-09-20\n  cat page.html | sitrep analyze - --format html --json')
    .action(async (input: string, opts) => {
      const pipeline = await createDefaultPipeline();
      const outputs: unknown[] = [];
      let failed = false;
      for await (const item of readInputs([input], { meta: metaFromFlags(opts), format: opts.format })) {
        if (!item.ok) {
          console.error(`sitrep: ${item.failure.input}: ${item.failure.message}`);
          failed = true;
          continue;
        }
        const { json } = analyzeText(pipeline, item.article.text, item.article.meta);
        if (opts.json) outputs.push(json);
        else print(`${renderReport(json)}\n`);
      }
      if (opts.json) print(JSON.stringify(outputs.length === 1 ? outputs[0] : outputs, null, 2));
      if (failed) process.exitCode = 1;
    });
}

function progressLine(s: IngestSummary): string {
  return `ingesting… ${s.read} read, ${s.stored} stored, ${s.duplicates} duplicates, ${s.failed} failed`;
}

/** `--threads`: a whole number from 1; by default two workers, or in-process on one core */
function threadCount(flag: unknown): number {
  if (flag === undefined) return Math.min(2, availableParallelism());
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads "${String(flag)}" is not a whole number from 1 to 64`);
  return n;
}

export function ingestCommand(): Command {
  return addMetaFlags(new Command('ingest'))
    .description('analyse articles and store them in the database (re-ingesting is a no-op)')
    .argument('<paths...>', 'files, folders (recursive) or - for standard input')
    .option('--db <location>', 'database: a SQLite path or a postgres:// URL (add ?schema=NAME for a schema); default ./sitrep.db or $SITREP_DB')
    .option('--json', 'print the summary as JSON')
    .option('--threads <n>', 'worker threads that analyse articles (1 = in-process; default: 2, or 1 on a one-core machine)')
    .addHelpText('after', '\nExamples:\n  sitrep ingest ./articles/\n  sitrep ingest feed.jsonl --outlet Reuters --json\n\nExit code 1 when any input failed; the others are still stored.')
    .action(async (paths: string[], opts) => {
      const threads = threadCount(opts.threads);
      const location = resolveDatabase(opts.db);
      const store = await openStore(location);
      const tty = process.stderr.isTTY && !opts.json;
      let alerts: AlertHook | undefined;
      try {
        // standing alerts are evaluated as each article is stored; matches go where each alert says
        alerts = await openAlertHook(store, location, opts.json ? { write: (line) => void process.stderr.write(`${line}\n`) } : {});
        const summary = await ingestPaths(paths, () => createDefaultPipeline(), store, {
          threads,
          meta: metaFromFlags(opts),
          onProgress: tty ? (s) => process.stderr.write(`\r${progressLine(s)}`) : undefined,
          onStored: alerts.onStored,
        });
        if (tty) process.stderr.write('\n');
        if (opts.json) print(JSON.stringify(summary));
        else {
          print(`read ${summary.read}, stored ${summary.stored}, duplicates ${summary.duplicates}, failed ${summary.failed}`);
          for (const e of summary.errors) console.error(`sitrep: ${e.input}: ${e.message}`);
        }
        if (summary.failed > 0) process.exitCode = 1;
      } finally {
        await alerts?.close();
        await store.close();
      }
    });
}

export function articlesCommand(): Command {
  const cmd = new Command('articles').description('list stored articles or show one');
  cmd
    .command('list', { isDefault: true })
    .description('list stored articles, newest first')
    .option('--db <location>', 'database location')
    .option('--limit <n>', 'how many', '50')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  sitrep articles list --limit 10')
    .action(async (opts) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, not "${opts.limit}"`);
      const store = await openStore(resolveDatabase(opts.db));
      try {
        const page = await store.listArticles({ limit, cursor: opts.cursor });
        if (opts.json) return print(JSON.stringify(page, null, 2));
        for (const a of page.items) print(`${a.id}  ${(a.publishedAt ?? '').slice(0, 10).padEnd(10)}  ${(a.outlet ?? '').slice(0, 16).padEnd(16)}  ${a.title ?? a.origin ?? ''}`);
        if (page.items.length === 0) print('no articles stored yet — try `sitrep ingest PATH` or `sitrep demo`');
        if (page.nextCursor) print(`more: sitrep articles list --cursor ${page.nextCursor}`);
      } finally {
        await store.close();
      }
    });
  cmd
    .command('show')
    .description('show one stored article with its facts')
    .argument('<id>', 'article id')
    .option('--db <location>', 'database location')
    .option('--json', 'print the whole stored document as JSON')
    .addHelpText('after', '\nExample:\n  sitrep articles show 3f2a9c1e0b7d4a55 --json')
    .action(async (id: string, opts) => {
      const store = await openStore(resolveDatabase(opts.db));
      try {
        const article = await store.getArticle(id);
        if (!article) throw new UsageError(`no article with id "${id}"`);
        print(opts.json ? JSON.stringify(article, null, 2) : renderReport(article.document));
      } finally {
        await store.close();
      }
    });
  return cmd;
}

export function searchCommand(): Command {
  return new Command('search')
    .description('full-text search over stored articles')
    .argument('<text...>', 'words to search for')
    .option('--db <location>', 'database location')
    .option('--limit <n>', 'how many hits', '20')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  sitrep search ceasefire Karabakh')
    .action(async (words: string[], opts) => {
      const store = await openStore(resolveDatabase(opts.db));
      try {
        const hits = await store.search(words.join(' '), { limit: Number(opts.limit) || 20 });
        if (opts.json) return print(JSON.stringify(hits, null, 2));
        for (const h of hits) print(`${h.id}  ${h.title ?? ''}\n    ${h.snippet.replace(/\s+/g, ' ')}`);
        if (hits.length === 0) print('no matches');
      } finally {
        await store.close();
      }
    });
}

export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(err as Error).message})`}`);
  }
}
