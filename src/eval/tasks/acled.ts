/**
 * ACLED scorer (eval/acled, ../shared/eval/FORMATS.md "acled"): event type and sub-event
 * type accuracy, fatalities exact-match rate, location accuracy at 25 / 100 km, event date
 * exact rate and actor1 match rate. A metric nothing predicted is left out, never 0.
 */
import { acledEventPrediction } from './events.js';
import type { CasualtyCount } from '../../core/layers/index.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { SitrepDocument } from '../../core/document.js';
import type { EvalTask } from './registry.js';

export interface AcledRecord {
  id: string;
  text: string;
  eventDate: string;
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string | null;
  location: string;
  admin1: string;
  country: string;
  lat: number;
  lon: number;
  geoPrecision: number;
  fatalities: number;
}

export interface AcledPrediction {
  fatalities?: number;
  eventType?: string;
  subEventType?: string;
  lat?: number;
  lon?: number;
  eventDate?: string;
  actor1?: string;
}

export interface AcledMetrics {
  eventTypeAccuracy?: number;
  subEventTypeAccuracy?: number;
  fatalitiesExact?: number;
  location25km?: number;
  location100km?: number;
  dateExact?: number;
  actor1Match?: number;
}

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(Math.min(1, h)));
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const contains = (a: string, b: string) => {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
};

/** Score predictions record by record; a metric is reported once anything predicted it (missing = wrong). */
export function scoreAcled(records: readonly AcledRecord[], predict: (r: AcledRecord) => AcledPrediction): AcledMetrics {
  const preds = records.map((r) => predict(r));
  const n = records.length;
  const rate = (key: keyof AcledPrediction, ok: (p: AcledPrediction, r: AcledRecord) => boolean): number | undefined => {
    if (n === 0 || !preds.some((p) => p[key] !== undefined)) return undefined;
    let hits = 0;
    preds.forEach((p, i) => {
      if (p[key] !== undefined && ok(p, records[i]!)) hits++;
    });
    return hits / n;
  };
  const within = (km: number) => (p: AcledPrediction, r: AcledRecord) =>
    p.lat !== undefined && p.lon !== undefined && haversineKm({ lat: p.lat, lon: p.lon }, r) <= km;
  const metrics: AcledMetrics = {};
  const put = (k: keyof AcledMetrics, v: number | undefined) => {
    if (v !== undefined) metrics[k] = Math.round(v * 1000) / 1000;
  };
  put('eventTypeAccuracy', rate('eventType', (p, r) => same(p.eventType!, r.eventType)));
  put('subEventTypeAccuracy', rate('subEventType', (p, r) => same(p.subEventType!, r.subEventType)));
  put('fatalitiesExact', rate('fatalities', (p, r) => p.fatalities === r.fatalities));
  put('location25km', rate('lat', within(25)));
  put('location100km', rate('lat', within(100)));
  put('dateExact', rate('eventDate', (p, r) => p.eventDate === r.eventDate));
  put('actor1Match', rate('actor1', (p, r) => contains(p.actor1!, r.actor1)));
  return metrics;
}

/**
 * ACLED-style fatalities from the counts of one note. `note` (optional) is the text the
 * counts' spans point into; it lets the coder's own remarks in the note win. ACLED codes the conservative
 * figure and 0 when no number is reported. Within a sentence, distinct killed counts add
 * up ("killing three civilians and five police" = 8) and subsets are inside their total;
 * across sentences of a note the same deaths are usually told again (a summary, then the
 * detail, or competing claims), so the smallest sentence total of the reporter's own
 * figures wins, and claimed figures only count when the reporter gives none.
 */
