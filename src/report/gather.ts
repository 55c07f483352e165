import { storedEventRows } from '../export/event-rows.js';
import type { EventFilter } from '../query/event-filter.js';
import type { EventRow } from '../query/event-rows.js';
import type { MergedEvent } from '../reconcile/cross-article.js';
import { clusterStoredArticles } from '../reconcile/stored-clusters.js';
import type { Store, StoredArticle } from '../store/store.js';
import { dailyCounts, eventLines, groupByArea } from './event-lines.js';
import { headlineFigures } from './headline.js';
import type { ReportModel } from './model.js';
import { ArticleShelf, NoteBook } from './notes.js';
import { quotesByActor } from './quotes.js';

export interface ReportRequest {
  filter: EventFilter;
  /** the place in words, for the title */
  area: string;
  mapExtent?: [number, number, number, number];
  /** injected so a report is reproducible in tests */
  now?: Date;
}

async function collect(rows: AsyncIterable<EventRow>): Promise<EventRow[]> {
  const out: EventRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const rowKey = (articleId: string, eventId: string) => `${articleId}#${eventId}`;

/**
 * Gather a situation report from the store: the period's events through the shared
 * filter, their cross-article reconciliation, the quotes of the articles that reported
 * them, and those articles' background kept apart.
 */
export async function gatherReport(store: Store, request: ReportRequest): Promise<ReportModel> {
  const { filter } = request;
  const rows = await collect(storedEventRows(store, { ...filter, includeBackground: false }));

  const stories = await clusterStoredArticles(store);
  const mergedByReport = new Map<string, MergedEvent>();
  for (const cluster of stories) {
    for (const event of cluster.events) {
      for (const r of event.reports) for (const id of r.eventIds ?? [r.eventId]) mergedByReport.set(rowKey(r.articleId, id), event);
    }
  }

  const shelf = new ArticleShelf(store);
  const notes = new NoteBook();
  const headline = await headlineFigures(stories, rows, shelf, notes);
  const lines = await eventLines(rows, (r) => mergedByReport.get(rowKey(r.articleId, r.event.id))?.id ?? '', shelf, notes);

  const articleIds = [...new Set(rows.map((r) => r.articleId))];
  const articles = (await Promise.all(articleIds.map((id) => shelf.get(id)))).filter((a): a is StoredArticle => !!a);
  const eventQuoteIds = new Set(rows.flatMap((r) => r.quotes.map((q) => rowKey(r.articleId, q.id))));
  const quotes = quotesByActor(articles, eventQuoteIds, notes);

  // background is whatever the period's articles recall of the past, whatever its date
  const { from: _from, to: _to, ...anyDate } = filter;
  const anyDateRows = await collect(storedEventRows(store, { ...anyDate, includeBackground: true }));
  const background = await eventLines(anyDateRows.filter((r) => r.event.background && articleIds.includes(r.articleId)), () => '', shelf, notes);
  // a period cannot hold an undated event; say how many were left out rather than drop them silently
  const undatedEvents = filter.from || filter.to ? anyDateRows.filter((r) => !r.event.background && !r.event.date).length : 0;

  const period = { ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) };
  return {
    title: `Situation report: ${request.area}, ${periodLabel(period)}`,
    generatedAt: (request.now ?? new Date()).toISOString(),
    area: request.area,
    period,
    filter,
    articleCount: articles.length,
    headline,
    happened: groupByArea(lines),
    quotes,
    daily: dailyCounts(lines, filter.from, filter.to),
    background,
    undatedEvents,
    ...(request.mapExtent ? { mapExtent: request.mapExtent } : {}),
    notes: notes.notes,
  };
}

export function periodLabel(period: { from?: string; to?: string }): string {
  if (period.from && period.to) return period.from === period.to ? period.from : `${period.from} to ${period.to}`;
  if (period.from) return `since ${period.from}`;
  if (period.to) return `up to ${period.to}`;
  return 'all dates';
}
