import { Command } from 'commander';
import { openStoryIndex } from '../reconcile/story-index.js';
import { openStore, resolveDatabase } from '../store/open-store.js';

const print = (s: string): void => void process.stdout.write(`${s}\n`);

export function clustersCommand(): Command {
  return new Command('clusters')
    .description('stories across stored articles: one event per real-world event, every report attached, figures reconciled')
    .option('--db <location>', 'database location (default ./sitrep.db or $SITREP_DB)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  sitrep demo && sitrep clusters')
    .action(async (opts) => {
      // a reader that stops early (sitrep clusters | head) is not an error
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      const store = await openStore(resolveDatabase(opts.db));
      const index = await openStoryIndex(store).catch(async (err) => {
        await store.close();
        throw err;
      });
      try {
        // the stored index: only articles stored since the last run are clustered
        await index.catchUp();
        const clusters = await index.clusters();
        if (opts.json) return print(JSON.stringify(clusters, null, 2));
        for (const c of clusters) {
          print(`${c.id}: ${c.articles.length} article(s) — ${c.articles.map((a) => `${a.outlet ?? '?'}${a.nearDuplicateOf ? ' (near-duplicate)' : ''}`).join(', ')}`);
          for (const e of c.events.filter((x) => x.figures.length || x.reports.length > 1)) {
            print(`  ${e.type} ${e.place ?? ''} ${e.date ?? ''}: ${e.reports.length} report(s)`);
            for (const f of e.figures) {
              print(`    ${f.kind}: low ${f.low} / best ${f.best} / high ${f.high} from ${f.sources} source(s)${f.disagreement ? ' — sources disagree' : ''}`);
              for (const cl of f.claims) print(`      ${cl.value} (${cl.qualifier}) ${cl.claimant ? `claimed by ${cl.claimant}` : 'stated by the reporter'} — ${cl.outlet ?? cl.articleId}`);
            }
          }
        }
      } finally {
        await index.close();
        await store.close();
      }
    });
}
