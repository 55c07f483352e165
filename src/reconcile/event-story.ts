import { attributedSpeech, type CasualtyCount, type EventRecord, type Quote } from '../core/layers/index.js';
import { eventItem, eventRowsOf } from '../query/event-rows.js';
import type { DocumentJson } from '../serialize/document-json.js';
import type { Store, StoredArticle } from '../store/store.js';
import { articleFigures, type MergedEvent, type ReconciledFigure } from './cross-article.js';
import type { StoryIndex } from './story-index.js';

type TextSpan = { start: number; end: number; text: string };

/** One event with its story: every article reporting it, its figures reconciled, and what was said about it. */
export interface EventStory {
  event: Record<string, unknown>;
  story: { clusterId: string | null; reports: { articleId: string; title?: string; outlet?: string; publishedAt?: string; eventIndex: number; sentence: TextSpan }[] };
  tallies: { kind: string; low: number; best: number; high: number; sources: number; disagreement: boolean; claims: { value: number; qualifier: string; claimant: string | null; articleId: string; span: TextSpan }[] }[];
  quotes: { id: string; articleId: string; text: string; speaker: string | null; span: TextSpan }[];
}

const eventsOf = (doc: DocumentJson) => (doc.layers.events as EventRecord[] | undefined) ?? [];
const spanOf = (s: TextSpan): TextSpan => ({ start: s.start, end: s.end, text: s.text });

/** The merged event of the story that holds this article's event, if it was merged. */
function mergedEventOf(events: MergedEvent[], articleId: string, eventId: string): MergedEvent | undefined {
  return events.find((m) => m.reports.some((r) => r.articleId === articleId && (r.eventIds ?? [r.eventId]).includes(eventId)));
}

/**
 * Event `eventIndex` (document order, as in the article's events layer) of a stored article
 * with its story from the story index; undefined when there is no such article or event.
 */
export async function eventStory(store: Store, index: StoryIndex, articleId: string, eventIndex: number): Promise<EventStory | undefined> {
  const article = await store.getArticle(articleId);
  const row = article ? eventRowsOf(article.id, article.document)[eventIndex] : undefined;
  if (!article || !row) return undefined;
  const cluster = await index.clusterOf(article.id);
  const merged = cluster ? mergedEventOf(cluster.events, article.id, row.event.id) : undefined;

  // the reports with their articles' events (an unmerged event is its own only report)
  const reports: { article: StoredArticle; events: EventRecord[] }[] = [];
  const refs = merged?.reports.map((r) => ({ articleId: r.articleId, eventIds: r.eventIds ?? [r.eventId] })) ?? [{ articleId: article.id, eventIds: [row.event.id] }];
  for (const r of refs) {
    const other = r.articleId === article.id ? article : await store.getArticle(r.articleId);
    const ids = new Set(r.eventIds);
    if (other) reports.push({ article: other, events: eventsOf(other.document).filter((e) => ids.has(e.id)) });
  }
  const figures: ReconciledFigure[] = merged?.figures ?? articleFigures({ id: article.id, document: article.document }, [row.event]);
  const byId = new Map(reports.map((r) => [r.article.id, r.article]));
  const countSpan = (aid: string, countId: string) => {
    const count = ((byId.get(aid)?.document.layers.counts as CasualtyCount[] | undefined) ?? []).find((c) => c.id === countId);
    return count ? spanOf(count.span) : { start: 0, end: 0, text: '' };
  };

  return {
    event: eventItem(row),
    story: {
      clusterId: cluster?.id ?? null,
      reports: reports.flatMap(({ article: a, events }) => {
        const first = events[0];
        if (!first) return [];
        const meta = a.document.meta;
        return [{
          articleId: a.id,
          ...(meta.title ? { title: meta.title } : {}),
          ...(meta.outlet ? { outlet: meta.outlet } : {}),
          ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
          eventIndex: eventsOf(a.document).indexOf(first),
          sentence: spanOf(first.sentenceSpan),
        }];
      }),
    },
    tallies: figures.map((f) => ({
      kind: f.kind,
      low: f.low,
      best: f.best,
      high: f.high,
      sources: f.sources,
      disagreement: f.disagreement,
      claims: f.claims.map((c) => ({ value: c.value, qualifier: c.qualifier, claimant: c.claimant, articleId: c.articleId, span: countSpan(c.articleId, c.countId) })),
    })),
    quotes: reports.flatMap(({ article: a, events }) => {
      const wanted = new Set(events.flatMap((e) => e.quoteIds));
      return attributedSpeech(a.document.layers as { quotes?: Quote[]; statements?: Quote[] })
        .filter((q) => wanted.has(q.id))
        .map((q) => ({ id: q.id, articleId: a.id, text: q.span.text, speaker: q.speaker?.name ?? q.speaker?.span.text ?? null, span: spanOf(q.span) }));
    }),
  };
}
