import countries from 'i18n-iso-countries';
import type { DocumentJson } from '../serialize/document-json.js';
import { eventItem, eventRowsOf, type EventRow } from '../query/event-rows.js';
import { decodeCursor } from './record.js';
import { StoreError } from './store.js';

/**
 * The events table: one row per event of a stored document, with a column for every
 * filter of src/query/event-filter.ts, each holding exactly what `eventMatches` compares
 * (text already lower-cased by JavaScript, since SQL's lower() differs from it outside
 * ASCII), so that filtering in SQL gives the same answer as filtering in memory.
 */
export interface EventColumns {
  article_id: string;
  event_id: string;
  /** the first ten characters of the event date, as compared with from/to */
  day: string | null;
  plover: string;
  acled_type: string | null;
  acled_sub: string | null;
  /** the place's country as stored (upper case) and its alpha-3 code ('' when it has none) */
  place_country2: string | null;
  place_country3: string | null;
  /** the first word of each participant's actor code ('' when absent): "ARM GOV" → "ARM" */
  source_country: string;
  target_country: string;
  lat: number | null;
  lon: number | null;
  source_name: string | null;
  source_code: string | null;
  target_name: string | null;
  target_code: string | null;
  sentence: string;
  background: number;
  restated: number;
  /** the whole EventRow as JSON, returned by queryEvents */
  row: string;
  /** the flat row the API sends (eventItem), as JSON, returned by queryEventItems */
  item: string;
}

export const EVENT_COLUMN_NAMES = [
  'article_id', 'event_id', 'day', 'plover', 'acled_type', 'acled_sub', 'place_country2', 'place_country3', 'source_country', 'target_country',
  'lat', 'lon', 'source_name', 'source_code', 'target_name', 'target_code', 'sentence', 'background', 'restated',
] as const satisfies readonly (keyof EventColumns)[];

const lower = (s: string | undefined) => (s === undefined ? null : s.toLowerCase());

export function eventColumns(row: EventRow): EventColumns {
  const e = row.event;
  const country = e.place?.country?.toUpperCase();
  return {
    article_id: row.articleId,
    event_id: e.id,
    day: e.date ? e.date.value.slice(0, 10) : null,
    plover: e.type,
    acled_type: e.acled ? e.acled.eventType.toLowerCase() : null,
    acled_sub: e.acled ? e.acled.subEventType.toLowerCase() : null,
    place_country2: country ?? null,
    place_country3: country ? (countries.alpha2ToAlpha3(country) ?? '') : null,
    source_country: e.source?.actorCode?.split(' ')[0] ?? '',
    target_country: e.target?.actorCode?.split(' ')[0] ?? '',
    lat: e.place?.lat ?? null,
    lon: e.place?.lon ?? null,
    source_name: lower(e.source?.name),
    source_code: e.source ? (e.source.actorCode ?? '').toLowerCase() : null,
    target_name: lower(e.target?.name),
    target_code: e.target ? (e.target.actorCode ?? '').toLowerCase() : null,
    sentence: e.sentenceSpan.text.toLowerCase(),
    background: e.background ? 1 : 0,
    restated: e.duplicateOf ? 1 : 0,
    row: JSON.stringify(row),
    item: JSON.stringify(eventItem(row)),
  };
}

/**
 * The rows to write for one stored document, in reverse document order: the table is read
 * newest row first, so this reads one article's events back in document order.
 */
export function eventColumnsOf(articleId: string, doc: DocumentJson): EventColumns[] {
  return eventRowsOf(articleId, doc).map(eventColumns).reverse();
}

/** The position an events page continues after. */
export function eventCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let value: unknown;
  try {
    value = decodeCursor(cursor)[0];
  } catch {
    value = undefined;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new StoreError(`invalid cursor "${cursor}"`);
  return value;
}

export const EVENT_PAGE_DEFAULT = 100;
export const EVENT_PAGE_MAX = 1000;

export function eventPageLimit(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? EVENT_PAGE_DEFAULT), 1), EVENT_PAGE_MAX);
}
