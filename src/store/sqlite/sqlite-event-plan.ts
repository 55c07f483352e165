import type Database from 'better-sqlite3';
import type { EventFilter } from '../../query/event-filter.js';
import { orSplit, type OrSplit } from '../event-sql.js';

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

/**
 * Counts already taken, by query and parameters: counting a broad part reads up to CAP index
 * entries (a fifth of a query's CPU time in the benchmark's mix), and dashboards ask the same
 * parts again and again. The owner clears it whenever the table is written.
 */
export class PartSizes {
  private readonly counts = new Map<string, number>();

  /** the count for this query and parameters, taken once until the next clear */
  get(sql: string, params: unknown[], count: () => number): number {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let n = this.counts.get(key);
    if (n === undefined) {
      if (this.counts.size >= 2000) this.counts.clear();
      n = count();
      this.counts.set(key, n);
    }
    return n;
  }

  /** how many counts are kept */
  get size(): number {
    return this.counts.size;
  }

  clear(): void {
    this.counts.clear();
  }
}

/** The part of the filter to find candidate rows by, through its indexes; undefined: walk the table by id. */
export function planEventQuery(prepare: (sql: string) => Database.Statement, filter: EventFilter, limit: number, conditions: Conditions, sizes = new PartSizes()): EventFilter | undefined {
  const present = PARTS.map((part) => ({ part, only: part.only(filter) })).filter((x) => x.only !== undefined);
  if (present.length === 0) return undefined;
  // two subqueries: SQLite answers a lone max() or min() from the index, but scans for both at once
  const spanSql = 'SELECT coalesce((SELECT max(id) FROM events) - (SELECT min(id) FROM events) + 1, 0)';
  const span = sizes.get(spanSql, [], () => prepare(spanSql).pluck().get() as number);
  if (span === 0) return undefined;
  // Alone, a part drives the query when it selects fewer rows than the walk reads,
  // (limit + 1) · span / count: when count < √((limit + 1) · span). Counting further is wasted.
  const cap = present.length === 1 ? Math.min(CAP, Math.ceil(Math.sqrt((limit + 1) * span))) : CAP;
  const sized = present.map(({ part, only }) => {
    const { where, params } = conditions(withAll(only!), (c) => part.columns.includes(c));
    const sql = `SELECT count(*) FROM (SELECT 1 FROM events WHERE ${where.join(' AND ')} LIMIT ?)`;
    return { only: only!, count: sizes.get(sql, [...params, cap], () => prepare(sql).pluck().get(...params, cap) as number) };
  });
  sized.sort((a, b) => a.count - b.count);
  // rows a newest-first walk reads to fill the page, if the parts select independently
  const density = sized.reduce((d, s) => d * Math.max(s.count, 1) / span, 1);
  const walk = Math.min(span, (limit + 1) / density);
  const driver = sized[0]!;
  // a part that reached the cap may hold far more rows than counted: gathering them all
  // costs more than walking, where every part selects at least CAP / span of the rows
  if (driver.count >= cap) return undefined;
  return driver.count < walk ? driver.only : undefined;
}

/**
 * Whether to answer a country or ACLED part by one walk per column and value of its OR, each
 * down its own (column, id) index newest first, the rest of the filter checked on the way. With
 * other parts beside it, and the plan a walk of the table or the gathering of this part's
 * every row, the walks read far fewer rows: they stop at the page size, and read only this
 * part's rows (a hot country, ASSAULT, since a month: 6–8 ms walking or gathering, ~1 ms so).
 * PostgreSQL's query always does this. Alone, the part is gathered or walked as before.
 */
export function splitPlan(filter: EventFilter, driver: EventFilter | undefined): OrSplit | undefined {
  const split = orSplit(filter);
  if (!split || (driver !== undefined && driver[split.key] === undefined)) return undefined;
  const rest: EventFilter = { ...filter, [split.key]: undefined };
  const others = PARTS.some((part) => part.only(rest) !== undefined) || rest.actor !== undefined || rest.text !== undefined;
  return others ? split : undefined;
}
