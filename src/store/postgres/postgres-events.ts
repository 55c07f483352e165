import type pg from 'pg';
import type { EventFilter } from '../../query/event-filter.js';
import { sortCounts, type EventCountKey, type EventRow } from '../../query/event-rows.js';
import type { DocumentJson } from '../../serialize/document-json.js';
import { EVENT_COLUMN_NAMES, eventColumnsOf, type EventColumns, eventCursor, eventPageLimit } from '../event-index.js';
import { EVENT_COUNT_COLUMNS, eventConditions, orSplit, POSTGRES_DIALECT } from '../event-sql.js';
import { encodeCursor } from '../record.js';
import type { Page } from '../store.js';
import { storedDocument } from './postgres-documents.js';

/**
 * The events table (see ../event-index.ts), as in SQLite: filter columns in `events`, the
 * row's JSON in `event_rows`. Text columns use the "C" collation so that comparisons (the
 * day range) order as JavaScript and SQLite do.
 */
export const POSTGRES_EVENTS_SQL = `
  CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    event_id TEXT COLLATE "C" NOT NULL,
    day TEXT COLLATE "C",
    plover TEXT COLLATE "C" NOT NULL,
    acled_type TEXT COLLATE "C",
    acled_sub TEXT COLLATE "C",
    place_country2 TEXT COLLATE "C",
    place_country3 TEXT COLLATE "C",
    source_country TEXT COLLATE "C" NOT NULL,
    target_country TEXT COLLATE "C" NOT NULL,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    source_name TEXT COLLATE "C",
    source_code TEXT COLLATE "C",
    target_name TEXT COLLATE "C",
    target_code TEXT COLLATE "C",
    sentence TEXT COLLATE "C" NOT NULL,
    background SMALLINT NOT NULL,
    restated SMALLINT NOT NULL
  );
  CREATE TABLE event_rows (id BIGINT PRIMARY KEY, row TEXT NOT NULL, item TEXT NOT NULL);
  CREATE INDEX events_article ON events (article_id);
  CREATE INDEX events_day ON events (day, id);
  CREATE INDEX events_plover ON events (plover, id);
  CREATE INDEX events_acled_type ON events (acled_type, id);
  CREATE INDEX events_acled_sub ON events (acled_sub, id);
  CREATE INDEX events_place_country2 ON events (place_country2, id);
  CREATE INDEX events_place_country3 ON events (place_country3, id);
  CREATE INDEX events_source_country ON events (source_country, id);
  CREATE INDEX events_target_country ON events (target_country, id);
  CREATE INDEX events_lat ON events (lat, lon);
`;

/** the array type each column is sent as (one array parameter per column) */
const COLUMN_TYPES: Record<string, string> = { lat: 'float8[]', lon: 'float8[]', background: 'smallint[]', restated: 'smallint[]' };
const ARRAY_COLUMNS = [...EVENT_COLUMN_NAMES, 'row', 'item'] as const;

/** How many parameters eventInsertCtes takes. */
export const EVENT_ARRAY_COUNT = ARRAY_COLUMNS.length;

/**
 * The CTEs that write both tables from one array per column, parameters `first` on: each row
 * takes an id from the sequence, and the ids, sorted, are handed out in array order, so each
 * row gets its place in the reading order whatever order the sequence was called in.
 * `when`: a condition the rows are written under (e.g. that the article row was inserted).
 */
export function eventInsertCtes(first: number, when = 'true'): string {
  const unnest = `unnest(${ARRAY_COLUMNS.map((name, i) => `$${first + i}::${COLUMN_TYPES[name] ?? 'text[]'}`).join(', ')}) WITH ORDINALITY AS u(${ARRAY_COLUMNS.join(', ')}, n)`;
  return `event_u AS MATERIALIZED (SELECT * FROM ${unnest} WHERE ${when}),
    event_k AS MATERIALIZED (SELECT nextval(pg_get_serial_sequence('events', 'id')) AS id FROM event_u),
    event_r AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY id) AS n FROM event_k),
    event_e AS (INSERT INTO events (id, ${EVENT_COLUMN_NAMES.join(', ')}) SELECT event_r.id, ${EVENT_COLUMN_NAMES.map((c) => `event_u.${c}`).join(', ')} FROM event_u JOIN event_r USING (n)),
    event_j AS (INSERT INTO event_rows (id, row, item) SELECT event_r.id, event_u.row, event_u.item FROM event_u JOIN event_r USING (n))`;
}

/** Both tables in one statement (one round trip, however many events). */
const INSERT_EVENTS = { name: 'sitrep_insert_events', text: `WITH ${eventInsertCtes(1)} SELECT 1` };

/** The parameters of eventInsertCtes for an article's event rows, eventColumnsOf (empty arrays when it has none). */
export function eventArrays(all: EventColumns[]): unknown[][] {
  return ARRAY_COLUMNS.map((name) => all.map((columns) => {
    const value = columns[name];
    return typeof value === 'string' ? POSTGRES_DIALECT.text(value) : value;
  }));
}

