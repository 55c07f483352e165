import type pg from 'pg';
import type { ArticleRows } from '../article-rows.js';
import { EVENT_ARRAY_COUNT, eventArrays, eventInsertCtes } from './postgres-events.js';
import { quoteArrays, quoteInsertCte } from './postgres-quotes.js';

/** The articles columns, in the order of the values saveArticle passes. */
export const ARTICLE_COLUMNS = ['id', 'content_hash', 'url', 'title', 'outlet', 'published_at', 'origin', 'pipeline_version', 'ingested_at', 'chars', 'counts', 'document', 'body'] as const;

const ARTICLE_VALUES = ARTICLE_COLUMNS.map((name, i) => `$${i + 1}${name === 'counts' ? '::jsonb' : ''}`).join(', ');
const INSERTED = 'EXISTS (SELECT 1 FROM article)';

/**
 * A new article, its events and its quotes in one statement: on a loaded machine every round
 * trip waits for a CPU twice, and three writes cost three of them. The events and quotes are
 * written only when the article row is (a unique content hash already stored inserts nothing),
 * and their foreign keys are checked at the end of the statement, when the row is there.
 * Prepared once per connection (the text never changes).
 */
const NEW_ARTICLE_SQL = `WITH article AS (
    INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}) VALUES (${ARTICLE_VALUES}) ON CONFLICT (content_hash) DO NOTHING RETURNING id
  ),
  ${eventInsertCtes(ARTICLE_COLUMNS.length + 1, INSERTED)},
  ${quoteInsertCte(ARTICLE_COLUMNS.length + EVENT_ARRAY_COUNT + 1, INSERTED)}
  SELECT id FROM article`;

/** The statement inserting a new article (values in ARTICLE_COLUMNS order) with its event and quote rows; it returns the id when the row was inserted. */
export function newArticleQuery(values: unknown[], rows: ArticleRows): pg.QueryConfig {
  return { name: 'sitrep_new_article', text: NEW_ARTICLE_SQL, values: [...values, ...eventArrays(rows.events), ...quoteArrays(rows.quotes)] };
}
