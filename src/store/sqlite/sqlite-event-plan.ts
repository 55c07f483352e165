import type Database from 'better-sqlite3';
import type { EventFilter } from '../../query/event-filter.js';

/**
 * Which index an events query should walk. SQLite's planner cannot estimate an OR over the
 * country columns or a conjunction of ranges, and on 100k events it walked every ASSAULT
 * (a third of the table) to find a rare country in a recent month: 40 ms where the day
 * index needed 2. So measure instead: count (up to a cap) what each indexable part of the
 * filter selects, and either drive the query from the smallest part, or, when every part
 * is broad, walk the table newest first until the page is full.
 */
interface FilterPart {
  columns: string[];
  only(f: EventFilter): EventFilter | undefined;
}

const PARTS: FilterPart[] = [
  { columns: ['day'], only: (f) => (f.from || f.to ? { from: f.from, to: f.to } : undefined) },
  { columns: ['plover'], only: (f) => (f.plover ? { plover: f.plover } : undefined) },
  { columns: ['acled_type', 'acled_sub'], only: (f) => (f.acled ? { acled: f.acled } : undefined) },
  { columns: ['place_country2', 'place_country3', 'source_country', 'target_country'], only: (f) => (f.country ? { country: f.country } : undefined) },
  { columns: ['lat', 'lon'], only: (f) => (f.bbox ? { bbox: f.bbox } : undefined) },
  { columns: ['article_id'], only: (f) => (f.articleIds ? { articleIds: f.articleIds } : undefined) },
];

/** counting stops here (about 1 ms): past it a part is broad, and its exact size matters little */
const CAP = 10_000;

/** A part alone, not narrowed by the background and restated flags (those have no index). */
export const withAll = (f: EventFilter): EventFilter => ({ ...f, includeBackground: true, includeRestated: true });

export type Conditions = (f: EventFilter, indexed: (column: string) => boolean) => { where: string[]; params: unknown[] };

/** The part of the filter to find candidate rows by, through its indexes; undefined: walk the table by id. */
export function planEventQuery(prepare: (sql: string) => Database.Statement, filter: EventFilter, limit: number, conditions: Conditions): EventFilter | undefined {
  const present = PARTS.map((part) => ({ part, only: part.only(filter) })).filter((x) => x.only !== undefined);
  if (present.length === 0) return undefined;
  // two subqueries: SQLite answers a lone max() or min() from the index, but scans for both at once
  const span = prepare('SELECT coalesce((SELECT max(id) FROM events) - (SELECT min(id) FROM events) + 1, 0)').pluck().get() as number;
  if (span === 0) return undefined;
  const sized = present.map(({ part, only }) => {
    const { where, params } = conditions(withAll(only!), (c) => part.columns.includes(c));
    const count = prepare(`SELECT count(*) FROM (SELECT 1 FROM events WHERE ${where.join(' AND ')} LIMIT ${CAP})`).pluck().get(...params) as number;
    return { only: only!, count };
  });
  sized.sort((a, b) => a.count - b.count);
  // rows a newest-first walk reads to fill the page, if the parts select independently
  const density = sized.reduce((d, s) => d * Math.max(s.count, 1) / span, 1);
  const walk = Math.min(span, (limit + 1) / density);
  const driver = sized[0]!;
  // a part that reached the cap may hold far more rows than counted: gathering them all
  // costs more than walking, where every part selects at least CAP / span of the rows
  if (driver.count >= CAP) return undefined;
  return driver.count < walk ? driver.only : undefined;
}
