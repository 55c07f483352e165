import type Database from 'better-sqlite3';
import type { QuoteFilter } from '../../query/quote-filter.js';
import type { DocumentJson } from '../../serialize/document-json.js';
import { eventCursor, eventPageLimit } from '../event-index.js';
import { SQLITE_DIALECT } from '../event-sql.js';
import { QUOTE_COLUMN_NAMES, quoteColumnsOf, quoteConditions, type QuoteColumns } from '../quote-index.js';
import { encodeCursor } from '../record.js';
import type { Page } from '../store.js';

export const SQLITE_QUOTES_SQL = `
  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    quote_id TEXT NOT NULL,
    speaker_name TEXT,
    speaker_text TEXT,
    speaker_code TEXT,
    text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    item TEXT NOT NULL
  );
  CREATE INDEX quotes_article ON quotes(article_id, id);
`;

/** Writes and reads the quotes of stored articles on one SQLite connection. */
export class SqliteQuotes {
  private statements?: { delete: Database.Statement; insert: Database.Statement };

  constructor(private readonly db: Database.Database) {}

  private prepared() {
    this.statements ??= {
      delete: this.db.prepare('DELETE FROM quotes WHERE article_id = ?'),
      insert: this.db.prepare(`INSERT INTO quotes (${QUOTE_COLUMN_NAMES.join(', ')}) VALUES (${QUOTE_COLUMN_NAMES.map(() => '?').join(', ')})`),
    };
    return this.statements;
  }

  /** Write the article's quote rows, quoteColumnsOf (`replace`: after deleting those it has); call inside the saving transaction. */
  write(articleId: string, rows: QuoteColumns[], replace = true): void {
    const s = this.prepared();
    if (replace) s.delete.run(articleId);
    for (const columns of rows) s.insert.run(QUOTE_COLUMN_NAMES.map((name) => columns[name]));
  }

  fillFromArticles(): void {
    const ids = this.db.prepare('SELECT id FROM articles ORDER BY ingested_at, id').pluck().all() as string[];
    const read = this.db.prepare('SELECT document FROM articles WHERE id = ?').pluck();
    for (const id of ids) this.write(id, quoteColumnsOf(id, JSON.parse(read.get(id) as string) as DocumentJson));
  }

  /** Quote items (JSON text) that `quoteMatches` accepts: newest stored article first, document order within one. */
  query(filter: QuoteFilter, options: { limit?: number; cursor?: string }): Page<string> {
    const limit = eventPageLimit(options.limit);
    const after = eventCursor(options.cursor);
    const { where, params } = quoteConditions(filter, SQLITE_DIALECT, after === undefined ? [] : [after]);
    if (after !== undefined) where.unshift('id < ?');
    const rows = this.db
      .prepare(`SELECT id, item FROM quotes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit + 1}`)
      .all(...params) as { id: number; item: string }[];
    const items = rows.slice(0, limit).map((r) => r.item);
    return rows.length > limit ? { items, nextCursor: encodeCursor([rows[limit - 1]!.id]) } : { items };
  }
}
