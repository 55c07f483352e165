import { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { storedEventRows } from '../export/event-rows.js';
import { EXPORT_FORMATS, exportWriter, type ExportFormat } from '../export/formats.js';
import { FilterError, parseEventFilter, resolveClusterFilter, type EventFilter } from '../query/event-filter.js';
import { storyArticlesOf } from '../export/story-articles.js';
import { openStoryIndex } from '../reconcile/story-index.js';
import type { Store } from '../store/store.js';
import { openStore, resolveDatabase } from '../store/open-store.js';
import { UsageError } from './meta-flags.js';

/** The event filter flags shared with the API's query parameters. */
export function addFilterFlags(cmd: Command): Command {
  return cmd
    .option('--from <date>', 'events on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'events on or before this date')
    .option('--type <types>', 'PLOVER types, comma-separated (e.g. ASSAULT,PROTEST)')
    .option('--acled <types>', 'ACLED event or sub-event types, comma-separated')
    .option('--actor <actor>', 'actor code prefix or name')
    .option('--country <codes>', 'ISO country codes, comma-separated (AZ or AZE)')
    .option('--bbox <w,s,e,n>', 'bounding box in degrees')
    .option('--q <text>', 'text the event sentence contains')
    .option('--background', 'include background (past) events');
}

export function filterFromFlags(opts: Record<string, unknown>) {
  try {
    return parseEventFilter({
      from: opts.from as string, to: opts.to as string, type: opts.type as string, acled: opts.acled as string, actor: opts.actor as string,
      country: opts.country as string, bbox: opts.bbox as string, q: opts.q as string, background: opts.background ? 'true' : undefined,
      cluster: opts.cluster as string | undefined,
    });
  } catch (err) {
    if (err instanceof FilterError) throw new UsageError(err.message);
    throw err;
  }
}

/** The filter with --cluster resolved to the story's articles (an unknown story is a usage error). */
async function storyFilter(store: Store, filter: EventFilter): Promise<EventFilter> {
  if (filter.cluster === undefined) return filter;
  const index = await openStoryIndex(store);
  try {
    return await resolveClusterFilter(filter, storyArticlesOf(index));
  } catch (err) {
    if (err instanceof FilterError) throw new UsageError(err.message);
    throw err;
  } finally {
    await index.close();
  }
}

export function exportCommand(): Command {
  return addFilterFlags(new Command('export'))
    .description('export stored events as JSON, JSONL, CSV, GeoJSON, ACLED-style or PLOVER-style rows')
    .option('--cluster <story>', 'only the events of this story (an id like story-12, from sitrep clusters)')
    .option('--format <format>', EXPORT_FORMATS.join(' | '), 'json')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--db <location>', 'database location (default ./sitrep.db or $SITREP_DB)')
    .addHelpText('after', '\nEvery row carries the article id and the source span.\n\nExamples:\n  sitrep export --format acled --country AZ --from 2023-09-19 --out events.csv\n  sitrep export --format geojson --type ASSAULT > events.geojson')
    .action(async (opts) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${opts.format}"`);
      const filter = filterFromFlags(opts);
      const store = await openStore(resolveDatabase(opts.db));
      let resolved: EventFilter;
      try {
        resolved = await storyFilter(store, filter);
      } catch (err) {
        await store.close();
        throw err;
      }
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      const write = async (s: string) => {
        if (s && !out.write(s)) await once(out, 'drain');
      };
      try {
        const writer = exportWriter(opts.format as ExportFormat);
        await write(writer.header());
        let n = 0;
        for await (const row of storedEventRows(store, resolved)) await write(writer.row(row, n++));
        await write(writer.footer());
        if (opts.out) {
          out.end();
          await once(out, 'finish');
          console.error(`sitrep: wrote ${n} events to ${opts.out}`);
        }
      } finally {
        await store.close();
      }
    });
}
