import type { Entity } from '../../core/layers/index.js';
import type { Gazetteer, GazetteerEntry } from '../../services/gazetteer/index.js';
import { readingsInsideName } from './case-fit.js';
import { WIDE_CODES } from './feature-codes.js';
import { QUALIFIERS as QUALIFIER_WORDS } from './recognise.js';
import { matchAll } from '../../core/match-all.js';

/**
 * Places inside entities the tagger typed as something else. Two cases:
 *  - the whole entity is a place ("NSW", "Americas", "Townsville" typed ORG or PERSON): taken
 *    when the gazetteer match is strong (a country, a region, a first-level division) or the
 *    words around it say place ("in X", "near X", "town of X", "X, Queensland");
 *  - an organisation named after a place ("Texas police", "U.S. Army", "Boise Fire Department"):
 *    its leading place name is a place mention (a location modifier), when the name is a strong
 *    match or the next word names a local institution.
 */
export interface MistypedPlace {
  start: number;
  end: number;
  entityId?: string;
  /** a building, street or site ("Stonewall Golf Club", "Rue Casa Calvo"): placed where the article is */
  facility?: boolean;
}

// The last word of a site's name (or the first: "Rue X", "Lake X"). Such names are places
// even when the tagger calls them organisations; the gazetteer rarely holds them.
const SITE_LAST = new Set(`center centre club college school elementary academy university stadium arena airport museum church cathedral mosque
temple library inn hotel racecourse farm farms studio hospital clinic plantation estate street road avenue drive boulevard square county parish
railroad railway station park zoo mall market prison jail palace bridge tower building campus base`.split(/\s+/));
const SITE_FIRST = new Set(['rue', 'faubourg', 'lake', 'mount', 'fort', 'camp', 'palais', 'place', 'via', 'piazza', 'plaza']);

// "in X" and "near X" say place; "from X", "at X", "to X" also fit people and firms.
const STRONG_BEFORE = /(?:\b(?:in|near|outside|across|throughout|around|towards|toward|inside|north of|south of|east of|west of)\s+(?:the\s+)?|\b(?:city|town|village|villages|province|state|region|district|county|suburb|capital|island|port|area|areas|communit(?:y|ies)|hills|outskirts|streets|vicinity|people|residents) of\s+|\b(?:city|town|village|province|state) (?:of )?|\b(?:north|south|east|west|northern|southern|eastern|western|north-?western|north-?eastern|south-?western|south-?eastern|central|rural|downtown)\s+|\d+,\s+of\s+)$/i;
const WEAK_BEFORE = /\b(?:from|at|to|into|via|visit(?:ed|ing)?|reach(?:ed)?)\s+(?:the\s+)?$/i;
const DIVISION_AFTER = /^\s+(?:province|state|county|district|region|governorate|oblast|prefecture|city|town|village|area|municipality|residents?|villagers|townspeople|farm|farms|mine|outskirts)\b/i;
/** Words that, after a place name, make an institution of that place ("Peel Regional Police"). */
const INSTITUTION = new Set(`police city county council fire regional municipal district state provincial government health sheriff sheriff's mayor assembly
department ministry army navy air national federal court public times post herald tribune gazette chronicle news daily star journal
airport port university hospital school schools zoo railway metro transit water electric power football club fc`.split(/\s+/));
/** "India-Pakistan", "Asia-Pacific": two capitalised names joined by a hyphen or a dash */
export const JOINED_PAIR = /^(\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)[-–](\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)$/u;
const NAME_WORD = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*\.?/gu;

/** How surely a name is a place, from its strongest non-demonym reading. */
export function placeStrength(entries: readonly GazetteerEntry[]): number {
  let best = 0;
  for (const e of entries) {
    if (e.match === 'demonym') continue;
    let s = 0;
    if (WIDE_CODES.has(e.featureCode)) s = 3;
    else if (e.featureCode === 'ADM1' && e.match !== 'short') s = 2.5;
    else if (e.featureCode === 'PPLC' || (e.featureClass === 'P' && e.population >= 100_000 && e.match !== 'short')) s = 2;
    else if (e.featureCode === 'ADM2' || ((e.featureCode === 'PPLA' || e.featureCode === 'PPLA2') && e.population >= 20_000)) s = 1.5;
    else if (e.featureClass === 'P' && e.match !== 'name' && e.population < 50_000) s = 0;
    else if (e.featureClass !== 'P' || e.population >= 1000) s = 1;
    else if (e.match === 'name') s = 0.5; // a village: only where the words say place
    if (s > best) best = s;
  }
  return best;
}

