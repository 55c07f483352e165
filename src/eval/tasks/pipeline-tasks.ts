import { SitrepDocument, type ArticleMeta } from '../../core/document.js';
import { attributedSpeech, type LayerName } from '../../core/layers/index.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { toRawSpan } from '../raw-spans.js';
import { scoreGeocode, placesToPredictions, type GeocodePrediction, type GeocodeRecord } from './geocode.js';
import { scoreNer, type NerRecord } from './ner.js';
import { scoreQuotes, type QuotesRecord } from './quotes.js';
import type { EvalTask } from './registry.js';

/** Run only the stages a task needs, on one record's text, offsets kept in raw text. */
function analyse(pipeline: Pipeline, layers: LayerName[], text: string, meta: ArticleMeta): SitrepDocument {
  return pipeline.subset(layers).run(new SitrepDocument(text, meta));
}

const metaOf = (r: { id?: string; title?: string; publishedAt?: string }): ArticleMeta => ({ id: r.id, title: r.title, publishedAt: r.publishedAt });

export const nerTask: EvalTask = {
  name: 'ner',
  description: 'entities: exact span and type, micro P/R/F1 over PER/ORG/LOC/MISC',
  score(records, { pipeline }) {
    const sub = pipeline.subset(['entities']);
    const s = scoreNer(records as NerRecord[], (text) => {
      const doc = sub.run(new SitrepDocument(text, {}));
      return (doc.maybe('entities') ?? []).map((e) => ({ ...toRawSpan(doc, e.span), type: e.type }));
    });
    // the JSON keys FORMATS.md fixes for this task
    return { precision: s.precision, recall: s.recall, f1: s.f1, perType: s.perType };
  },
};

export const geocodeTask: EvalTask = {
  name: 'geocode',
  description: 'toponyms: recognition recall, accuracy within 161 km, median error',
  pooled: true,
  score(records, { pipeline }) {
    return scoreGeocode(records as GeocodeRecord[], (r) => {
      // the pooled score reads the same record objects again: analyse each once
      const known = geocoded.get(r);
      if (known) return known;
      const doc = analyse(pipeline, ['places'], r.text, metaOf(r));
      const found = placesToPredictions(doc.maybe('places') ?? [], (s, e) => toRawSpan(doc, { start: s, end: e }));
      geocoded.set(r, found);
      return found;
    }) as unknown as Record<string, unknown>;
  },
};
const geocoded = new WeakMap<GeocodeRecord, GeocodePrediction[]>();

export const quotesTask: EvalTask = {
  name: 'quotes',
  description: 'direct and reported quotes: recall, precision, speaker accuracy',
  score(records, { pipeline }) {
    const result = scoreQuotes(records as QuotesRecord[], (r) => {
      const doc = analyse(pipeline, ['quotes'], r.text, metaOf(r));
      return attributedSpeech({ quotes: doc.maybe('quotes'), statements: doc.maybe('statements') }).map((q) => ({
        ...toRawSpan(doc, q.span),
        direct: q.direct,
        speaker: q.speaker ? toRawSpan(doc, q.speaker.span) : null,
      }));
    });
    const pick = (c: Record<string, unknown>) => Object.fromEntries(['recall', 'precision', 'speakerAccuracy'].filter((k) => c[k] !== undefined).map((k) => [k, c[k]]));
    return { direct: pick(result.direct as unknown as Record<string, unknown>), indirect: pick(result.indirect as unknown as Record<string, unknown>) };
  },
};
