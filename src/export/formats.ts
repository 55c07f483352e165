import countries from 'i18n-iso-countries';
import type { EventRow } from './event-rows.js';
import { flatRow } from '../query/event-rows.js';

export { flatRow };

export const EXPORT_FORMATS = ['json', 'jsonl', 'csv', 'geojson', 'acled', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** RFC 4180: quote a field when it holds a comma, a quote or a line break. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvLine = (values: unknown[]) => `${values.map(csvField).join(',')}\r\n`;

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
  // sitrep's provenance columns: the article and the source span
  'sitrep_article_id', 'sitrep_raw_start', 'sitrep_raw_end',
] as const;

const DISORDER: Record<string, string> = { Battles: 'Political violence', 'Explosions/Remote violence': 'Political violence', 'Violence against civilians': 'Political violence', Riots: 'Political violence; Demonstrations', Protests: 'Demonstrations', 'Strategic developments': 'Strategic developments' };
const PRECISION: Record<string, number> = { day: 1, 'part-of-day': 1, week: 2, month: 3 };

export function acledRow(r: EventRow): Record<(typeof ACLED_COLUMNS)[number], unknown> {
  const e = r.event;
  const iso2 = e.place?.country;
  const day = e.date?.value.slice(0, 10);
  const inter = e.acled?.interaction;
  return {
    event_id_cnty: e.id,
    event_date: day,
    year: day?.slice(0, 4),
    time_precision: e.date ? (PRECISION[e.date.precision] ?? 3) : undefined,
    disorder_type: e.acled ? DISORDER[e.acled.eventType] : undefined,
    event_type: e.acled?.eventType,
    sub_event_type: e.acled?.subEventType,
    actor1: e.source?.name,
    assoc_actor_1: undefined,
    inter1: inter !== undefined ? Math.floor(inter / 10) || inter : undefined,
    actor2: e.target?.name,
    assoc_actor_2: undefined,
    inter2: inter !== undefined && inter >= 10 ? inter % 10 : undefined,
    interaction: inter,
    civilian_targeting: e.acled?.eventType === 'Violence against civilians' ? 'Civilian targeting' : undefined,
    iso: iso2 ? countries.alpha2ToNumeric(iso2) : undefined,
    region: undefined,
    country: iso2 ? countries.getName(iso2, 'en') : undefined,
    admin1: undefined,
    admin2: undefined,
    admin3: undefined,
    location: e.place?.name,
    latitude: e.place?.lat,
    longitude: e.place?.lon,
    geo_precision: e.place?.precision === 'city' || e.place?.precision === 'point' ? 1 : e.place?.precision === 'district' ? 2 : e.place ? 3 : undefined,
    source: r.outlet,
    source_scale: undefined,
    notes: e.sentenceSpan.text,
    fatalities: r.killed ?? 0,
    tags: e.background ? 'background' : undefined,
    timestamp: undefined,
    sitrep_article_id: r.articleId,
    sitrep_raw_start: r.rawSentence.start,
    sitrep_raw_end: r.rawSentence.end,
  };
}

/** PLOVER-style record (event, actors, location, time, with sitrep's provenance). */
export function ploverRow(r: EventRow): Record<string, unknown> {
  const e = r.event;
  return {
    event_id: e.id,
    event_date: e.date?.value,
    event_type: e.type,
    event_mode: e.mode ?? '',
    event_text: e.sentenceSpan.text,
    actor1: e.source?.name ?? '',
    actor1_code: e.source?.actorCode ?? '',
    actor2: e.target?.name ?? '',
    actor2_code: e.target?.actorCode ?? '',
    location: e.place ? { name: e.place.name, lat: e.place.lat, lon: e.place.lon, country: e.place.country, precision: e.place.precision } : null,
    casualties: { killed: r.killed ?? null, injured: r.injured ?? null },
    provenance: { article_id: r.articleId, url: r.url ?? null, outlet: r.outlet ?? null, trigger: { start: r.rawTrigger.start, end: r.rawTrigger.end, text: e.trigger.text }, sentence: r.rawSentence },
  };
}

/** Streams rows in a format: a header, one chunk per row, a footer. */
export interface ExportWriter {
  header(): string;
  row(r: EventRow, index: number): string;
  footer(): string;
}

export function exportWriter(format: ExportFormat): ExportWriter {
  switch (format) {
    case 'json':
      return { header: () => '[\n', row: (r, i) => `${i ? ',\n' : ''}${JSON.stringify({ ...flatRow(r), quotes: r.quotes.map((q) => ({ text: q.span.text, speaker: q.speaker?.name ?? q.speaker?.span.text ?? null })) })}`, footer: () => '\n]\n' };
    case 'jsonl':
      return { header: () => '', row: (r) => `${JSON.stringify(flatRow(r))}\n`, footer: () => '' };
    case 'csv': {
      const columns = Object.keys(flatRow(SAMPLE_ROW));
      return { header: () => csvLine(columns), row: (r) => csvLine(Object.values(flatRow(r))), footer: () => '' };
    }
    case 'acled':
      return { header: () => csvLine([...ACLED_COLUMNS]), row: (r) => csvLine(ACLED_COLUMNS.map((c) => acledRow(r)[c])), footer: () => '' };
    case 'plover':
      return { header: () => '', row: (r) => `${JSON.stringify(ploverRow(r))}\n`, footer: () => '' };
    case 'geojson':
      return {
        header: () => '{"type":"FeatureCollection","features":[\n',
        row: (r, i) => {
          const p = r.event.place;
          const geometry = p?.lat !== undefined && p?.lon !== undefined ? { type: 'Point', coordinates: [p.lon, p.lat] } : null;
          return `${i ? ',\n' : ''}${JSON.stringify({ type: 'Feature', geometry, properties: flatRow(r) })}`;
        },
        footer: () => '\n]}\n',
      };
  }
}

// the CSV header is taken from the shape of a row, so columns never drift from values
const SAMPLE_ROW: EventRow = {
  articleId: '',
  event: { id: '', type: 'ASSAULT', trigger: { start: 0, end: 0, text: '' }, sentence: 0, sentenceSpan: { start: 0, end: 0, text: '' }, countIds: [], quoteIds: [], background: false },
  rawTrigger: { start: 0, end: 0 },
  rawSentence: { start: 0, end: 0 },
  quotes: [],
};