/** The words to look up: without a leading "the" or a possessive "'s". */
export function lookupRange(text: string, start: number, end: number): [number, number] {
  const s = text.slice(start, end);
  const the = /^the\s+/i.exec(s);
  if (the && end - start > the[0].length) start += the[0].length;
  if (/['’]s$/.test(text.slice(start, end)) && end - start > 3) end -= 2;
  return [start, end];
}

function contextSays(text: string, start: number, end: number, gz: Gazetteer): 'strong' | 'weak' | undefined {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 40);
  if (STRONG_BEFORE.test(before) || DIVISION_AFTER.test(after)) return 'strong';
  // "Esperance, Western Australia": a container right after the name
  const m = /^\s*,\s*((?:\p{Lu}[\p{L}.'’\-]*)(?:\s+\p{Lu}[\p{L}.'’\-]*){0,2})/u.exec(after);
  if (m) {
    const words = m[1]!.split(/\s+/);
    for (let n = words.length; n >= 1; n--) if (placeStrength(gz.lookup(words.slice(0, n).join(' '))) >= 1.5) return 'strong';
  }
  return WEAK_BEFORE.test(before) ? 'weak' : undefined;
}

const LIST_GAP = /^\s*(?:,|,?\s+(?:and|or|&))\s*$/;
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
const AFFIX = /^(.+?)-(?:based|born|led|wide|backed|run|owned|made|bound|registered|listed|flagged|area)$/u;

const ARTICLE_WORDS = new Set(['Al', 'al', 'El', 'el', 'As', 'as', 'Ad', 'ad', 'An', 'an', 'Ar', 'ar']);
const UPPER = /\p{Lu}/u;
const NAME_CHAR = /^[\p{L}.'’]$/u;

/**
 * A cheap necessary condition for extendLeft's pattern, which most entities fail: the
 * name follows a space or hyphen, and before that an article ("al-") or a run of letters
 * holding a capital.
 */
function mayExtendLeft(text: string, s: number): boolean {
  const lo = Math.max(0, s - 20);
  if (s - 2 < lo) return false;
  const c = text.charCodeAt(s - 1);
  if (c !== 45 && !/\s/.test(text[s - 1]!)) return false;
  if (s - 3 >= lo && ARTICLE_WORDS.has(text.slice(s - 3, s - 1))) return true;
  let i = s - 1;
  while (i > lo && NAME_CHAR.test(text[i - 1]!)) i--;
  const before = i > lo ? text.charCodeAt(i - 1) : 0;
  if (before >= 0xd800 && before <= 0xdfff) return true; // an astral letter: let the pattern judge
  return i < s - 1 && UPPER.test(text.slice(i, s - 1));
}

/** "Edward Island" after "Prince", "Fashir" after "Al-": the tagger cut a name short. */
function extendLeft(text: string, s: number, t: number, gz: Gazetteer, strength: number): [number, number] {
  if (!mayExtendLeft(text, s)) return [s, strength];
  const m = /(?:\b(?:Al|al|El|el|As|as|Ad|ad|An|an|Ar|ar)[-\s]|\b\p{Lu}[\p{L}.'’]+\s)$/u.exec(text.slice(Math.max(0, s - 20), s));
  if (!m) return [s, strength];
  const st = placeStrength(gz.lookup(text.slice(s - m[0].length, t)));
  return st > 0 && st >= strength ? [s - m[0].length, st] : [s, strength];
}

function demonymStrength(entries: readonly GazetteerEntry[]): number {
  return entries.some((e) => e.match === 'demonym' && (WIDE_CODES.has(e.featureCode) || e.featureCode === 'ADM1')) ? 2 : 0;
}

interface Reading {
  s: number;
  t: number;
  /** how surely the words are a place */
  whole: number;
  /** what the words around say */
  cue: 'strong' | 'weak' | undefined;
  /** the name in capitals opens its line as a dateline ("KANDAHAR, Afghanistan") */
  dateline: () => boolean;
}

/** Is a name one the actor dictionary holds as an organisation ("Hamas")? */
export type KnownOrganisation = (name: string) => boolean;

/** An entity typed as something else read as a place, or null when it cannot be one. */
function readEntity(text: string, e: Entity, gz: Gazetteer, knownOrganisation: KnownOrganisation): Reading | null {
  const candidate = e.type === 'ORG' || e.type === 'PERSON' || e.type === 'MISC' || e.type === 'NORP';
  if (!candidate) return null;
  let [s, t] = lookupRange(text, e.span.start, e.span.end);
  if (t <= s || !/^\p{Lu}/u.test(text.slice(s, t))) return null;
  const entries = gz.lookup(text.slice(s, t));
  // "belonging to Hamas": a known organisation typed ORG is one, whatever town shares its
  // spelling (Hamm's alternate name); only a country or first-level division could outrank it.
  if (e.type === 'ORG' && knownOrganisation(text.slice(s, t)) && placeStrength(entries) < 2.5) return null;
  // A people's name ("Saudi", "Nigerians") is the entity tagger's business.
  if (e.type === 'NORP' && entries.some((x) => x.match === 'demonym')) return null;
  const surface = text.slice(s, t);
  // An acronym is an organisation's unless it abbreviates a country or division ("NSW", "DRC").
  let whole = placeStrength(/^[\p{Lu}.]+$/u.test(surface) ? readingsInsideName(entries, surface) : entries);
  if (e.type !== 'NORP') [s, whole] = extendLeft(text, s, t, gz, whole);
  if (whole <= 0) return null;
  const start = s;
  const dateline = () => {
    const caps = text.slice(start, t);
    return caps.length > 2 && caps === caps.toUpperCase() && /^\s*(?:\(|,\s*\p{Lu}|[-—–])/u.test(text.slice(t, t + 4)) && /(?:^|\n)\s*$/.test(text.slice(Math.max(0, start - 30), start).replace(/^.*[.!?]\s+/s, '\n'));
  };
  return { s, t, whole, cue: contextSays(text, s, t, gz), dateline };
}

export function mistypedPlaces(text: string, entities: readonly Entity[], gz: Gazetteer, knownOrganisation: KnownOrganisation = () => false): MistypedPlace[] {
  const out: MistypedPlace[] = [];
  const sorted = [...entities].sort((a, b) => a.span.start - b.span.start);
  const placeLike = sorted.map((e) => PLACE_TYPES.has(e.type));
  const done = new Set<number>();
  const listed = (i: number): boolean => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    return (!!prev && placeLike[i - 1]! && LIST_GAP.test(text.slice(prev.span.end, sorted[i]!.span.start))) ||
      (!!next && placeLike[i + 1]! && LIST_GAP.test(text.slice(sorted[i]!.span.end, next.span.start)));
  };
  // What an entity's own words and context say, read once: only list membership changes between passes.
  const readings: (Reading | null | undefined)[] = new Array(sorted.length);
  // Two passes: a place found in a list makes its neighbours list members too.
  for (let pass = 0; pass < 2; pass++) {
    sorted.forEach((e, i) => {
      if (done.has(i) || placeLike[i]) return;
      let r = readings[i];
      if (r === undefined) r = readings[i] = readEntity(text, e, gz, knownOrganisation);
      if (r === null) return;
      const { s, t, whole } = r;
      let cue = r.cue;
      if (!cue && listed(i)) cue = 'strong';
      if (!cue && r.dateline()) cue = 'strong';
      const ok = e.type === 'PERSON'
        ? cue === 'strong' || (cue === 'weak' && whole >= 2)
        : whole >= 2.5 || cue === 'strong' || (cue === 'weak' && whole >= 1.5);
      if (!ok) return;
      out.push({ start: s, end: t, entityId: e.id });
      placeLike[i] = true;
      done.add(i);
    });
  }
  sorted.forEach((e, i) => {
    if (done.has(i) || placeLike[i] || e.type === 'NORP') return;
    const site = siteName(text, e);
    if (site) {
      out.push(site);
      return;
    }
    if (e.type === 'PERSON') return;
    const found = namedAfterPlace(text, e, gz);
    if (found) out.push(found); // the entity stays an organisation
  });
  return out;
}

function siteName(text: string, e: Entity): MistypedPlace | undefined {
  const [s, t] = lookupRange(text, e.span.start, e.span.end);
  // "Rue Victor Hugo", "Via Roma": the tagger took the name after the street word for a person
  const lead = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, s - 12), s));
  if (lead && SITE_FIRST.has(lead[1]!.toLowerCase())) return { start: s - lead[0].length + lead[0].indexOf(lead[1]!), end: t, facility: true };
  const words = text.slice(s, t).match(NAME_WORD) ?? [];
  if (words.length < 2 || !words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|de|des|du|la|le|the|and|for)$/.test(w))) return undefined;
  const last = words[words.length - 1]!.toLowerCase().replace(/\.$/, '');
  const first = words[0]!.toLowerCase();
  return SITE_LAST.has(last) || SITE_FIRST.has(first) ? { start: s, end: t, facility: true } : undefined;
}

