import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { EventFilter } from '../query/event-filter.js';
import { countryName } from '../report/event-lines.js';
import { gatherReport } from '../report/gather.js';
import { reportFigures, renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderPdf } from '../report/pdf.js';
import { PeriodError, sinceToRange } from '../report/period.js';
import { resolveRegion } from '../report/region.js';
import { countryBounds } from '../report/svg-map.js';
import { openStore, resolveDatabase } from '../store/open-store.js';
import { addFilterFlags, filterFromFlags } from './export.js';
import { UsageError } from './meta-flags.js';

const FORMATS = ['md', 'html', 'pdf'] as const;

/** The place the report covers, in words and as the map's view. */
async function placeOf(opts: Record<string, unknown>, filter: EventFilter): Promise<{ area: string; extent?: [number, number, number, number] }> {
  if (typeof opts.region === 'string') {
    if (filter.country || filter.bbox) throw new UsageError('use --region or --country/--bbox, not both');
    const { loadGazetteer } = await import('../services/gazetteer/index.js');
    const region = resolveRegion(opts.region, loadGazetteer());
    if (!region) throw new UsageError(`--region "${opts.region}" is not a country or place the gazetteer knows (use --country or --bbox)`);
    if (region.kind === 'country') {
      filter.country = [region.code];
      return { area: region.label, extent: countryBounds([region.code]) };
    }
    filter.bbox = region.bbox;
    return { area: region.label, extent: region.bbox };
  }
  if (filter.bbox) return { area: `bounding box ${filter.bbox.join(', ')}`, extent: filter.bbox };
  if (filter.country) return { area: filter.country.map((c) => `${countryName(c)} (${c})`).join(', '), extent: countryBounds(filter.country) };
  return { area: 'all places' };
}

function periodFilter(opts: Record<string, unknown>, now: Date): Record<string, unknown> {
  if (typeof opts.since !== 'string') return opts;
  if (opts.from || opts.to) throw new UsageError('use --since or --from/--to, not both');
  try {
    return { ...opts, ...sinceToRange(opts.since, now) };
  } catch (err) {
    if (err instanceof PeriodError) throw new UsageError(err.message);
    throw err;
  }
}

export function reportCommand(): Command {
  return addFilterFlags(new Command('report'))
    .description('a dated situation report for a place and a period: headline figures, events, quotes, map and daily chart, background; every fact footnoted to its sentence')
    .option('--since <duration>', 'the last 24h, 7d, 2w (instead of --from/--to)')
    .option('--region <name>', 'a country name, or a region/place name resolved through the gazetteer to an approximate box')
    .option('--format <format>', FORMATS.join(' | '), 'md')
    .option('--out <file>', 'write to a file (needed for pdf); md also writes the map and chart as SVG beside it')
    .option('--db <location>', 'database location (default ./sitrep.db or $SITREP_DB)')
    .addHelpText('after', '\nExamples:\n  sitrep report --country AZ --from 2023-09-19 --to 2023-09-20 --format md\n  sitrep report --region Syria --since 7d --format html --out syria.html\n  sitrep report --bbox 44,38,47,41 --since 24h --format pdf --out today.pdf')
    .action(async (opts) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${opts.format}"`);
      if (opts.format === 'pdf' && !opts.out) throw new UsageError('--format pdf needs --out FILE.pdf');
      const now = new Date();
      const filter = filterFromFlags(periodFilter(opts, now));
      const place = await placeOf(opts, filter);
      const store = await openStore(resolveDatabase(opts.db));
      try {
        const model = await gatherReport(store, { filter, area: place.area, mapExtent: place.extent, now });
        const summary = `${model.happened.reduce((n, g) => n + g.lines.length, 0)} events, ${model.notes.length} source notes`;
        if (opts.format === 'md') {
          let text = renderMarkdown(model);
          if (opts.out) {
            const stem = basename(opts.out, extname(opts.out));
            const { map, chart } = reportFigures(model);
            writeFileSync(join(dirname(opts.out), `${stem}-map.svg`), map);
            writeFileSync(join(dirname(opts.out), `${stem}-daily.svg`), chart);
            text = renderMarkdown(model, { map: `${stem}-map.svg`, chart: `${stem}-daily.svg` });
          }
          if (!opts.out) return void process.stdout.write(text);
          writeFileSync(opts.out, text);
        } else if (opts.format === 'html') {
          if (!opts.out) return void process.stdout.write(renderHtml(model));
          writeFileSync(opts.out, renderHtml(model));
        } else {
          await renderPdf(renderHtml(model), opts.out);
        }
        console.error(`sitrep: wrote ${model.title} (${summary}) to ${opts.out}`);
      } finally {
        await store.close();
      }
    });
}

export function reportCommands(): Command[] {
  return [reportCommand()];
}
