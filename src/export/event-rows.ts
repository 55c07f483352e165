import { OffsetMap } from '../core/offset-map.js';
import type { CasualtyCount, EventRecord, Quote } from '../core/layers/index.js';
import type { DocumentJson } from '../serialize/document-json.js';
import { eventMatches, type EventFilter } from '../query/event-filter.js';
import type { Store } from '../store/store.js';

/** One event with what an export needs: its article, its counts, and spans in both texts. */
export interface EventRow {
  articleId: string;
  outlet?: string;
  url?: string;
  title?: string;
  publishedAt?: string;
  event: EventRecord;
  killed?: number;
  injured?: number;
  /** the trigger and sentence spans mapped back to the raw article text */
  rawTrigger: { start: number; end: number };
  rawSentence: { start: number; end: number };
  quotes: Quote[];
}

/** Casualties of one kind that belong to the event: the largest claim not inside another. */
function casualties(counts: CasualtyCount[], ids: string[], kind: string): number | undefined {
  const values = counts.filter((c) => ids.includes(c.id) && c.kind === kind && !c.subsetOf).map((c) => c.value);
  return values.length ? Math.max(...values) : undefined;
}

export function eventRowsOf(articleId: string, doc: DocumentJson, filter: EventFilter): EventRow[] {
  const events = (doc.layers.events as EventRecord[] | undefined) ?? [];
  const counts = (doc.layers.counts as CasualtyCount[] | undefined) ?? [];
  const quotes = (doc.layers.quotes as Quote[] | undefined) ?? [];
  const map = new OffsetMap(doc.clean?.offsetMap ?? []);
  return events
    .filter((e) => eventMatches(e, filter))
    .map((event) => ({
      articleId,
      ...(doc.meta.outlet ? { outlet: doc.meta.outlet } : {}),
      ...(doc.meta.url ? { url: doc.meta.url } : {}),
      ...(doc.meta.title ? { title: doc.meta.title } : {}),
      ...(doc.meta.publishedAt ? { publishedAt: doc.meta.publishedAt } : {}),
      event,
      killed: casualties(counts, event.countIds, 'killed'),
      injured: casualties(counts, event.countIds, 'injured'),
      rawTrigger: map.toRawRange(event.trigger.start, event.trigger.end),
      rawSentence: map.toRawRange(event.sentenceSpan.start, event.sentenceSpan.end),
      quotes: quotes.filter((q) => event.quoteIds.includes(q.id)),
    }));
}

/**
 * Every event of each stored article, kept by article id and ingestion time: the
 * listing is cheap, so a changed or re-ingested article (by any process) is re-read and
 * an unchanged one is not.
 */
export class StoredEventCache {
  private readonly byArticle = new Map<string, { ingestedAt: string; rows: EventRow[] }>();

  async rows(store: Store, articleId: string, ingestedAt: string): Promise<EventRow[]> {
    const hit = this.byArticle.get(articleId);
    if (hit && hit.ingestedAt === ingestedAt) return hit.rows;
    const article = await store.getArticle(articleId);
    const rows = article ? eventRowsOf(article.id, article.document, { includeBackground: true, includeRestated: true }) : [];
    this.byArticle.set(articleId, { ingestedAt, rows });
    return rows;
  }
}

/** Every stored event matching the filter, article by article. */
export async function* storedEventRows(store: Store, filter: EventFilter, cache?: StoredEventCache): AsyncGenerator<EventRow> {
  let cursor: string | undefined;
  do {
    const page = await store.listArticles({ limit: 500, cursor });
    for (const summary of page.items) {
      if (!summary.counts.events) continue;
      if (cache) {
        for (const row of await cache.rows(store, summary.id, summary.ingestedAt)) if (eventMatches(row.event, filter)) yield row;
        continue;
      }
      const article = await store.getArticle(summary.id);
      if (article) yield* eventRowsOf(article.id, article.document, filter);
    }
    cursor = page.nextCursor;
  } while (cursor);
}
