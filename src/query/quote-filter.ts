import { OffsetMap } from '../core/offset-map.js';
import { attributedSpeech, type Quote } from '../core/layers/index.js';
import type { DocumentJson } from '../serialize/document-json.js';
import { FilterError } from './event-filter.js';

/** Which quotes to list: the API's /api/quotes parameters, parsed. Text fields are lower case. */
export interface QuoteFilter {
  /** text in the speaker's name, the speaker's words in the article, or the actor code */
  speaker?: string;
  /** only this article's quotes */
  article?: string;
  /** text the quote contains */
  text?: string;
  /** only direct (true) or only reported (false) speech */
  direct?: boolean;
}

export function parseQuoteFilter(params: Record<string, string | undefined>): QuoteFilter {
  const f: QuoteFilter = {};
  if (params.speaker ?? params.actor) f.speaker = (params.speaker ?? params.actor)!.toLowerCase();
  if (params.article) f.article = params.article;
  if (params.q ?? params.text) f.text = (params.q ?? params.text)!.toLowerCase();
  const direct = params.direct;
  if (direct !== undefined && direct !== '') {
    if (!['true', 'false', '1', '0'].includes(direct)) throw new FilterError(`"direct" must be true or false, not "${direct}"`);
    f.direct = direct === 'true' || direct === '1';
  }
  return f;
}

/** The one definition of a match; the stores' SQL is checked against it. */
export function quoteMatches(q: Quote, articleId: string, f: QuoteFilter): boolean {
  if (f.article && articleId !== f.article) return false;
  if (f.direct !== undefined && q.direct !== f.direct) return false;
  if (f.speaker) {
    const s = q.speaker;
    const names = s ? [s.name ?? '', s.span.text, s.actorCode ?? ''].map((x) => x.toLowerCase()) : [];
    if (!names.some((n) => n.includes(f.speaker!))) return false;
  }
  if (f.text && !q.span.text.toLowerCase().includes(f.text)) return false;
  return true;
}

/** One quote as the API sends it, with its span in the clean and the raw text. */
export interface QuoteItem {
  article_id: string;
  quote_id: string;
  text: string;
  direct: boolean;
  speaker: string | null;
  speaker_code?: string;
  cue?: string;
  clean_start: number;
  clean_end: number;
  raw_start: number;
  raw_end: number;
  title?: string;
  outlet?: string;
  url?: string;
  published_at?: string;
}

export function quoteItemsOf(articleId: string, doc: DocumentJson): { quote: Quote; item: QuoteItem }[] {
  const quotes = attributedSpeech(doc.layers as { quotes?: Quote[]; statements?: Quote[] });
  const map = new OffsetMap(doc.clean?.offsetMap ?? []);
  return quotes.map((q) => {
    const raw = map.toRawRange(q.span.start, q.span.end);
    const item: QuoteItem = {
      article_id: articleId,
      quote_id: q.id,
      text: q.span.text,
      direct: q.direct,
      speaker: q.speaker?.name ?? q.speaker?.span.text ?? null,
      ...(q.speaker?.actorCode ? { speaker_code: q.speaker.actorCode } : {}),
      ...(q.cue ? { cue: q.cue.text } : {}),
      clean_start: q.span.start,
      clean_end: q.span.end,
      raw_start: raw.start,
      raw_end: raw.end,
      ...(doc.meta.title ? { title: doc.meta.title } : {}),
      ...(doc.meta.outlet ? { outlet: doc.meta.outlet } : {}),
      ...(doc.meta.url ? { url: doc.meta.url } : {}),
      ...(doc.meta.publishedAt ? { published_at: doc.meta.publishedAt } : {}),
    };
    return { quote: q, item };
  });
}
