import countries from 'i18n-iso-countries';
import { PLOVER_TYPES, type EventRecord } from '../core/layers/index.js';

/**
 * One filter language for the API, exports, reports and alerts: every consumer parses
 * its parameters into an EventFilter and asks `eventMatches`.
 */
export interface EventFilter {
  from?: string;
  to?: string;
  plover?: string[];
  acled?: string[];
  /** actor code prefix or name substring, case-insensitive */
  actor?: string;
  /** ISO 3166 alpha-2 or alpha-3 codes */
  country?: string[];
  bbox?: [number, number, number, number];
  text?: string;
  includeBackground?: boolean;
  includeRestated?: boolean;
  /** a story id (src/reconcile): its events are those of its articles, set in `articleIds` by resolveClusterFilter */
  cluster?: string;
  /** only events of these articles */
  articleIds?: string[];
}

export class FilterError extends Error {}

/** A well-formed story id that names no stored story. */
export class UnknownStoryError extends FilterError {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parse filter parameters (query string or CLI flags, as strings); a bad value names itself. */
export function parseEventFilter(params: Record<string, string | undefined>): EventFilter {
  const f: EventFilter = {};
  for (const key of ['from', 'to'] as const) {
    const v = params[key];
    if (v === undefined || v === '') continue;
    if (!DATE.test(v) || Number.isNaN(Date.parse(v))) throw new FilterError(`"${key}" must be a date like 2023-09-20, not "${v}"`);
    f[key] = v;
  }
  if (f.from && f.to && f.from > f.to) throw new FilterError(`"from" (${f.from}) is after "to" (${f.to})`);
  const list = (v?: string) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const plover = list(params.type ?? params.plover)?.map((t) => t.toUpperCase());
  if (plover) {
    const unknown = plover.filter((t) => !(PLOVER_TYPES as readonly string[]).includes(t));
    if (unknown.length) throw new FilterError(`unknown PLOVER type ${unknown.join(', ')} (one of ${PLOVER_TYPES.join(', ')})`);
    f.plover = plover;
  }
  const acled = list(params.acled);
  if (acled) f.acled = acled.map((a) => a.toLowerCase());
  if (params.actor) f.actor = params.actor.toLowerCase();
  const country = list(params.country)?.map((c) => c.toUpperCase());
  if (country) {
    const bad = country.filter((c) => !/^[A-Z]{2,3}$/.test(c));
    if (bad.length) throw new FilterError(`"country" takes ISO codes like AZ or AZE, not ${bad.join(', ')}`);
    f.country = country;
  }
  if (params.bbox) {
    const parts = params.bbox.split(',').map(Number);
    const [w, s, e, n] = parts;
    if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x)) || s! < -90 || n! > 90 || s! > n! || w! < -180 || e! > 180) {
      throw new FilterError(`"bbox" must be west,south,east,north in degrees, not "${params.bbox}"`);
    }
    f.bbox = [w!, s!, e!, n!];
  }
  if (params.q ?? params.text) f.text = (params.q ?? params.text)!.toLowerCase();
  if (params.background === 'true' || params.background === '1') f.includeBackground = true;
  if (params.cluster !== undefined && params.cluster !== '') {
    if (!STORY_ID.test(params.cluster)) throw new FilterError(`"cluster" takes a story id like story-12 (see /api/clusters), not "${params.cluster}"`);
    f.cluster = params.cluster;
  }
  return f;
}

const STORY_ID = /^story-\d{1,15}$/;

/** The articles of a story, or undefined when there is no such story. */
export type StoryArticles = (storyId: string) => Promise<string[] | undefined>;

/**
 * The filter with its `cluster` turned into the story's article ids (kept with any ids the
 * filter already had: both must hold). An unknown story is a FilterError naming it.
 */
export async function resolveClusterFilter(f: EventFilter, storyArticles: StoryArticles): Promise<EventFilter> {
  if (f.cluster === undefined) return f;
  const ids = await storyArticles(f.cluster);
  if (!ids) throw new UnknownStoryError(`no story with id "${f.cluster}" (see /api/clusters or sitrep clusters)`);
  return { ...f, articleIds: f.articleIds ? f.articleIds.filter((id) => ids.includes(id)) : ids };
}

/** The ISO alpha-3 code of an event's place country, for matching either code form. */
export type CountryCodes = (iso2: string) => string | undefined;

const toAlpha3: CountryCodes = (iso2) => countries.alpha2ToAlpha3(iso2) ?? undefined;

/**
 * Whether the filter accepts the event. `articleId` is the event's article: a filter with
 * `articleIds` accepts no event whose article is not known.
 */
export function eventMatches(e: EventRecord, f: EventFilter, alpha3: CountryCodes = toAlpha3, articleId?: string): boolean {
  if (f.articleIds && (articleId === undefined || !f.articleIds.includes(articleId))) return false;
  if (e.background && !f.includeBackground) return false;
  if (e.duplicateOf && !f.includeRestated) return false;
  const day = e.date?.value.slice(0, 10);
  if (f.from && (!day || day < f.from)) return false;
  if (f.to && (!day || day > f.to)) return false;
  if (f.plover && !f.plover.includes(e.type)) return false;
  if (f.acled && !(e.acled && (f.acled.includes(e.acled.eventType.toLowerCase()) || f.acled.includes(e.acled.subEventType.toLowerCase())))) return false;
  if (f.actor) {
    const names = [e.source, e.target].flatMap((p) => (p ? [p.name, p.actorCode ?? ''] : [])).map((x) => x.toLowerCase());
    if (!names.some((n) => n.startsWith(f.actor!) || n.includes(f.actor!))) return false;
  }
  if (f.country) {
    const c = e.place?.country?.toUpperCase();
    const codes = c ? [c, alpha3(c) ?? ''] : [];
    const actorCountries = [e.source?.actorCode, e.target?.actorCode].map((x) => x?.split(' ')[0] ?? '');
    if (!f.country.some((x) => codes.includes(x) || actorCountries.includes(x))) return false;
  }
  if (f.bbox) {
    const [w, s, ea, n] = f.bbox;
    const { lat, lon } = e.place ?? {};
    if (lat === undefined || lon === undefined || lat < s || lat > n || lon < w || lon > ea) return false;
  }
  if (f.text && !e.sentenceSpan.text.toLowerCase().includes(f.text)) return false;
  return true;
}
