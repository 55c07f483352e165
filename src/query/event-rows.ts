import { OffsetMap } from '../core/offset-map.js';
import type { CasualtyCount, EventRecord, Quote } from '../core/layers/index.js';
import type { DocumentJson } from '../serialize/document-json.js';
import { eventMatches, type EventFilter } from './event-filter.js';

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

/** The rows of one document's events layer, in document order; with a filter, only those it matches. */
export function eventRowsOf(articleId: string, doc: DocumentJson, filter?: EventFilter): EventRow[] {
  const events = (doc.layers.events as EventRecord[] | undefined) ?? [];
  const counts = (doc.layers.counts as CasualtyCount[] | undefined) ?? [];
  const quotes = (doc.layers.quotes as Quote[] | undefined) ?? [];
  const map = new OffsetMap(doc.clean?.offsetMap ?? []);
  return events
    .filter((e) => !filter || eventMatches(e, filter, undefined, articleId))
    .map((event) => {
      const killed = casualties(counts, event.countIds, 'killed');
      const injured = casualties(counts, event.countIds, 'injured');
      return {
      articleId,
      ...(doc.meta.outlet ? { outlet: doc.meta.outlet } : {}),
      ...(doc.meta.url ? { url: doc.meta.url } : {}),
      ...(doc.meta.title ? { title: doc.meta.title } : {}),
      ...(doc.meta.publishedAt ? { publishedAt: doc.meta.publishedAt } : {}),
      event,
      // absent rather than undefined, so a row reads back from JSON exactly as it was made
      ...(killed !== undefined ? { killed } : {}),
      ...(injured !== undefined ? { injured } : {}),
      rawTrigger: map.toRawRange(event.trigger.start, event.trigger.end),
      rawSentence: map.toRawRange(event.sentenceSpan.start, event.sentenceSpan.end),
      quotes: quotes.filter((q) => event.quoteIds.includes(q.id)),
      };
    });
}

/** A flat, tool-friendly view of one event row. */
export function flatRow(r: EventRow): Record<string, unknown> {
  const e = r.event;
  return {
    article_id: r.articleId,
    event_id: e.id,
    plover_type: e.type,
    mode: e.mode,
    date: e.date?.value,
    date_precision: e.date?.precision,
    source: e.source?.name,
    source_code: e.source?.actorCode,
    target: e.target?.name,
    target_code: e.target?.actorCode,
    place: e.place?.name,
    latitude: e.place?.lat,
    longitude: e.place?.lon,
    country: e.place?.country,
    place_precision: e.place?.precision,
    killed: r.killed,
    injured: r.injured,
    acled_event_type: e.acled?.eventType,
    acled_sub_event_type: e.acled?.subEventType,
    trigger: e.trigger.text,
    clean_start: e.trigger.start,
    clean_end: e.trigger.end,
    raw_start: r.rawTrigger.start,
    raw_end: r.rawTrigger.end,
    sentence: e.sentenceSpan.text,
    outlet: r.outlet,
    url: r.url,
    published_at: r.publishedAt,
  };
}

/** What the API sends for one event: the flat row, whether it is background, and its quotes in short. */
export function eventItem(r: EventRow): Record<string, unknown> {
  return {
    ...flatRow(r),
    background: r.event.background,
    quotes: r.quotes.map((q) => ({ id: q.id, text: q.span.text, speaker: q.speaker?.name ?? q.speaker?.span.text ?? null })),
  };
}

/** What events can be counted by, and each event's key for it (null: unknown). */
export const EVENT_COUNT_KEYS = ['day', 'month', 'type', 'country'] as const;
export type EventCountKey = (typeof EVENT_COUNT_KEYS)[number];

export function eventCountKey(e: EventRecord, by: EventCountKey): string | null {
  switch (by) {
    case 'day':
      return e.date ? e.date.value.slice(0, 10) : null;
    case 'month':
      return e.date ? e.date.value.slice(0, 7) : null;
    case 'type':
      return e.type;
    case 'country':
      return e.place?.country?.toUpperCase() ?? null;
  }
}

/** Counts sorted by key, unknown last: the one order every store returns. */
export function sortCounts(counts: { key: string | null; count: number }[]): { key: string | null; count: number }[] {
  return [...counts].sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
}