const CODED_ELSEWHERE = /^[^.]{0,90}?\(\s*coded\s+(?:separately|seperately|separatly|in\s+(?:a\s+|an\s+)?(?:separate|other|another|different)\s+event)/i;

const SPLIT_REMARK = /\bsplit\s+(?:between|across|over|among)\s+(\d+|two|three|four|five)\s+(?:events|locations)/i;

export function fatalitiesFromCounts(counts: readonly CasualtyCount[], note?: string): number {
  const coded = note === undefined ? undefined : acledCodingRemark(note);
  if (coded?.value !== undefined) return coded.value;
  // "2 killed (coded separately)": the coder put those deaths in another event
  if (note === undefined) return fromCounts(counts);
  const elsewhere = counts.filter((c) => CODED_ELSEWHERE.test(note.slice(c.span.end, c.span.end + 120)));
  const cause = PROTEST_OVER_ONE.exec(note);
  // "a protest over the killing of their colleague. … A student was found dead yesterday": that death again
  const restatesCause = (c: CasualtyCount) => !!cause && c.kind === 'killed' && c.value === 1 && c.span.start > cause.index + cause[0].length;
  const kept = counts.filter((c) => !elsewhere.includes(c) && !anotherEventsDeaths(note, c) && !restatesCause(c));
  if (coded?.splitInto) {
    // "At least 10 people were killed … (split between 2 events)": the remark splits the figure it follows
    const remark = note.search(SPLIT_REMARK);
    const near = kept.filter((c) => c.span.end <= remark && !/[.!?]/.test(note.slice(c.span.end, remark)));
    return Math.floor(fromCounts(near.length ? near : kept) / coded.splitInto);
  }
  const total = fromCounts(kept);
  // "At least nine were killed. … beheaded four men (coded in other event)": those four are out of this event's total
  const moved = fromCounts(elsewhere.filter((c) => kept.every((k) => k.sentence !== c.sentence)));
  return moved > 0 && total > moved ? total - moved : total;
}

/**
 * ACLED codes the deaths of the event the note describes. Deaths a protest is about ("residents
 * protested after a pedestrian was killed", "to protest the death of a student killed by a car")
 * and deaths told as earlier ("A few days before, …", "the attack which killed one woman several
 * days earlier", "two days after the militia executed 20") belong to another event, and the protest is coded with its own figure.
 */
const PROTEST_CAUSE = /\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|march(?:ed|es)?|riot(?:ed|s)?|mourn\w*|demand\w*|barricad\w*)\b[^.;]{0,120}?\b(?:after|over|following|against|because\s+of|(?:the\s+)?(?:deaths?|killings?|murders?|lynching)\s+of)\s+[^,.;]{0,40}$/iu;
const TOLD_AS_EARLIER = /^\W*(?:(?:a\s+few|a|one|several|some|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|months?|years?)\s+(?:before|earlier|ago)|earlier|previously|last\s+(?:week|month|year))\b/iu;
const EARLIER_AFTER = /^[^,.;]{0,40}?\b(?:(?:a\s+few|a|one|several|some|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|months?|years?)\s+(?:before|earlier|ago))\b/iu;

// a protest over one person's death: its singular victim ("their colleague", "a student"), not a plural
const PROTEST_OVER_ONE = /\b(?:protest\w*|demonstrat\w*|mourn\w*)\b[^.;]{0,120}?\b(?:over|against|after|following)\s+the\s+(?:death|killing|murder|lynching|shooting)\s+of\s+(?:their|his|her|a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]*[^s\W](?=[\s,.;])/iu;

// "Five more were killed, two days after the militia executed 20 others": the earlier attack's dead
const DAYS_AFTER = /\b(?:days?|weeks?|months?)\s+after\s+[^,.;]{0,40}$/iu;

// "7 other deaths are feared but unconfirmed": ACLED codes the confirmed, conservative figure
const UNCONFIRMED_AFTER = /^[^.;]{0,40}?\b(?:unconfirmed|not\s+(?:been\s+|yet\s+)?confirmed)\b/iu;

function anotherEventsDeaths(note: string, c: CasualtyCount): boolean {
  const sentenceStart = Math.max(note.lastIndexOf('. ', c.span.start) + 1, 0);
  const before = note.slice(sentenceStart, c.span.start);
  return PROTEST_CAUSE.test(before) || TOLD_AS_EARLIER.test(before) || DAYS_AFTER.test(before) || EARLIER_AFTER.test(note.slice(c.span.end, c.span.end + 60)) || UNCONFIRMED_AFTER.test(note.slice(c.span.end, c.span.end + 60));
}

