import type Database from 'better-sqlite3';
import type { EventFilter } from '../../query/event-filter.js';
import { sortCounts, type EventCountKey, type EventRow } from '../../query/event-rows.js';
import type { DocumentJson } from '../../serialize/document-json.js';
import { EVENT_COLUMN_NAMES, eventColumnsOf, type EventColumns, eventCursor, eventPageLimit } from '../event-index.js';
import { EVENT_COUNT_COLUMNS, eventConditions, SQLITE_DIALECT, type OrSplit } from '../event-sql.js';
import { encodeCursor } from '../record.js';
import { PartSizes, planEventQuery, splitPlan, withAll } from './sqlite-event-plan.js';
import type { Page } from '../store.js';

/**
 * The events table (see ../event-index.ts). Filter columns and the row's JSON live in two
 * tables so that a filter that has to scan reads only the narrow one.
 */
export const SQLITE_EVENTS_SQL = `
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    event_id TEXT NOT NULL,
    day TEXT,
    plover TEXT NOT NULL,
    acled_type TEXT,
    acled_sub TEXT,
    place_country2 TEXT,
    place_country3 TEXT,
    source_country TEXT NOT NULL,
    target_country TEXT NOT NULL,
    lat REAL,
    lon REAL,
    source_name TEXT,
    source_code TEXT,
    target_name TEXT,
    target_code TEXT,
    sentence TEXT NOT NULL,
    background INTEGER NOT NULL,
    restated INTEGER NOT NULL
  );
  CREATE TABLE event_rows (id INTEGER PRIMARY KEY, row TEXT NOT NULL, item TEXT NOT NULL);
  CREATE INDEX events_article ON events(article_id);
  CREATE INDEX events_day ON events(day, id);
  CREATE INDEX events_plover ON events(plover, id);
  CREATE INDEX events_acled_type ON events(acled_type, id);
  CREATE INDEX events_acled_sub ON events(acled_sub, id);
  CREATE INDEX events_place_country2 ON events(place_country2, id);
  CREATE INDEX events_place_country3 ON events(place_country3, id);
  CREATE INDEX events_source_country ON events(source_country, id);
  CREATE INDEX events_target_country ON events(target_country, id);
  CREATE INDEX events_lat ON events(lat, lon);
`;

/** Writes and reads the events of stored articles on one SQLite connection (statements prepared once). */
export class SqliteEvents {
  private statements?: { deleteRows: Database.Statement; deleteEvents: Database.Statement; insert: Database.Statement; insertRow: Database.Statement };

  /** queries by their SQL: a filter's shape recurs far more often than its values */
  private readonly cache = new Map<string, Database.Statement>();

  /** the sizes of filter parts the query planner measured, until the table changes (written here or elsewhere) */
  private readonly partSizes = new PartSizes();

  private dataVersion?: number;

  constructor(private readonly db: Database.Database) {}

  /** The measured sizes, forgotten when another connection (another process) has written the file since. */
  private currentPartSizes(): PartSizes {
    const version = this.statement('PRAGMA data_version').pluck().get() as number;
    if (version !== this.dataVersion) {
      this.partSizes.clear();
      this.dataVersion = version;
    }
    return this.partSizes;
  }

