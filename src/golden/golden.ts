import { SitrepDocument, type ArticleMeta } from '../core/document.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { documentToJson, type DocumentJson } from '../serialize/document-json.js';

type Item = Record<string, any>;

export async function runGoldenCase(text: string, meta: ArticleMeta): Promise<DocumentJson> {
  const pipeline = await createDefaultPipeline();
  return documentToJson(pipeline.run(new SitrepDocument(text, meta)), pipeline.version);
}

/**
 * The reviewable part of an analysed document: facts as short readable rows, without
 * offsets or versions, so a diff of expected files shows what changed in meaning.
 */
export function goldenProjection(doc: DocumentJson): Record<string, unknown> {
  const L = doc.layers as Record<string, Item[] | undefined>;
  const rows = (name: string, f: (x: Item) => string) => (L[name] ?? []).map(f);
  return {
    outlet: doc.meta.outlet ?? null,
    boilerplate: rows('boilerplate', (b) => `${b.kind}: ${b.raw.text}`),
    clean: doc.clean?.text ?? null,
    nearDuplicates: rows('nearDuplicates', (d) => `${d.sentence} repeats ${d.duplicateOf}`),
    entities: rows('entities', (e) => `${e.type} ${e.span.text}`),
    actors: rows('actors', (a) => `${a.actor.code} ${a.span.text} (${a.via})`),
    places: rows('places', (p) => `${p.span.text} → ${p.resolved ? `${p.resolved.name}, ${p.resolved.country}, ${p.precision}` : 'unresolved'}`),
    dates: rows('dates', (d) => `${d.span.text} = ${d.value}`),
    background: rows('background', (b) => `sentence ${b.sentence}`),
    quotes: rows('quotes', (q) => `${q.direct ? 'direct' : 'partial'} ${q.speaker ? (q.speaker.name ?? q.speaker.span.text) : 'NO SPEAKER'}: ${q.span.text}`),
    statements: rows('statements', (q) => `${q.speaker ? (q.speaker.name ?? q.speaker.span.text) : 'NO SPEAKER'}: ${q.span.text}`),
    counts: rows('counts', (c) => `${c.kind} ${c.qualifier} ${c.value} ${c.who}${c.claimant ? ` by ${c.claimant.name ?? c.claimant.span.text}` : ''}${c.subsetOf ? ' (subset)' : ''}`),
    events: rows('events', (e) => `${e.type} ${e.source?.name ?? '?'} → ${e.target?.name ?? '?'}${e.background ? ' [background]' : ''}${e.duplicateOf ? ' [restated]' : ''}`),
    tallies: rows('tallies', (t) => `${t.kind} ${t.low}/${t.best}/${t.high}`),
  };
}
