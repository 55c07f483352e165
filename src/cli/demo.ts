import { Command } from 'commander';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import { ingestPaths } from '../analysis/ingest-run.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { openStore, resolveDatabase } from '../store/open-store.js';

const print = (s: string): void => void process.stdout.write(`${s}\n`);

/** Sum a layer's size over the stored articles, for the report. */
function total(counts: Record<string, number>[], layer: string): number {
  return counts.reduce((n, c) => n + (c[layer] ?? 0), 0);
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('analyse the sample articles shipped with sitrep into the database and show what was found')
    .option('--db <location>', 'database location (default ./sitrep.db or $SITREP_DB)')
    .addHelpText('after', '\nExample:\n  sitrep demo && sitrep articles list')
    .action(async (opts) => {
      const location = resolveDatabase(opts.db);
      const samples = join(PACKAGE_ROOT, 'samples');
      const store = await openStore(location);
      try {
        const started = performance.now();
        const summary = await ingestPaths([samples], await createDefaultPipeline(), store);
        const ms = Math.round(performance.now() - started);
        print(`sitrep demo: analysed the sample articles in ${samples}`);
        print(`  read ${summary.read}, stored ${summary.stored}, already stored ${summary.duplicates}, failed ${summary.failed} (${ms} ms)`);
        for (const e of summary.errors) print(`  failed: ${e.input}: ${e.message}`);
        const page = await store.listArticles({ limit: 100 });
        const counts = page.items.map((a) => a.counts);
        print(`\nDatabase ${location} now holds ${await store.countArticles()} articles:`);
        for (const a of page.items) print(`  ${a.id}  ${(a.outlet ?? '').padEnd(16)} ${a.title ?? a.origin ?? ''}`);
        const facts = ['sentences', 'entities', 'actors', 'places', 'dates', 'quotes', 'statements', 'counts', 'events'].filter((l) => counts.some((c) => l in c));
        print(`\nFacts extracted: ${facts.map((l) => `${total(counts, l)} ${l}`).join(', ')}`);
        print('\nWhere to look next:');
        print('  sitrep articles list                 the stored articles');
        print(`  sitrep articles show ${page.items[0]?.id ?? 'ID'}    one article with every fact and its span`);
        print('  sitrep search Kharkiv                full-text search');
        print('  sitrep clusters                      one event per story, every report attached, figures reconciled');
        print(`  sitrep serve${opts.db ? ` --db ${location}` : ''}                         the dashboard at http://127.0.0.1:8080/`);
        print('  sitrep analyze FILE --json           analyse any article without storing it');
        if (summary.failed > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