/**
 * ACLED notes sometimes say how the figure was coded: "Fatalities coded as 0 (VoJ reported
 * 3 fatalities)", "Fatalities split over 2 locations (4)", "2 fatalities coded to this event",
 * "(coded at low estimate of 3)", "(split between 2 events)". Such a remark is the coder's
 * own statement of the figure, so it wins over the counts read from the story.
 */
export function acledCodingRemark(note: string): { value?: number; splitInto?: number } | undefined {
  const patterns = [
    /fatalit(?:y|ies)\s+(?:were\s+|was\s+|is\s+|are\s+)?coded\s+(?:as|at)\s+(\d+)/i,
    /coded\s+at\s+(?:a\s+|the\s+)?low(?:er)?\s+estimate\s+of\s+(\d+)/i,
    /(\d+)\s+fatalit(?:y|ies)\s+(?:were\s+|was\s+)?coded\s+to\s+this\s+event/i,
    /fatalities\s+(?:are\s+|were\s+|is\s+)?split\s+(?:over|across|between|among)\s+[^()]{0,40}\((\d+)\)/i,
  ];
  for (const re of patterns) {
    const m = re.exec(note);
    if (m) return { value: Number(m[1]) };
  }
  // "No fatalities reported, as police intervened": the coder's own statement that nobody died
  if (/\bno\s+(?:fatalities|deaths|casualties)\s+(?:were\s+|was\s+)?(?:reported|recorded)\b/i.test(note)) return { value: 0 };
  const split = SPLIT_REMARK.exec(note);
  if (split) {
    const n = Number(split[1]) || ['two', 'three', 'four', 'five'].indexOf(split[1]!.toLowerCase()) + 2;
    return { splitInto: n };
  }
  return undefined;
}

function fromCounts(counts: readonly CasualtyCount[]): number {
  const killed = counts.filter((c) => c.kind === 'killed' && !c.subsetOf);
  if (!killed.length) return 0;
  // "the death toll rose to six": the latest toll replaces the earlier figures
  const tolls = killed.filter((c) => /\btoll\b/i.test(c.span.text));
  if (tolls.length) return conservative(tolls[tolls.length - 1]!);
  // "3 militants were also killed", "two other scholars": victims on top of the others
  const additional = killed.filter((c) => ADDITIONAL.test(c.span.text) && !UNCONFIRMED.test(c.span.text));
  const main = killed.filter((c) => !additional.includes(c));
  const extra = additional.reduce((n, c) => n + conservative(c), 0);
  if (!main.length) return extra;
  const own = main.filter((c) => !c.claimant);
  const sums = new Map<number, number>();
  for (const c of own.length ? own : main) sums.set(c.sentence, (sums.get(c.sentence) ?? 0) + conservative(c));
  return Math.min(...sums.values()) + extra;
}

const UNCONFIRMED = /\b(?:feared|unconfirmed|believed)\b/i;
const ADDITIONAL = /\b(?:also|more|other|others|another|additional|further)\b/i;

/** The conservative reading of one figure: "up to 33" is 33, "more than 200" is 200. */
function conservative(c: CasualtyCount): number {
  return c.value;
}

/** `sitrep eval acled`: fatalities from the counts; event type, place, date and actor from the events. */
export const acledTask: EvalTask = {
  name: 'acled',
  description: 'ACLED notes: event type, fatalities, location, date, actor1',
  score(records, { pipeline }) {
    const hasCounts = pipeline.provides.includes('counts');
    return scoreAcled(records as AcledRecord[], (r) => {
      if (!hasCounts) return {};
      const doc = pipeline.run(new SitrepDocument(r.text, { id: r.id }));
      const fatalities = fatalitiesFromCounts(doc.maybe('counts') ?? [], doc.has('clean') ? doc.text : r.text);
      return { fatalities, ...(doc.has('events') ? acledEventPrediction(doc) : {}) };
    }) as Record<string, unknown>;
  },
};
