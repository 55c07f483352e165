/**
 * Geocode scorer (eval/geocode): the system finds mentions itself. A gold toponym is
 * found when a predicted place overlaps it (several: the largest overlap). Reports
 * recognition recall, accuracy@161km and median error over found toponyms, and
 * accuracy@161km over all gold toponyms (unfound = wrong).
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepDocument, type ArticleMeta } from '../../core/document.js';
import type { Entity, PlaceMention } from '../../core/layers/index.js';
import { OffsetMap } from '../../core/offset-map.js';
import type { Services } from '../../core/services.js';

import { loadGazetteer } from '../../services/gazetteer/index.js';
import { createGeocodeStage } from '../../stages/geocode/index.js';
import { haversineKm } from '../../stages/geocode/rank.js';
import { readJsonl, renderMetrics, type EvalResult } from './registry.js';
import { simpleSentences } from './timex.js';

export interface GeocodeGold {
  start: number;
  end: number;
  text?: string;
  lat: number;
  lon: number;
  country?: string;
  geonameid?: number;
}

export interface GeocodeRecord {
  id: string;
  text: string;
  title?: string;
  publishedAt?: string;
  toponyms: GeocodeGold[];
}

export interface GeocodePrediction {
  start: number;
  end: number;
  lat: number;
  lon: number;
  /** for error reports only */
  name?: string;
}

export interface GeocodeScore {
  recognitionRecall?: number;
  accuracy161Found?: number;
  medianErrorKm?: number;
  accuracy161?: number;
}

export interface GeocodeOutcome {
  record: string;
  gold: GeocodeGold;
  predicted?: GeocodePrediction;
  errorKm?: number;
}

/** The prediction overlapping a gold span most, if any. */
export function bestOverlap(gold: GeocodeGold, preds: readonly GeocodePrediction[]): GeocodePrediction | undefined {
  let best: GeocodePrediction | undefined;
  let bestOverlap = 0;
  for (const p of preds) {
    const o = Math.min(gold.end, p.end) - Math.max(gold.start, p.start);
    if (o > bestOverlap) (bestOverlap = o), (best = p);
  }
  return best;
}

export function geocodeOutcomes(records: readonly GeocodeRecord[], predict: (record: GeocodeRecord) => GeocodePrediction[]): GeocodeOutcome[] {
  const out: GeocodeOutcome[] = [];
  for (const r of records) {
    const preds = predict(r);
    for (const g of r.toponyms) {
      const p = bestOverlap(g, preds);
      out.push(p ? { record: r.id, gold: g, predicted: p, errorKm: haversineKm(g.lat, g.lon, p.lat, p.lon) } : { record: r.id, gold: g });
    }
  }
  return out;
}

export function summariseGeocode(outcomes: readonly GeocodeOutcome[]): GeocodeScore {
  const errors = outcomes.filter((o) => o.errorKm !== undefined).map((o) => o.errorKm!).sort((a, b) => a - b);
  const within = errors.filter((e) => e <= 161).length;
  const s: GeocodeScore = {};
  if (outcomes.length) s.recognitionRecall = errors.length / outcomes.length;
  if (errors.length) {
    s.accuracy161Found = within / errors.length;
    const m = errors.length >> 1;
    s.medianErrorKm = errors.length % 2 ? errors[m]! : (errors[m - 1]! + errors[m]!) / 2;
  }
  if (outcomes.length) s.accuracy161 = within / outcomes.length;
  return s;
}

export function scoreGeocode(records: readonly GeocodeRecord[], predict: (record: GeocodeRecord) => GeocodePrediction[]): GeocodeScore {
  return summariseGeocode(geocodeOutcomes(records, predict));
}

export function placesToPredictions(places: readonly PlaceMention[], toRaw: (start: number, end: number) => { start: number; end: number }): GeocodePrediction[] {
  return places.filter((p) => p.resolved).map((p) => ({ ...toRaw(p.span.start, p.span.end), lat: p.resolved!.lat, lon: p.resolved!.lon, name: `${p.resolved!.name} (${p.resolved!.country} ${p.resolved!.featureCode})` }));
}

/**
 * Geocode one text with the geocode stage alone: identity cleaning, simple sentences,
 * and entities from `entities` when given. Without them the stage's own recogniser
 * proposes capitalised names found in the gazetteer (liberally), standing in for the
 * entity tagger until the full pipeline is used.
 */
export function predictPlacesForEval(text: string, meta: ArticleMeta, services: Services, entities?: (doc: SitrepDocument) => Entity[]): PlaceMention[] {
  const doc = new SitrepDocument(text, meta);
  doc.set('clean', { text, map: OffsetMap.identity(text.length) });
  doc.set('sentences', simpleSentences(text));
  doc.set('entities', entities ? entities(doc) : []);
  const stage = createGeocodeStage({ extra: entities ? 'conservative' : 'liberal' });
  return stage.run(doc, services).layers.places ?? [];
}

/** Standalone measurement: node dist/eval/tasks/geocode.js FILE.jsonl... [--json] [--errors] */
export function runStandalone(files: string[], flags: { json?: boolean; errors?: boolean }): EvalResult[] {
  const services: Services = { gazetteer: loadGazetteer() };
  return files.map((file) => {
    const records = readJsonl(file) as GeocodeRecord[];
    const started = Date.now();
    let chars = 0;
    const outcomes = geocodeOutcomes(records, (r) => {
      chars += r.text.length;
      return placesToPredictions(predictPlacesForEval(r.text, { id: r.id, title: r.title, publishedAt: r.publishedAt }, services), (s, e) => ({ start: s, end: e }));
    });
    const ms = Date.now() - started;
    const result: EvalResult = { task: 'geocode', dataset: basename(file).replace(/\.jsonl$/, ''), n: records.length, metrics: summariseGeocode(outcomes) as Record<string, unknown> };
    if (flags.errors) {
      for (const o of outcomes) {
        if (o.errorKm !== undefined && o.errorKm <= 161) continue;
        const g = o.gold;
        console.log(`${o.predicted ? 'WRONG' : 'MISSED'}\t${o.record}\t${g.text ?? ''}\t${g.lat},${g.lon}\t${o.predicted ? `${o.predicted.name} ${o.predicted.lat},${o.predicted.lon} ${Math.round(o.errorKm!)}km` : ''}`);
      }
    }
    console.log(json(flags) ? JSON.stringify(result) : `${renderMetrics(result)}\n  (${(chars / 1e6 / (ms / 1000)).toFixed(2)} MB/s, geocode stage with its stand-in recogniser)`);
    return result;
  });
}

const json = (f: { json?: boolean }) => f.json === true;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  runStandalone(args.filter((a) => !a.startsWith('--')), { json: args.includes('--json'), errors: args.includes('--errors') });
}

