import type { EventRecord } from '../core/layers/index.js';
import type { MergedEvent } from '../reconcile/cross-article.js';
import { openStoryIndex } from '../reconcile/story-index.js';
import type { Store } from '../store/store.js';
import type { AlertEventSummary } from './alert.js';

/** A cross-article event an alert is tested against: its summary and each report's own event record. */
export interface AlertableEvent {
  summary: AlertEventSummary;
  /** one event record per report, for the shared filter (an event matches when any report's does) */
  records: EventRecord[];
}

/**
 * The merged events the newly stored article `articleId` reports, with their reconciled figures.
 * The one place that knows where merged events come from: the stored story index, brought up to
 * date (only the articles it has not placed yet), then asked for this article's story alone.
 */
export async function mergedEventsFor(store: Store, articleId: string): Promise<AlertableEvent[]> {
  const index = await openStoryIndex(store);
  let story;
  try {
    await index.catchUp();
    story = await index.clusterOf(articleId);
  } finally {
    await index.close();
  }
  const events = (story?.events ?? []).filter((e) => e.reports.some((r) => r.articleId === articleId));
  const documents = new Map<string, EventRecord[]>();
  const eventsOf = async (id: string): Promise<EventRecord[]> => {
    if (!documents.has(id)) documents.set(id, ((await store.getArticle(id))?.document.layers.events as EventRecord[] | undefined) ?? []);
    return documents.get(id)!;
  };
  const out: AlertableEvent[] = [];
  for (const event of events) {
    const records: EventRecord[] = [];
    for (const r of event.reports) {
      // every event of the article merged into this one, where the reconciler lists them
      const ids = new Set((r as { eventIds?: string[] }).eventIds ?? [r.eventId]);
      records.push(...(await eventsOf(r.articleId)).filter((e) => ids.has(e.id)));
    }
    out.push({ summary: summarise(event), records });
  }
  return out;
}

/**
 * Key a merged event by its earliest report (article id and that article's event id), so it
 * keeps its key as later reports join it. Reports are in publication order, so a report that
 * arrives late but was published earlier re-keys the event; every key is some report's, so an
 * alert checks all of the event's report keys before recording a match.
 */
export function eventKey(event: MergedEvent): string {
  return reportKey(event.reports[0]!);
}

/** One report of an event, as "articleId/eventId". */
export const reportKey = (r: { articleId: string; eventId: string }): string => `${r.articleId}/${r.eventId}`;

function summarise(event: MergedEvent): AlertEventSummary {
  const summary: AlertEventSummary = {
    key: eventKey(event),
    type: event.type,
    ...(event.place ? { place: event.place } : {}),
    ...(event.date ? { date: event.date } : {}),
    figures: event.figures.map((f) => ({ kind: f.kind, low: f.low, best: f.best, high: f.high, sources: f.sources })),
    reports: event.reports.map((r) => ({
      articleId: r.articleId,
      eventId: r.eventId,
      ...(r.outlet ? { outlet: r.outlet } : {}),
      ...(r.publishedAt ? { publishedAt: r.publishedAt } : {}),
      trigger: r.trigger.text,
    })),
  };
  return summary;
}
