import type pg from 'pg';
import type { QuoteFilter } from '../../query/quote-filter.js';
import type { DocumentJson } from '../../serialize/document-json.js';
import { eventCursor, eventPageLimit } from '../event-index.js';
import { POSTGRES_DIALECT } from '../event-sql.js';
import { QUOTE_COLUMN_NAMES, quoteColumnsOf, quoteConditions, type QuoteColumns } from '../quote-index.js';
import { encodeCursor } from '../record.js';
import type { Page } from '../store.js';
import { storedDocument } from './postgres-documents.js';

export const POSTGRES_QUOTES_SQL = `
  CREATE TABLE quotes (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    quote_id TEXT COLLATE "C" NOT NULL,
    speaker_name TEXT COLLATE "C",
    speaker_text TEXT COLLATE "C",
    speaker_code TEXT COLLATE "C",
    text TEXT COLLATE "C" NOT NULL,
    direct SMALLINT NOT NULL,
    item TEXT NOT NULL
  );
  CREATE INDEX quotes_article ON quotes (article_id, id);
`;

/** How many parameters quoteInsertCte takes. */
export const QUOTE_ARRAY_COUNT = QUOTE_COLUMN_NAMES.length;

/**
 * The CTE that inserts quotes from one array per column, parameters `first` on, under the
 * condition `when`: unnested in order, so ids follow the array order (reverse document order).
 */
export function quoteInsertCte(first: number, when = 'true'): string {
  const types = QUOTE_COLUMN_NAMES.map((name) => (name === 'direct' ? 'smallint[]' : 'text[]'));
  return `quote_q AS (INSERT INTO quotes (${QUOTE_COLUMN_NAMES.join(', ')}) SELECT ${QUOTE_COLUMN_NAMES.join(', ')} FROM unnest(${types.map((t, i) => `$${first + i}::${t}`).join(', ')}) WITH ORDINALITY AS u(${QUOTE_COLUMN_NAMES.join(', ')}, n) WHERE ${when} ORDER BY n)`;
}

const INSERT_QUOTES = { name: 'sitrep_insert_quotes', text: `WITH ${quoteInsertCte(1)} SELECT 1` };

/** The parameters of quoteInsertCte for an article's quote rows, quoteColumnsOf (empty arrays when it has none). */
export function quoteArrays(rows: QuoteColumns[]): unknown[][] {
  return QUOTE_COLUMN_NAMES.map((name) => rows.map((r) => (typeof r[name] === 'string' ? POSTGRES_DIALECT.text(r[name] as string) : r[name])));
}

/** Write the article's quote rows, quoteColumnsOf (`replace`: after deleting those it has); call inside the saving transaction. */
export async function writePostgresQuotes(c: pg.PoolClient, articleId: string, rows: QuoteColumns[], replace = true): Promise<void> {
  if (replace) await c.query('DELETE FROM quotes WHERE article_id = $1', [articleId]);
  if (!rows.length) return;
  await c.query({ ...INSERT_QUOTES, values: quoteArrays(rows) });
}

export async function fillPostgresQuotes(c: pg.PoolClient): Promise<void> {
  const ids = (await c.query<{ id: string }>('SELECT id FROM articles ORDER BY ingested_at, id')).rows.map((r) => r.id);
  for (const id of ids) {
    const doc = storedDocument((await c.query<{ document: unknown }>('SELECT document FROM articles WHERE id = $1', [id])).rows[0]!.document);
    await writePostgresQuotes(c, id, quoteColumnsOf(id, doc));
  }
}

export async function queryPostgresQuotes(
  query: <R extends pg.QueryResultRow>(text: string, values: unknown[]) => Promise<R[]>,
  filter: QuoteFilter,
  options: { limit?: number; cursor?: string },
): Promise<Page<string>> {
  const limit = eventPageLimit(options.limit);
  const after = eventCursor(options.cursor);
  const { where, params } = quoteConditions(filter, POSTGRES_DIALECT, after === undefined ? [] : [after]);
  if (after !== undefined) where.unshift('id < $1');
  const rows = await query<{ id: string; item: string }>(`SELECT id, item FROM quotes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit + 1}`, params);
  const items = rows.slice(0, limit).map((r) => r.item);
  return rows.length > limit ? { items, nextCursor: encodeCursor([Number(rows[limit - 1]!.id)]) } : { items };
}
