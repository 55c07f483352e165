import { claimantName, type CasualtyCount, type CountKind, type EventRecord } from '../core/layers/index.js';
import type { DocumentJson } from '../serialize/document-json.js';

export interface ReportedArticle {
  id: string;
  document: DocumentJson;
}

export interface EventReport {
  articleId: string;
  eventId: string;
  /** every event of this article merged into the event (eventId is the first) */
  eventIds: string[];
  outlet?: string;
  publishedAt?: string;
  trigger: { start: number; end: number; text: string };
}

export interface FigureClaim {
  articleId: string;
  outlet?: string;
  publishedAt?: string;
  claimant: string | null;
  value: number;
  qualifier: string;
  countId: string;
}

/** UCDP-style reconciliation of one figure across reports. */
export interface ReconciledFigure {
  kind: CountKind;
  low: number;
  best: number;
  high: number;
  sources: number;
  /** the reports do not agree on the figure */
  disagreement: boolean;
  claims: FigureClaim[];
}

export interface MergedEvent {
  id: string;
  type: EventRecord['type'];
  place?: string;
  date?: string;
  reports: EventReport[];
  figures: ReconciledFigure[];
}

const DAY = 86_400_000;
const dayOf = (e: EventRecord) => (e.date ? Date.parse(e.date.value.slice(0, 10)) : undefined);

function sameEvent(a: EventRecord, b: EventRecord, maxDays: number): boolean {
  if (a.type !== b.type) return false;
  if (a.place && b.place && a.place.name !== b.place.name) {
    const near = a.place.lat !== undefined && b.place.lat !== undefined && Math.abs(a.place.lat - b.place.lat!) < 0.25 && Math.abs(a.place.lon! - b.place.lon!) < 0.25;
    if (!near) return false;
  }
  const da = dayOf(a);
  const db = dayOf(b);
  return da === undefined || db === undefined || Math.abs(da - db) <= maxDays * DAY;
}

/** The article's strongest claim of one kind for an event: the largest figure not inside another. */
function articleClaim(article: ReportedArticle, events: EventRecord[], kind: CountKind): FigureClaim | undefined {
  const counts = (article.document.layers.counts as CasualtyCount[] | undefined) ?? [];
  const ids = new Set(events.flatMap((e) => e.countIds));
  const mine = counts.filter((c) => ids.has(c.id) && (c.kind === kind || (kind === 'displaced' && c.kind === 'evacuated')) && !c.subsetOf);
  if (!mine.length) return undefined;
  const top = mine.reduce((a, b) => (b.value > a.value ? b : a));
  const meta = article.document.meta;
  return { articleId: article.id, outlet: meta.outlet, publishedAt: meta.publishedAt, claimant: claimantName(top), value: top.value, qualifier: top.qualifier, countId: top.id };
}

/**
 * Reconcile one figure: low is the smallest claim, high the largest, and best the
 * latest report's (tolls rise as bodies are found; ties go to the larger figure).
 * Reports disagree when their figures differ.
 */
export function reconcileFigure(kind: CountKind, claims: FigureClaim[]): ReconciledFigure {
  const values = claims.map((c) => c.value);
  const latest = [...claims].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.value - b.value).pop()!;
  return {
    kind,
    low: Math.min(...values),
    best: latest.value,
    high: Math.max(...values),
    sources: new Set(claims.map((c) => c.articleId)).size,
    disagreement: new Set(values).size > 1,
    claims,
  };
}

const KINDS: CountKind[] = ['killed', 'injured', 'displaced', 'arrested', 'detained', 'missing', 'kidnapped', 'captured'];

/** The figures of one article's events (the same rule as a merged event, from one source). */
export function articleFigures(article: ReportedArticle, events: EventRecord[]): ReconciledFigure[] {
  return KINDS.flatMap((kind) => {
    const claim = articleClaim(article, events, kind);
    return claim ? [reconcileFigure(kind, [claim])] : [];
  });
}

/**
 * Merge the events of one story's articles: events of the same type, place and (near)
 * date are one event with every report attached, and their figures are reconciled.
 */
export function mergeClusterEvents(clusterId: string, articles: ReportedArticle[], maxDays = 1): MergedEvent[] {
  const groups: { first: EventRecord; members: { article: ReportedArticle; event: EventRecord }[] }[] = [];
  for (const article of articles) {
    const events = ((article.document.layers.events as EventRecord[] | undefined) ?? []).filter((e) => !e.background && !e.duplicateOf);
    for (const event of events) {
      const group = groups.find((g) => sameEvent(g.first, event, maxDays));
      if (group) group.members.push({ article, event });
      else groups.push({ first: event, members: [{ article, event }] });
    }
  }
  return groups.map((g, i) => {
    const byArticle = new Map<string, { article: ReportedArticle; events: EventRecord[] }>();
    for (const m of g.members) {
      const entry = byArticle.get(m.article.id) ?? { article: m.article, events: [] };
      entry.events.push(m.event);
      byArticle.set(m.article.id, entry);
    }
    const reports = [...byArticle.values()].map(({ article, events }) => ({
      articleId: article.id,
      eventId: events[0]!.id,
      eventIds: events.map((e) => e.id),
      outlet: article.document.meta.outlet,
      publishedAt: article.document.meta.publishedAt,
      trigger: events[0]!.trigger,
    }));
    const figures = KINDS.flatMap((kind) => {
      const claims = [...byArticle.values()].map(({ article, events }) => articleClaim(article, events, kind)).filter((c): c is FigureClaim => !!c);
      return claims.length ? [reconcileFigure(kind, claims)] : [];
    });
    return { id: `${clusterId}/event-${i + 1}`, type: g.first.type, place: g.first.place?.name, date: g.first.date?.value.slice(0, 10), reports, figures };
  });
}
