import { readFileSync } from 'node:fs';
import { dataPath } from './paths.js';

/**
 * The words the dates stage reads, loaded from data/lexicons/dates.json. In core because the
 * entities stage reads its named-day words too ("Bloody Sunday" is an event, not a date).
 */
export interface DateLexicon {
  version: number;
  months: Map<string, number>;
  /** month names that are also common words ("may", "march"): they need a capital and context */
  monthsNeedingContext: Set<string>;
  weekdays: Map<string, number>;
  weekdayAbbreviationsNeedDot: Set<string>;
  /** part-of-day word → TIMEX3 code (MO, AF, EV, NI) or a clock time (T12:00) */
  partsOfDay: Map<string, string>;
  dayWords: Map<string, number>;
  dayWordPartOfDay: Map<string, string>;
  seasons: Map<string, string>;
  seasonMonths: Map<string, [number, number]>;
  units: Map<string, string>;
  numbers: Map<string, number>;
  vagueNumbers: Set<string>;
  ordinals: Map<string, number>;
  decadeWords: Map<string, number>;
  /** holiday → a day spec read by `holidayDay`: "MM-DD", "MM-<weekday code><n>" (Thanksgiving: 11-TH4), "EASTER", each with an optional day shift */
  holidays: Map<string, string>;
  presentRef: Set<string>;
  pastRef: Set<string>;
  futureRef: Set<string>;
  sets: Map<string, string>;
  relativeShift: Map<string, number>;
  countNouns: Set<string>;
  numericPrepositions: Set<string>;
  yearPrepositions: Set<string>;
  monthPrepositions: Set<string>;
  /** tense cues around a date, of one to three words ("will", "going to") */
  futureCues: Set<string>;
  pastCues: Set<string>;
  /** the first words of the future cues of several words: only after one is a pair or triple looked up */
  futureCueOpeners: Set<string>;
  /** words that describe the date itself as ahead ("Thursday as a possible date") */
  dateModifierCues: Set<string>;
  reportingVerbs: Set<string>;
  /** past verbs whose infinitive lies ahead ("urged them to return … on Wednesday") */
  forwardVerbsPast: Set<string>;
  /** capitalised words that make a weekday an event's name ("Bloody Sunday") */
  namedDayPrefixes: Set<string>;
  /** words after a four-digit number that make it a clock time ("1530 UTC") */
  clockZones: string[];
}

function fail(path: string, message: string): never {
  throw new Error(`${path}: ${message}`);
}

/** An object of the file as a map with lower-cased keys, every value of the one type (`what` names it in the message). */
function valueMap<T extends number | string>(path: string, json: Record<string, unknown>, key: string, what: T extends number ? 'number' : 'string'): Map<string, T> {
  const v = json[key];
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail(path, `"${key}" must be an object`);
  const out = new Map<string, T>();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x !== what) fail(path, `"${key}.${k}" must be a ${what}`);
    out.set(k.toLowerCase(), x as T);
  }
  return out;
}

const numberMap = (path: string, json: Record<string, unknown>, key: string) => valueMap<number>(path, json, key, 'number');
const stringMap = (path: string, json: Record<string, unknown>, key: string) => valueMap<string>(path, json, key, 'string');

function stringList(path: string, json: Record<string, unknown>, key: string): string[] {
  const v = json[key];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(path, `"${key}" must be an array of strings`);
  return (v as string[]).map((s) => s.toLowerCase());
}

function pairMap(path: string, json: Record<string, unknown>, key: string): Map<string, [number, number]> {
  const v = json[key] as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object') fail(path, `"${key}" must be an object`);
  const out = new Map<string, [number, number]>();
  for (const [k, p] of Object.entries(v)) {
    if (!Array.isArray(p) || p.length !== 2 || p.some((n) => typeof n !== 'number')) fail(path, `"${key}.${k}" must be [from, to]`);
    out.set(k, [p[0] as number, p[1] as number]);
  }
  return out;
}

/** Load and check the date lexicon (a data file: extend it there, not in code). */
export function loadDateLexicon(path = dataPath('lexicons', 'dates.json')): DateLexicon {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  if (typeof json.version !== 'number') fail(path, '"version" must be a number');
  const futureCues = stringList(path, json, 'futureCues');
  const lex: DateLexicon = {
    version: json.version,
    months: numberMap(path, json, 'months'),
    monthsNeedingContext: new Set(stringList(path, json, 'monthsNeedingContext')),
    weekdays: numberMap(path, json, 'weekdays'),
    weekdayAbbreviationsNeedDot: new Set(stringList(path, json, 'weekdayAbbreviationsNeedDot')),
    partsOfDay: stringMap(path, json, 'partsOfDay'),
    dayWords: numberMap(path, json, 'dayWords'),
    dayWordPartOfDay: stringMap(path, json, 'dayWordPartOfDay'),
    seasons: stringMap(path, json, 'seasons'),
    seasonMonths: pairMap(path, json, 'seasonMonths'),
    units: stringMap(path, json, 'units'),
    numbers: numberMap(path, json, 'numbers'),
    vagueNumbers: new Set(stringList(path, json, 'vagueNumbers')),
    ordinals: numberMap(path, json, 'ordinals'),
    decadeWords: numberMap(path, json, 'decadeWords'),
    holidays: stringMap(path, json, 'holidays'),
    presentRef: new Set(stringList(path, json, 'presentRef')),
    pastRef: new Set(stringList(path, json, 'pastRef')),
    futureRef: new Set(stringList(path, json, 'futureRef')),
    sets: stringMap(path, json, 'sets'),
    relativeShift: numberMap(path, json, 'relativeShift'),
    countNouns: new Set(stringList(path, json, 'countNouns')),
    numericPrepositions: new Set(stringList(path, json, 'numericPrepositions')),
    yearPrepositions: new Set(stringList(path, json, 'yearPrepositions')),
    monthPrepositions: new Set(stringList(path, json, 'monthPrepositions')),
    futureCues: new Set(futureCues),
    pastCues: new Set(stringList(path, json, 'pastCues')),
    futureCueOpeners: new Set(futureCues.filter((c) => c.includes(' ')).map((c) => c.slice(0, c.indexOf(' ')))),
    dateModifierCues: new Set(stringList(path, json, 'dateModifierCues')),
    reportingVerbs: new Set(stringList(path, json, 'reportingVerbs')),
    forwardVerbsPast: new Set(stringList(path, json, 'forwardVerbsPast')),
    namedDayPrefixes: new Set(stringList(path, json, 'namedDayPrefixes')),
    clockZones: stringList(path, json, 'clockZones'),
  };
  for (const [name, m] of lex.months) if (m < 1 || m > 12) fail(path, `month "${name}" out of range`);
  for (const [name, d] of lex.weekdays) if (d < 1 || d > 7) fail(path, `weekday "${name}" out of range (ISO 1-7)`);
  for (const code of lex.seasons.values()) if (!lex.seasonMonths.has(code)) fail(path, `season code "${code}" has no months`);
  return lex;
}

let cached: DateLexicon | undefined;
/** The shipped lexicon, read once. */
export function defaultDateLexicon(): DateLexicon {
  cached ??= loadDateLexicon();
  return cached;
}

/** A regex alternation of the keys, longest first, with '.' optional after abbreviations. */
export function alternation(keys: Iterable<string>): string {
  return [...keys]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+'))
    .join('|');
}
