import type { DocumentJson } from '../../serialize/document-json.js';
import { anyAliasMatches, findPassage, foldCompact, foldText, foldWithOffsets, overlaps } from '../text-match.js';
import { dateMatches, intervalOf } from './date-interval.js';
import type { GoldFile } from './gold-file.js';

type Item = Record<string, any>;
type Range = { start: number; end: number };
export interface SectionScore {
  hits: number;
  total: number;
  /** predictions judged, and how many were right, where the section defines precision */
  predicted?: number;
  correct?: number;
}

/** What a section needs from the pipeline; without it the section is "not built". */
export const SECTION_LAYERS: Record<string, string[]> = {
  boilerplate: ['boilerplate'],
  nearDuplicateSentences: ['nearDuplicates'],
  entities: ['entities'],
  places: ['places'],
  dates: ['dates'],
  quotes: ['quotes'],
  counts: ['counts'],
  events: ['events'],
  background: ['background'],
  reconciliation: ['tallies'],
};

export class GoldContext {
  readonly text: string;
  private readonly index;
  private readonly restated: Set<string>;

  constructor(readonly doc: DocumentJson) {
    this.text = doc.clean?.text ?? doc.raw;
    this.index = foldWithOffsets(this.text);
    const r = (doc.layers.restatements as Item[] | undefined) ?? [];
    this.restated = new Set(r.map((x) => `${x.layer}:${x.id}`));
  }

  layer(name: string): Item[] {
    return (this.doc.layers[name] as Item[] | undefined) ?? [];
  }

  passages(contains: string): Range[] {
    return findPassage(this.text, contains, this.index);
  }

  inPassage(span: Range | undefined, contains: string): boolean {
    return !!span && this.passages(contains).some((p) => overlaps(p, span));
  }

  /** Facts that restate an earlier one are not counted again. */
  isRestated(layer: string, item: Item): boolean {
    return this.restated.has(`${layer}:${item.id}`) || item.duplicateOf !== undefined;
  }
}

const TALLY_KIND: Record<string, string> = { evacuated: 'displaced' };
const countKind = (k: string) => TALLY_KIND[k] ?? k;

export function scoreBoilerplate(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.boilerplate ?? [];
  const clean = foldCompact(c.text);
  return { hits: items.filter((b) => !clean.includes(foldCompact(b.contains))).length, total: items.length };
}

export function scoreNearDuplicates(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.nearDuplicateSentences ?? [];
  const sentences = c.layer('sentences');
  let hits = 0;
  for (const item of items) {
    const flagged = c.layer('nearDuplicates').find((d) =>
      c.inPassage(sentences[d.sentence]?.span, item.repeat) && c.inPassage(sentences[d.duplicateOf]?.span, item.first));
    if (!flagged) continue;
    const repeatSpan = sentences[flagged.sentence].span as Range;
    // its facts must not be counted twice: every fact from the repeat is marked as a restatement
    const doubled = (['quotes', 'counts', 'events'] as const).some((layer) =>
      c.layer(layer).some((f) => overlaps(f.span ?? f.trigger, repeatSpan) && !c.isRestated(layer, f)));
    if (!doubled) hits++;
  }
  return { hits, total: items.length };
}

const SCORED_ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC']);

export function scoreEntities(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.entities ?? [];
  const predicted = c.layer('entities');
  const hits = items.filter((e) => {
    const types = new Set([e.type, ...(e.alsoType ?? [])]);
    return predicted.some((p) => types.has(p.type) && anyAliasMatches([p.span.text], e.any));
  }).length;
  const distinct = new Map<string, string>();
  for (const p of predicted) if (SCORED_ENTITY_TYPES.has(p.type)) distinct.set(foldText(p.span.text), p.span.text);
  const correct = [...distinct.values()].filter((t) => items.some((e) => anyAliasMatches([t], e.any))).length;
  return { hits, total: items.length, predicted: distinct.size, correct };
}

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export function scorePlaces(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.places ?? [];
  const hits = items.filter((pl) => c.layer('places').some((p) =>
    p.resolved && anyAliasMatches([p.span.text], [pl.mention, ...(pl.alsoKnownAs ?? [])]) &&
    String(p.resolved.country).toUpperCase() === pl.country.toUpperCase() &&
    haversineKm(p.resolved, pl) <= pl.toleranceKm)).length;
  return { hits, total: items.length };
}

export function predictedInterval(d: Item) {
  return d.range ? { start: d.range.start, end: d.range.end } : intervalOf(String(d.value));
}

