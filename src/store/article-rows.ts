import type { DocumentJson } from '../serialize/document-json.js';
import { eventColumnsOf, type EventColumns } from './event-index.js';
import { quoteColumnsOf, type QuoteColumns } from './quote-index.js';
import { layerCounts } from './record.js';
import type { ArticleRecord } from './store.js';

/**
 * Everything a store writes for one article that follows from its document alone: the
 * document's JSON text, the listing columns and the event and quote rows. Plain data (strings
 * and numbers), so an analysis worker can compute it beside the analysis and hand it over
 * for the price of copying strings, leaving the thread that writes only the writing.
 */
export interface ArticleRows {
  /** the article id the event and quote rows name (they hold it in their columns and JSON) */
  articleId: string;
  /**
   * the document as stored: JSON.stringify of it, read back by getArticle. It writes U+0000 as
   * the escape \u0000, so the text holds no NUL that PostgreSQL would refuse.
   */
  documentText: string;
  /** layerCounts of the document, as JSON */
  counts: string;
  /** the raw text's length */
  chars: number;
  /** the text full-text search indexes: the clean text, else the raw */
  body: string;
  /** eventColumnsOf(articleId, document), in the order they are written */
  events: EventColumns[];
  /** quoteColumnsOf(articleId, document), in the order they are written */
  quotes: QuoteColumns[];
}

export function articleRows(articleId: string, document: DocumentJson): ArticleRows {
  return {
    articleId,
    documentText: JSON.stringify(document),
    counts: JSON.stringify(layerCounts(document)),
    chars: document.raw.length,
    body: document.clean?.text ?? document.raw,
    events: eventColumnsOf(articleId, document),
    quotes: quoteColumnsOf(articleId, document),
  };
}

/**
 * The rows of `record` stored under `articleId`: those computed in advance when they name that
 * id, else computed now (a corrected version keeps the id of the article it replaces).
 */
export function rowsFor(record: ArticleRecord, articleId: string): ArticleRows {
  return record.rows?.articleId === articleId ? record.rows : articleRows(articleId, record.document);
}

/** An article record whose rows were computed in advance, without the document they came from. */
export type PreparedArticle = Omit<ArticleRecord, 'document' | 'rows'> & { rows: ArticleRows };

/** The record and its rows, computed together (where the analysis ran). */
export function prepareArticle(record: ArticleRecord): PreparedArticle {
  const { document, rows, ...rest } = record;
  return { ...rest, rows: rows ?? articleRows(record.id, document) };
}

/**
 * The record of a prepared article. Its document is parsed from the stored text only if a
 * reader asks for it (a store saving a corrected version under an older id does); the text
 * is exactly what JSON.stringify gave for the analysed document, so the parse is that document.
 */
export function recordFromPrepared(prepared: PreparedArticle): ArticleRecord {
  let document: DocumentJson | undefined;
  return Object.defineProperty({ ...prepared }, 'document', {
    enumerable: true,
    get: () => (document ??= JSON.parse(prepared.rows.documentText) as DocumentJson),
  }) as ArticleRecord;
}
