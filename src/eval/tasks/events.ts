/**
 * Events scorer (eval/events, ../shared/eval/FORMATS.md "events") and the ACLED reading of a
 * note's main event, for the acled task.
 */
import countries from 'i18n-iso-countries';
import { SitrepDocument } from '../../core/document.js';
import type { EventRecord } from '../../core/layers/index.js';
import { mainAcledEvent } from '../../stages/events/acled.js';
import { sectorOf } from '../../stages/events/acled-roles.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import type { AcledPrediction } from './acled.js';
import type { EvalTask } from './registry.js';

export interface EventsRecord {
  id: string;
  text: string;
  publishedAt?: string;
  events: { type: string; mode?: string; source?: string[]; target?: string[]; location?: string; dead?: number; injured?: number }[];
}

/** Older PLOVER names in the GSR data and the types that replaced them. */
export const PLOVER_ALIASES: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

export interface PredictedEvent {
  type: string;
  source?: string[];
  target?: string[];
  dead?: number;
  injured?: number;
}

const fold = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
const matches = (names: readonly string[] | undefined, gold: readonly string[]) =>
  !!names && names.some((n) => gold.some((g) => fold(n).length > 0 && fold(g).length > 0 && (fold(n).includes(fold(g)) || fold(g).includes(fold(n)))));

export function scoreEvents(records: readonly EventsRecord[], predict: (r: EventsRecord) => PredictedEvent[]): Record<string, number> {
  const n = { type: 0, typeHit: 0, src: 0, srcHit: 0, tgt: 0, tgtHit: 0, dead: 0, deadHit: 0, inj: 0, injHit: 0 };
  for (const r of records) {
    const preds = predict(r);
    for (const g of r.events) {
      const type = PLOVER_ALIASES[g.type] ?? g.type;
      const same = preds.filter((p) => p.type === type);
      n.type++;
      if (same.length) n.typeHit++;
      if (g.source?.length) {
        n.src++;
        if (same.some((p) => matches(p.source, g.source!))) n.srcHit++;
      }
      if (g.target?.length) {
        n.tgt++;
        if (same.some((p) => matches(p.target, g.target!))) n.tgtHit++;
      }
      if (g.dead !== undefined) {
        n.dead++;
        if (preds.some((p) => p.dead === g.dead)) n.deadHit++;
      }
      if (g.injured !== undefined) {
        n.inj++;
        if (preds.some((p) => p.injured === g.injured)) n.injHit++;
      }
    }
  }
  const out: Record<string, number> = {};
  const put = (k: string, hit: number, total: number) => {
    if (total > 0) out[k] = Math.round((hit / total) * 1000) / 1000;
  };
  put('typeAccuracy', n.typeHit, n.type);
  put('sourceMatch', n.srcHit, n.src);
  put('targetMatch', n.tgtHit, n.tgt);
  put('deadExact', n.deadHit, n.dead);
  put('injuredExact', n.injHit, n.inj);
  return out;
}

/** The events of a document as the scorer sees them: participant names and surfaces, counts summed by kind. */
export function predictedEvents(doc: SitrepDocument): PredictedEvent[] {
  const counts = new Map((doc.maybe('counts') ?? []).map((c) => [c.id, c]));
  return (doc.maybe('events') ?? []).map((e) => {
    const sum = (kind: string) => {
      const list = e.countIds.map((id) => counts.get(id)).filter((c) => c && c.kind === kind && !c.subsetOf);
      return list.length ? list.reduce((a, c) => a + c!.value, 0) : undefined;
    };
    const names = (p: EventRecord['source']) => (p ? [p.name, p.span.text] : undefined);
    const dead = sum('killed');
    const injured = sum('injured');
    return { type: e.type, ...(e.source ? { source: names(e.source) } : {}), ...(e.target ? { target: names(e.target) } : {}), ...(dead !== undefined ? { dead } : {}), ...(injured !== undefined ? { injured } : {}) };
  });
}

export const eventsTask: EvalTask = {
  name: 'events',
  description: 'PLOVER events: type accuracy, source/target match, dead/injured exact',
  score(records, { pipeline }) {
    const sub = pipeline.subset(['events', 'counts']);
    return scoreEvents(records as EventsRecord[], (r) => predictedEvents(sub.run(new SitrepDocument(r.text, { id: r.id, ...(r.publishedAt ? { publishedAt: r.publishedAt } : {}) }))));
  },
};

/**
 * The ACLED reading of a note's main event: type and sub-event type (from the whole note),
 * coordinates of its place, its date and an ACLED-style actor1. Fields not found are left out.
 */
export function acledEventPrediction(doc: SitrepDocument): AcledPrediction {
  const events = (doc.maybe('events') ?? []).filter((e) => !e.duplicateOf);
  if (!events.length) return {};
  // the same choice as the eventtype task (one ACLED codebook): a protest leads, then violence
  const main = mainAcledEvent(events)!;
  const out: AcledPrediction = {};
  if (main.acled) {
    out.eventType = main.acled.eventType;
    out.subEventType = main.acled.subEventType;
  }
  const place = main.place ?? events.find((e) => e.place)?.place;
  if (place?.lat !== undefined && place.lon !== undefined) {
    out.lat = place.lat;
    out.lon = place.lon;
  }
  const dated = [main, ...events].find((e) => e.date && !e.date.fromPublication && /^\d{4}-\d{2}-\d{2}$/.test(e.date.value));
  const firstDate = (doc.maybe('dates') ?? []).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value));
  const date = dated?.date?.value ?? firstDate?.value;
  if (date) out.eventDate = date;
  const actor = acledActorName(main, place?.country);
  if (actor) out.actor1 = actor;
  return out;
}

const SECTOR_NAMES: Record<string, string> = { MIL: 'Military Forces of {c}', COP: 'Police Forces of {c}', PRO: 'Protesters ({c})', RIO: 'Rioters ({c})', CVL: 'Civilians ({c})' };

/** ACLED names an actor by sector and country ("Military Forces of Russia (2000-)"); the dated suffix is left to the contains match. */
function acledActorName(e: EventRecord, placeCountry: string | undefined): string | undefined {
  const country = countryName(e.source?.actorCode?.split(' ')[0]) ?? countryName2(placeCountry);
  if (e.acled?.eventType === 'Protests' && country) return `Protesters (${country})`;
  if (e.acled?.eventType === 'Riots' && country) return `Rioters (${country})`;
  const sector = sectorOf(e.source?.actorCode);
  if (sector && SECTOR_NAMES[sector] && country) return SECTOR_NAMES[sector]!.replace('{c}', country);
  if (e.source) return e.source.name;
  return undefined;
}

const countryName = (a3: string | undefined) => {
  if (!a3 || a3.length !== 3) return undefined;
  return (countries.getName(a3, 'en', { select: 'alias' }) as string | undefined) ?? undefined;
};
const countryName2 = (a2: string | undefined) => (a2 ? ((countries.getName(a2, 'en', { select: 'alias' }) as string | undefined) ?? undefined) : undefined);