export function scoreDates(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.dates ?? [];
  const hits = items.filter((gd) => c.layer('dates').some((d) =>
    c.inPassage(d.span, gd.contains) && dateMatches(predictedInterval(d), gd.date, gd.precision))).length;
  return { hits, total: items.length };
}

function speakerNames(s: Item | null | undefined): string[] {
  return s ? [s.span?.text, s.name, s.actorName].filter(Boolean) : [];
}

/** The `quotes` layer is words in quotation marks; reported speech in the writer's words is `statements`. */
export function scoreQuotes(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.quotes ?? [];
  const predicted = c.layer('quotes').filter((q) => !c.isRestated('quotes', q));
  const hits = items.filter((gq) => predicted.some((q) =>
    foldCompact(q.span.text).includes(foldCompact(gq.contains)) && anyAliasMatches(speakerNames(q.speaker), gq.speaker))).length;
  const correct = predicted.filter((q) => items.some((gq) => {
    const a = foldCompact(q.span.text);
    const b = foldCompact(gq.contains);
    return a.includes(b) || b.includes(a);
  })).length;
  return { hits, total: items.length, predicted: predicted.length, correct };
}

function countMatches(p: Item, gc: NonNullable<GoldFile['counts']>[number], c: GoldContext): boolean {
  if (countKind(p.kind) !== gc.kind || p.value !== gc.value || p.qualifier !== gc.qualifier) return false;
  if (!c.inPassage(p.span, gc.contains)) return false;
  const claimants = gc.claimant ?? [null];
  if (!p.claimant) return claimants.includes(null);
  return anyAliasMatches(speakerNames(p.claimant), claimants);
}

export function scoreCounts(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.counts ?? [];
  const predicted = c.layer('counts').filter((p) => !c.isRestated('counts', p));
  const hits = items.filter((gc) => predicted.some((p) => countMatches(p, gc, c))).length;
  const correct = predicted.filter((p) =>
    !(g.notCounts ?? []).some((n) => c.inPassage(p.span, n.contains)) && items.some((gc) => countMatches(p, gc, c))).length;
  return { hits, total: items.length, predicted: predicted.length, correct };
}

function participantNames(p: Item | undefined): string[] {
  return p ? [p.name, p.span?.text, p.actorName].filter(Boolean) : [];
}

export function scoreEvents(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.events ?? [];
  const hits = items.filter((ge) => c.layer('events').some((e) => {
    if (![ge.type, ...(ge.alsoType ?? [])].includes(e.type)) return false;
    if (!c.inPassage(e.trigger, ge.contains) && !c.inPassage(e.sentenceSpan, ge.contains)) return false;
    if (ge.source && !anyAliasMatches(participantNames(e.source), ge.source)) return false;
    if (ge.target && !anyAliasMatches(participantNames(e.target), ge.target)) return false;
    if (ge.date && !(e.date && dateMatches(intervalOf(String(e.date.value)), ge.date))) return false;
    if (ge.location && !(e.place && anyAliasMatches([e.place.name], [ge.location]))) return false;
    return true;
  })).length;
  return { hits, total: items.length };
}

export function scoreBackground(g: GoldFile, c: GoldContext): SectionScore {
  const items = g.background ?? [];
  const published = c.doc.meta.publishedAt?.slice(0, 10);
  const hits = items.filter((b) => {
    if (!c.layer('background').some((m) => c.inPassage(m.span, b.contains))) return false;
    // and nothing from the passage is dated to the reporting day as current news
    return !c.layer('events').some((e) => c.inPassage(e.trigger, b.contains) && !e.background && published && String(e.date?.value ?? '').startsWith(published));
  }).length;
  return { hits, total: items.length };
}

export function scoreReconciliation(g: GoldFile, c: GoldContext): SectionScore {
  const expected = Object.entries(g.reconciliation ?? {});
  const tallies = c.layer('tallies');
  const hits = expected.filter(([kind, want]) => {
    const t = tallies.find((x) => countKind(x.kind) === kind) ?? { low: 0, best: 0 };
    return t.low === want.low && t.best === want.best;
  }).length;
  return { hits, total: expected.length };
}

export const SECTION_SCORERS: Record<string, (g: GoldFile, c: GoldContext) => SectionScore> = {
  boilerplate: scoreBoilerplate,
  nearDuplicateSentences: scoreNearDuplicates,
  entities: scoreEntities,
  places: scorePlaces,
  dates: scoreDates,
  quotes: scoreQuotes,
  counts: scoreCounts,
  events: scoreEvents,
  background: scoreBackground,
  reconciliation: scoreReconciliation,
};
