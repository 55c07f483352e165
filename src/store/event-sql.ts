import type { EventFilter } from '../query/event-filter.js';
import type { EventCountKey } from '../query/event-rows.js';
import { textIndexExpression } from './postgres/postgres-text-index.js';

/** How one SQL dialect spells a parameter and a substring test. */
export interface SqlDialect {
  /** the placeholder for the n-th parameter (1-based) */
  placeholder(n: number): string;
  /** true when `column` (text) contains the parameter as a substring, case-sensitively */
  contains(column: string, placeholder: string): string;
  /** how a string parameter is passed (PostgreSQL cannot take U+0000) */
  text(value: string): string;
  /** the column in a form no index can serve (so that the planner walks another one) */
  unindexed(column: string): string;
  /**
   * A condition implied by "one of `columns` contains the parameter" that an index can serve
   * (PostgreSQL: LIKE over a trigram index, see postgres/postgres-text-index.ts), or none.
   */
  containsHint?(columns: string[], placeholder: string): string;
  /** the parameter the hint takes for a substring */
  hintValue?(value: string): string;
}

export const SQLITE_DIALECT: SqlDialect = {
  placeholder: () => '?',
  contains: (column, p) => `instr(${column}, ${p}) > 0`,
  text: (v) => v,
  unindexed: (column) => `+${column}`,
};

export const POSTGRES_DIALECT: SqlDialect = {
  placeholder: (n) => `$${n}`,
  contains: (column, p) => `strpos(${column}, ${p}) > 0`,
  text: (v) => (v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v),
  unindexed: (column) => column,
  containsHint: (columns, p) => `${textIndexExpression(columns)} LIKE ${p}`,
  hintValue: (value) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
};

/**
 * The WHERE conditions over the events table that select exactly the events `eventMatches`
 * accepts (see event-index.ts for what each column holds). Each branch mirrors one line of
 * eventMatches, including its truthiness tests: an empty `from` is no filter, an empty list
 * matches nothing.
 */
export function eventConditions(f: EventFilter, d: SqlDialect, params: unknown[] = [], indexed: (column: string) => boolean = () => true): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const col = (column: string) => (indexed(column) ? column : d.unindexed(column));
  const p = (value: unknown) => {
    params.push(typeof value === 'string' ? d.text(value) : value);
    return d.placeholder(params.length);
  };
  const oneOf = (columns: string[], values: string[]) => {
    if (values.length === 0) return '1 = 0';
    return `(${columns.map((c) => `${col(c)} IN (${values.map(p).join(', ')})`).join(' OR ')})`;
  };
  if (!f.includeBackground) where.push('background = 0');
  if (!f.includeRestated) where.push('restated = 0');
  if (f.from) where.push(`${col('day')} >= ${p(f.from)}`);
  if (f.to) where.push(`${col('day')} <= ${p(f.to)}`);
  if (f.plover) where.push(oneOf(['plover'], f.plover));
  if (f.acled) where.push(oneOf(['acled_type', 'acled_sub'], f.acled));
  if (f.actor) {
    const actor = f.actor;
    // one parameter per use: SQLite's "?" placeholders are positional
    const names = ['source_name', 'source_code', 'target_name', 'target_code'];
    where.push(`(${names.map((c) => d.contains(c, p(actor))).join(' OR ')})`);
    if (d.containsHint && d.hintValue) where.push(d.containsHint(names, p(d.hintValue(actor))));
  }
  if (f.country) where.push(oneOf(['place_country2', 'place_country3', 'source_country', 'target_country'], f.country));
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    where.push(`${col('lat')} >= ${p(s)} AND ${col('lat')} <= ${p(n)} AND ${col('lon')} >= ${p(w)} AND ${col('lon')} <= ${p(e)}`);
  }
  if (f.text) {
    where.push(d.contains('sentence', p(f.text)));
    if (d.containsHint && d.hintValue) where.push(d.containsHint(['sentence'], p(d.hintValue(f.text))));
  }
  if (f.articleIds) where.push(oneOf(['article_id'], f.articleIds));
  return { where, params };
}

/** most branches an OR is split into (columns × values) before one query over the whole OR is cheaper */
export const MAX_SPLIT_BRANCHES = 32;

/**
 * A filter part that is an OR over several indexed columns (country: place and actor codes;
 * ACLED: type and sub-type), which a store can answer as one index walk per column and value,
 * each newest first and stopping at the page size, instead of gathering every match or walking
 * the whole table. Undefined when the filter has none, or it would take too many branches.
 */
export interface OrSplit {
  key: 'country' | 'acled';
  columns: string[];
  values: string[];
}

export function orSplit(filter: EventFilter): OrSplit | undefined {
  const split: OrSplit | undefined = filter.country ? { key: 'country', columns: ['place_country2', 'place_country3', 'source_country', 'target_country'], values: filter.country }
    : filter.acled ? { key: 'acled', columns: ['acled_type', 'acled_sub'], values: filter.acled }
    : undefined;
  if (!split) return undefined;
  const branches = split.columns.length * split.values.length;
  return branches > 0 && branches <= MAX_SPLIT_BRANCHES ? split : undefined;
}

/** The events column (or expression over one) that holds each count key (query/event-rows.ts eventCountKey). */
export const EVENT_COUNT_COLUMNS: Record<EventCountKey, string> = { day: 'day', month: 'substr(day, 1, 7)', type: 'plover', country: 'place_country2' };
