import type { QuoteFilter, QuoteItem } from '../query/quote-filter.js';
import { quoteItemsOf } from '../query/quote-filter.js';
import type { DocumentJson } from '../serialize/document-json.js';
import type { SqlDialect } from './event-sql.js';

/**
 * The quotes table: one row per quote of a stored document, with the lower-cased text
 * `quoteMatches` compares (as for events, lower-cased by JavaScript) and the item JSON.
 */
export interface QuoteColumns {
  article_id: string;
  quote_id: string;
  speaker_name: string | null;
  speaker_text: string | null;
  speaker_code: string | null;
  text: string;
  direct: number;
  item: string;
}

export const QUOTE_COLUMN_NAMES = ['article_id', 'quote_id', 'speaker_name', 'speaker_text', 'speaker_code', 'text', 'direct', 'item'] as const satisfies readonly (keyof QuoteColumns)[];

/** The rows of one document's quotes, in reverse document order (read back newest row first). */
export function quoteColumnsOf(articleId: string, doc: DocumentJson): QuoteColumns[] {
  return quoteItemsOf(articleId, doc)
    .map(({ quote: q, item }) => ({
      article_id: articleId,
      quote_id: q.id,
      speaker_name: q.speaker ? (q.speaker.name ?? '').toLowerCase() : null,
      speaker_text: q.speaker ? q.speaker.span.text.toLowerCase() : null,
      speaker_code: q.speaker ? (q.speaker.actorCode ?? '').toLowerCase() : null,
      text: q.span.text.toLowerCase(),
      direct: q.direct ? 1 : 0,
      item: JSON.stringify(item satisfies QuoteItem),
    }))
    .reverse();
}

/** The WHERE conditions selecting what `quoteMatches` accepts, line for line. */
export function quoteConditions(f: QuoteFilter, d: SqlDialect, params: unknown[] = []): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const p = (value: unknown) => {
    params.push(typeof value === 'string' ? d.text(value) : value);
    return d.placeholder(params.length);
  };
  if (f.article) where.push(`article_id = ${p(f.article)}`);
  if (f.direct !== undefined) where.push(`direct = ${p(f.direct ? 1 : 0)}`);
  const speaker = f.speaker;
  if (speaker) where.push(`(${['speaker_name', 'speaker_text', 'speaker_code'].map((c) => d.contains(c, p(speaker))).join(' OR ')})`);
  if (f.text) where.push(d.contains('text', p(f.text)));
  return { where, params };
}