/** The place an organisation, event or title is named after: "Texas police", "Bank of America", "UK-based". */
function namedAfterPlace(text: string, e: Entity, gz: Gazetteer): MistypedPlace | undefined {
  const [s, t] = lookupRange(text, e.span.start, e.span.end);
  const words = matchAll(NAME_WORD, text.slice(s, t));
  // "Western Australian officials": the whole name is a division's people, not the country's
  if (words.length >= 2 && demonymStrength(gz.lookup(text.slice(s, t))) >= 2) return { start: s, end: t };
  // "Asia-Pacific nations": two strong names joined by a hyphen (the stage splits them)
  const pair = JOINED_PAIR.exec(text.slice(s, t));
  if (pair && !gz.has(text.slice(s, t)) && placeStrength(gz.lookup(pair[1]!)) >= 2.5 && placeStrength(gz.lookup(pair[2]!)) >= 2.5) return { start: s, end: t };
  const affix = AFFIX.exec(words[0]?.[0] ?? '');
  if (affix && words[0]!.index === 0) {
    const en = gz.lookup(affix[1]!);
    const ok = readingsInsideName(en, affix[1]!);
    if (Math.max(placeStrength(ok), demonymStrength(ok)) >= 1) return { start: s, end: s + affix[1]!.length };
  }
  if (words.length < 2) return undefined;
  for (let n = words.length - 1; n >= 1; n--) {
    const last = words[n - 1]!;
    if (!words.slice(0, n).every((w) => /^\p{Lu}/u.test(w[0]))) continue;
    let end = s + last.index! + last[0].length;
    if (text[end - 1] === '.' && !/\.\p{L}/u.test(last[0])) end--; // a sentence's stop, not "U.S."
    if (n === 1 && QUALIFIER_WORDS.has(words[0]![0].toLowerCase())) break; // "Central Institute"
    const en = readingsInsideName(gz.lookup(text.slice(s, end)), text.slice(s, end));
    const strength = Math.max(placeStrength(en), demonymStrength(en));
    if (strength >= 2 || (strength >= 1.5 && INSTITUTION.has(words[n]![0].toLowerCase().replace(/\.$/, '')))) return { start: s, end };
  }
  // The name at the end: "Bank of America", "Taco Bell Canada", "Laboratories in Ames".
  for (let k = 1; k < words.length && k <= 3; k++) {
    const first = words[words.length - k]!;
    if (!/^\p{Lu}/u.test(first[0])) break;
    if (k === 1 && QUALIFIER_WORDS.has(first[0].toLowerCase())) continue; // "North Rachuonyo North": a lone compass word is no region
    const start = s + first.index!;
    const en = readingsInsideName(gz.lookup(text.slice(start, t)), text.slice(start, t));
    const strength = Math.max(placeStrength(en), demonymStrength(en));
    const joined = /\b(?:in|of|at)\s+$/.test(text.slice(s, start));
    if (strength >= 2 || (joined && strength >= 1)) return { start, end: t };
  }
  return undefined;
}