/**
 * Write the article's event rows (eventColumnsOf); call inside the saving transaction.
 * `replace`: the article may have events already (an update), and they go first.
 */
export async function writePostgresEvents(c: pg.PoolClient, articleId: string, rows: EventColumns[], replace = true): Promise<void> {
  if (replace) {
    await c.query('DELETE FROM event_rows WHERE id IN (SELECT id FROM events WHERE article_id = $1)', [articleId]);
    await c.query('DELETE FROM events WHERE article_id = $1', [articleId]);
  }
  if (!rows.length) return;
  await c.query({ ...INSERT_EVENTS, values: eventArrays(rows) });
}

/** Fill the table from every stored document (a database made before the table existed). */
export async function fillPostgresEvents(c: pg.PoolClient): Promise<void> {
  const ids = (await c.query<{ id: string }>('SELECT id FROM articles ORDER BY ingested_at, id')).rows.map((r) => r.id);
  for (const id of ids) {
    const doc = storedDocument((await c.query<{ document: unknown }>('SELECT document FROM articles WHERE id = $1', [id])).rows[0]!.document);
    await writePostgresEvents(c, id, eventColumnsOf(id, doc));
  }
}

type Query = <R extends pg.QueryResultRow>(text: string, values: unknown[]) => Promise<R[]>;

export async function queryPostgresEvents(query: Query, filter: EventFilter, options: { limit?: number; cursor?: string }): Promise<Page<EventRow>> {
  const page = await queryPostgresEventJson(query, filter, options, 'row');
  return { ...page, items: page.items.map((row) => JSON.parse(row) as EventRow) };
}

/**
 * The SELECT of the page's ids, newest first. A filter on several columns at once (country:
 * place and actor codes; ACLED: type and sub-type) is an OR the planner can only answer by
 * gathering every match and sorting, or by walking the whole table newest first: on 100k
 * events that walked 20–50k rows for a rare country. Split into one branch per column and
 * value (../event-sql.ts orSplit), each walks its own (column, id) index newest first and
 * stops at the page size; the union of the branches' pages holds the page of the whole filter.
 */
function pageIdsSql(filter: EventFilter, after: number | undefined, limit: number): { sql: string; params: unknown[] } {
  const split = orSplit(filter);
  const rest = split ? { ...filter, [split.key]: undefined } : filter;
  const { where, params } = eventConditions(rest, POSTGRES_DIALECT, after === undefined ? [] : [after]);
  if (after !== undefined) where.unshift('id < $1');
  const select = (extra: string[]) => {
    const all = [...extra, ...where];
    return `SELECT id FROM events ${all.length ? `WHERE ${all.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit + 1}`;
  };
  if (!split) return { sql: select([]), params };
  const parts = split.values.flatMap((value) => {
    const n = params.push(POSTGRES_DIALECT.text(value));
    return split.columns.map((column) => `(${select([`${column} = $${n}`])})`);
  });
  return { sql: `SELECT id FROM (${parts.join(' UNION ')}) u ORDER BY id DESC LIMIT ${limit + 1}`, params };
}

/** A page of the stored JSON texts of one column: `row` (EventRow) or `item` (the API's flat row). */
export async function queryPostgresEventJson(query: Query, filter: EventFilter, options: { limit?: number; cursor?: string }, column: 'row' | 'item'): Promise<Page<string>> {
  const limit = eventPageLimit(options.limit);
  const after = eventCursor(options.cursor);
  const { sql, params } = pageIdsSql(filter, after, limit);
  const rows = await query<{ id: string; json: string }>(`SELECT e.id, r.${column} AS json FROM (${sql}) e JOIN event_rows r ON r.id = e.id ORDER BY e.id DESC`, params);
  const items = rows.slice(0, limit).map((r) => r.json);
  return rows.length > limit ? { items, nextCursor: encodeCursor([Number(rows[limit - 1]!.id)]) } : { items };
}

export async function countPostgresEvents(query: Query, filter: EventFilter, by: EventCountKey): Promise<{ key: string | null; count: number }[]> {
  const { where, params } = eventConditions(filter, POSTGRES_DIALECT);
  const rows = await query<{ key: string | null; count: string }>(
    `SELECT ${EVENT_COUNT_COLUMNS[by]} AS key, COUNT(*) AS count FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY 1`,
    params,
  );
  return sortCounts(rows.map((r) => ({ key: r.key, count: Number(r.count) })));
}

/**
 * Autovacuum analyses a growing table only now and then; until it does, the planner takes
 * the events table for small and picks plans that read it all. Analyse (sampled) whenever
 * this process has doubled the table since the last time.
 */
export class EventStatistics {
  private sinceAnalysis = 0;
  private analysed = 0;

  async written(events: number, query: (sql: string) => Promise<{ n?: string }[]>): Promise<void> {
    this.sinceAnalysis += events;
    if (this.sinceAnalysis < Math.max(1000, this.analysed)) return;
    this.sinceAnalysis = 0;
    await query('ANALYZE events');
    this.analysed = Number((await query("SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'events'::regclass"))[0]?.n ?? 0);
  }
}