  private statement(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      if (this.cache.size >= 200) this.cache.clear();
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private prepared() {
    this.statements ??= {
      deleteRows: this.db.prepare('DELETE FROM event_rows WHERE id IN (SELECT id FROM events WHERE article_id = ?)'),
      deleteEvents: this.db.prepare('DELETE FROM events WHERE article_id = ?'),
      insert: this.db.prepare(`INSERT INTO events (${EVENT_COLUMN_NAMES.join(', ')}) VALUES (${EVENT_COLUMN_NAMES.map(() => '?').join(', ')})`),
      insertRow: this.db.prepare('INSERT INTO event_rows (id, row, item) VALUES (?, ?, ?)'),
    };
    return this.statements;
  }

  /**
   * Write the article's event rows (eventColumnsOf); call inside the saving transaction.
   * `replace`: the article may have events already (an update), and they go first.
   */
  write(articleId: string, all: EventColumns[], replace = true): void {
    const s = this.prepared();
    this.partSizes.clear();
    if (replace) {
      s.deleteRows.run(articleId);
      s.deleteEvents.run(articleId);
    }
    for (const columns of all) {
      // positional parameters: binding by name looks every column up by name, on every row
      const { lastInsertRowid } = s.insert.run(EVENT_COLUMN_NAMES.map((name) => columns[name]));
      s.insertRow.run(lastInsertRowid, columns.row, columns.item);
    }
    this.keepStatistics(all.length);
  }

  private writtenSinceAnalysis = 0;
  private analysedRows?: number;

  /**
   * Without statistics SQLite guesses that any indexed filter is selective, and on a large
   * table then sorts thousands of rows instead of walking the newest ones (measured: 10–80 ms
   * instead of 1–3 ms per query at 100k events). Re-analyse (a full pass: ~0.2 s at 100k events) whenever the
   * table has doubled since the statistics were taken.
   */
  private keepStatistics(written: number): void {
    this.writtenSinceAnalysis += written;
    if (this.analysedRows === undefined) {
      try {
        const stat = this.db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'events_article'").pluck().get() as string | undefined;
        this.analysedRows = Number(stat?.split(' ')[0] ?? 0);
      } catch {
        this.analysedRows = 0; // no statistics at all yet
      }
    }
    if (this.writtenSinceAnalysis < Math.max(1000, this.analysedRows)) return;
    this.db.exec('ANALYZE events');
    this.analysedRows = this.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    this.writtenSinceAnalysis = 0;
  }

  /** Fill the table from every stored document (a database made before the table existed). */
  fillFromArticles(): void {
    const ids = (this.db.prepare('SELECT id FROM articles ORDER BY ingested_at, id').all() as { id: string }[]).map((r) => r.id);
    const read = this.db.prepare('SELECT document FROM articles WHERE id = ?');
    for (const id of ids) this.write(id, eventColumnsOf(id, JSON.parse((read.get(id) as { document: string }).document) as DocumentJson));
  }

  query(filter: EventFilter, options: { limit?: number; cursor?: string }): Page<EventRow> {
    const page = this.queryJson(filter, options, 'row');
    return { ...page, items: page.items.map((row) => JSON.parse(row) as EventRow) };
  }

  /**
   * The ids of the page, newest first. With a selective part of the filter (see
   * sqlite-event-plan.ts), its rows are found through its indexes first (a materialised set
   * the planner cannot trade for a walk) and the rest of the filter checks them; otherwise the
   * table is walked newest first, no index used, until the page is full.
   */
  private selectIds(filter: EventFilter, limit: number, after: number | undefined): number[] {
    const driver = planEventQuery((sql) => this.statement(sql), filter, limit, (f, use) => eventConditions(f, SQLITE_DIALECT, [], use), this.currentPartSizes());
    const split = splitPlan(filter, driver);
    if (split) return this.selectSplitIds(filter, split, limit, after);
    const params: unknown[] = [];
    const first = driver ? eventConditions(withAll(driver), SQLITE_DIALECT, params).where : [];
    // every column of the rest unindexed: candidates come from `d`, or from the walk by id
    const { where } = eventConditions(filter, SQLITE_DIALECT, params, () => false);
    if (after !== undefined) where.push(`e.id < ${SQLITE_DIALECT.placeholder(params.push(after))}`);
    const from = driver ? `WITH d AS MATERIALIZED (SELECT id FROM events WHERE ${first.join(' AND ')}) SELECT e.id FROM d CROSS JOIN events e ON e.id = d.id` : 'SELECT e.id FROM events e';
    return this.statement(`${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC LIMIT ${limit + 1}`).pluck().all(...params) as number[];
  }


  /**
   * The ids of the page as the union of one walk per column and value of the split part, each
   * down its own (column, id) index newest first, the rest of the filter checked on the way
   * (unindexed), stopping at the page size.
   */
  private selectSplitIds(filter: EventFilter, split: OrSplit, limit: number, after: number | undefined): number[] {
    const rest = { ...filter, [split.key]: undefined };
    const params: unknown[] = [];
    // SQLite's "?" placeholders are positional: each branch takes its own copy of the parameters
    const branches = split.values.flatMap((value) => split.columns.map((column) => {
      params.push(SQLITE_DIALECT.text(value));
      const { where } = eventConditions(rest, SQLITE_DIALECT, params, () => false);
      if (after !== undefined) where.push(`id < ${SQLITE_DIALECT.placeholder(params.push(after))}`);
      return `SELECT id FROM (SELECT id FROM events WHERE ${[`${column} = ?`, ...where].join(' AND ')} ORDER BY id DESC LIMIT ${limit + 1})`;
    }));
    return this.statement(`SELECT id FROM (${branches.join(' UNION ')}) ORDER BY id DESC LIMIT ${limit + 1}`).pluck().all(...params) as number[];
  }

  /** A page of the stored JSON texts of one column: `row` (EventRow) or `item` (the API's flat row). */
  queryJson(filter: EventFilter, options: { limit?: number; cursor?: string }, column: 'row' | 'item'): Page<string> {
    const limit = eventPageLimit(options.limit);
    const after = eventCursor(options.cursor);
    const ids = this.selectIds(filter, limit, after);
    const page = ids.slice(0, limit);
    const rows = page.length ? (this.statement(`SELECT id, ${column} AS json FROM event_rows WHERE id IN (${page.map(() => '?').join(', ')})`).all(...page) as { id: number; json: string }[]) : [];
    const byId = new Map(rows.map((r) => [r.id, r.json]));
    const items = page.map((id) => byId.get(id)!);
    return ids.length > limit ? { items, nextCursor: encodeCursor([page[page.length - 1]!]) } : { items };
  }

  count(filter: EventFilter, by: EventCountKey): { key: string | null; count: number }[] {
    const { where, params } = eventConditions(filter, SQLITE_DIALECT);
    const sql = `SELECT ${EVENT_COUNT_COLUMNS[by]} AS key, COUNT(*) AS count FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY 1`;
    return sortCounts(this.statement(sql).all(...params) as { key: string | null; count: number }[]);
  }
}
