import type pg from 'pg';
import type { QuoteFilter } from '../../query/quote-filter.js';
import type { DocumentJson } from '../../serialize/document-json.js';
import { eventCursor, eventPageLimit } from '../event-index.js';
import { POSTGRES_DIALECT } from '../event-sql.js';
import { QUOTE_COLUMN_NAMES, quoteColumnsOf, quoteConditions } from '../quote-index.js';
import { encodeCursor } from '../record.js';
import type { Page } from '../store.js';

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

/** Write the article's quotes (`replace`: after deleting those it has); call inside the saving transaction. */
export async function writePostgresQuotes(c: pg.PoolClient, articleId: string, doc: DocumentJson, replace = true): Promise<void> {
  if (replace) await c.query('DELETE FROM quotes WHERE article_id = $1', [articleId]);
  const rows = quoteColumnsOf(articleId, doc);
  if (!rows.length) return;
  // one array per column, unnested in order: ids follow the array order (reverse document order)
  const arrays = QUOTE_COLUMN_NAMES.map((name) => rows.map((r) => (typeof r[name] === 'string' ? POSTGRES_DIALECT.text(r[name] as string) : r[name])));
  const types = QUOTE_COLUMN_NAMES.map((name) => (name === 'direct' ? 'smallint[]' : 'text[]'));
  await c.query(
    `INSERT INTO quotes (${QUOTE_COLUMN_NAMES.join(', ')}) SELECT ${QUOTE_COLUMN_NAMES.join(', ')} FROM unnest(${types.map((t, i) => `$${i + 1}::${t}`).join(', ')}) WITH ORDINALITY AS u(${QUOTE_COLUMN_NAMES.join(', ')}, n) ORDER BY n`,
    arrays,
  );
}

export async function fillPostgresQuotes(c: pg.PoolClient): Promise<void> {
  const ids = (await c.query<{ id: string }>('SELECT id FROM articles ORDER BY ingested_at, id')).rows.map((r) => r.id);
  for (const id of ids) await writePostgresQuotes(c, id, (await c.query<{ document: DocumentJson }>('SELECT document FROM articles WHERE id = $1', [id])).rows[0]!.document);
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
