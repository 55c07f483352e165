import { datelineTest } from '../../core/dateline.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { SitrepDocument } from '../../core/document.js';
import type { Entity, GeoCandidate, PlaceMention } from '../../core/layers/index.js';
import type { Services } from '../../core/services.js';
import { makeSpan, type Span } from '../../core/span.js';
import type { Stage, StageOutput } from '../../pipeline/stage.js';
import { foldName, type Gazetteer, type GazetteerEntry } from '../../services/gazetteer/index.js';
import { containerLink, mentionHints, type MentionHints } from './context.js';
import { COUNTRY_CODES } from './feature-codes.js';
import { articleFocus } from './focus.js';
import { JOINED_PAIR, lookupRange, mistypedPlaces, placeStrength, type KnownOrganisation } from './mistyped.js';
import { precisionOf } from './precision.js';
import { readingsAsWritten } from './case-fit.js';
import { transliterationVariants } from './transliteration.js';
import { anchorFor, isStray, outsideContainer, type FallbackContext } from './fallback.js';
import { haversineKm, rankGroups, type LinkInput, type RankedCandidate } from './rank.js';
import { DIVISION_NOUNS, QUALIFIERS, recognisePlaces } from './recognise.js';
import { preferListedDivisions, preferNamedDivision } from './lists.js';
import { matchAll } from '../../core/match-all.js';
import { inPlaceList, listedAmongNonPlaces, saysNotPlace, saysPlaceBefore } from './not-place.js';
import { namesAThing } from './named-things.js';

export const GEOCODE_STAGE = 'geocode';
/** candidates kept on a mention, best first: enough to explain a wrong pick */
export const MAX_CANDIDATES = 25;
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC', 'NORP']);
const FINE_REACH_KM = 50;
const DIVISION_REACH_KM = 300;
const FINE_AFTER = /^\s+(?:street|road|avenue|boulevard|lane|square|plaza|bridge|estate|neighbou?rhood|quarter)\b/i;
const STREET_WORDS = String.raw`Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Drive|Lane|Way`;
/** a street is often named after a far town ("Oxford Street" in Belfast, "Baghdad Street" in Damascus) */
const STREET_TAIL = new RegExp(String.raw`\s(?:${STREET_WORDS})$`);
/** the last word of a street, a site or an area within a town's reach */
const FINE_TAIL = new RegExp(
  String.raw`\s(?:${STREET_WORDS}|Square|Plaza|Canal|Plantation|Estate|Fields|Park|Gardens|Bridge|Quarter|Basilica|Cathedral|Church|Mosque|Temple|Hospital|Market|Mall|Centre|Center|Station|Bay|Beach|Valley|Lake|River|Creek|Hill|Hills|Mountains?|Forest|County|LGA|Town|Island|Islands)$`,
);

interface Mention {
  span: Span;
  entityId?: string;
  entries: GazetteerEntry[];
  adjectival: boolean;
  partial: boolean;
  /** a street, building or area the gazetteer may not hold: how far (km) from the article's focus a namesake may be before the focus stands in for it; 0: not such a name */
  fine: number;
  /** a street named after a town: the town's fame says nothing of where the street is */
  street: boolean;
  /** the gazetteer knows no part of the name (or only a village by it) and the words around say it is no place ("Eva Forest, a resident", "home to Shabaks") */
  notPlace: boolean;
  /** the words around say it is a place ("in X", "X district", "X Street") */
  placed: boolean;
  key: string;
  hints: MentionHints;
}

/** what may lie between two halves of one place name: a space, or a Romance "de"/"del"/"de la"/"do"/"da" */
const NAME_JOINT = /^ (?:(?:de|del|de la|de los|de las|do|da|dos|das|di) )?$/;

/** common words that also name a division or a town somewhere ("Centre" Region, "City" in Australia) */
const GENERIC_WORDS = new Set(['centre', 'center', 'central', 'city', 'coast', 'capital', 'littoral', 'plateau', 'lakes', 'islands', 'island', 'valley', 'hall', 'market', 'village', 'town', 'district', 'border']);
const NAME_WORD = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*/gu;

/** "Benue State", "Helmand Province": the name without its division noun, when it has one. */
function divisionHead(text: string, start: number, end: number): number | undefined {
  const m = /\s+(\p{L}+)$/u.exec(text.slice(start, end));
  return m && DIVISION_NOUNS.has(m[1]!.toLowerCase()) ? end - m[0].length : undefined;
}

/** The longest leading run of words of a name that is itself a place ("Kramatorsk railway station"). */
function partialEntries(text: string, start: number, end: number, gz: Gazetteer): GazetteerEntry[] {
  const words = matchAll(NAME_WORD, text.slice(start, end));
  if (words.length < 2) return [];
  // "South Florida", "Western Kasai": a part of the place the rest names.
  if (QUALIFIERS.has(words[0]![0].toLowerCase())) {
    let rest = gz.lookup(text.slice(start + words[1]!.index!, end)).filter((e) => e.match !== 'demonym');
    const head = divisionHead(text, start + words[1]!.index!, end);
    if (!rest.length && head !== undefined) rest = gz.lookup(text.slice(start + words[1]!.index!, head)).filter((e) => e.match !== 'demonym' && e.featureClass !== 'P');
    if (rest.length) return rest;
  }
  // "Central Hospital of Maracay", "Hospital Universitario de Caracas": the place the name says it is of
  const of = /\s(?:of|de|del|di|du|da|des)\s+(?:the\s+)?(\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,2})$/u.exec(text.slice(start, end));
  if (of) {
    const found = gz.lookup(of[1]!).filter((e) => e.match !== 'demonym');
    if (placeStrength(found) >= 1) return found;
  }
  for (let n = words.length - 1; n >= 1; n--) {
    const last = words[n - 1]!;
    if (!/^\p{Lu}/u.test(words[0]![0]) || !/^\p{Lu}/u.test(last[0])) continue;
    if (n === 1 && (QUALIFIERS.has(words[0]![0].toLowerCase()) || GENERIC_WORDS.has(words[0]![0].toLowerCase()))) break; // "South" of "South Kilburn Estate", "City" of "City Hall" are no places
    const found = gz.lookup(text.slice(start, start + last.index! + last[0].length)).filter((e) => e.match !== 'demonym');
    if (found.length) return found;
  }
  // "SOS Children's Villages Sudan": a country or first-level division at the end.
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const first = words[words.length - k]!;
    if (!/^\p{Lu}/u.test(first[0])) continue;
    // "Kariobangi South", "Kenyatta International Conference Centre": a lone common word is no region
    if (k === 1 && (QUALIFIERS.has(first[0].toLowerCase()) || GENERIC_WORDS.has(first[0].toLowerCase()))) continue;
    // a lone word counts only by its full name: "Integrity Centre" is not in Cameroon's Centre Region,
    // "Fire Island" is not Iceland (whose Icelandic name folds to "island")
    const found = gz.lookup(text.slice(start + first.index!, end)).filter((e) => e.match !== 'demonym' && (k > 1 || e.match === 'name'));
    if (placeStrength(found) >= 2.5) return found;
  }
  return [];
}

/** The seat of a first-level division named after it ("Zaporizhzhya", seat of "Zaporizhzhya Oblast"). */
const seatNamingItsDivision = (e: GazetteerEntry): boolean => e.featureCode === 'PPLA' && !!e.admin1Name && undoubled(e.admin1Name).startsWith(undoubled(e.name));
/** "Odessa Oblast" is named after "Odesa": spellings of one name differ in doubled letters */
const undoubled = (name: string): string => foldName(name).replace(/(\p{L})\1/gu, '$1');

/**
 * "Zaporizhia region" when only the seat answers to that spelling: the division the seat is
 * named for ("Zaporizhzhya Oblast"), found under the division's own name.
 */
function divisionOfSeat(entries: readonly GazetteerEntry[], gz: Gazetteer): GazetteerEntry[] | undefined {
  const seat = entries.find(seatNamingItsDivision);
  if (!seat) return undefined;
  const division = gz.lookup(seat.admin1Name!).find((e) => e.featureCode === 'ADM1' && e.country === seat.country && e.admin1 === seat.admin1);
  return division ? [division] : undefined;
}

/** Is a fine-grained name's reading believable next to the article's focus? */
function nearFocus(list: readonly RankedCandidate[], focus: GazetteerEntry, reachKm: number, street = false): boolean {
  const e = list[0]!.entry;
  // "İstanbul Atatürk International Airport": the province leads, but the city of that name is well known
  const sameSpot = list.filter((r) => r.entry.country === e.country && r.entry.admin1 === e.admin1).map((r) => r.entry);
  const near = haversineKm(e.lat, e.lon, focus.lat, focus.lon) <= reachKm;
  // "Florida Atlantic University" in an article about a Florida town: the town is closer.
  if (e.featureClass !== 'P' && focus.featureClass === 'P' && e.country === focus.country && (COUNTRY_CODES.has(e.featureCode) || (!!e.admin1 && e.admin1 === focus.admin1))) return false;
  if (near || (!street && placeStrength(sameSpot) >= 2)) return true; // "Da Nang International Airport": a well-known head stands
  // "Monroe County" in an article about Michigan: a seat inside the article's division.
  return reachKm >= DIVISION_REACH_KM && focus.featureCode === 'ADM1' && e.country === focus.country && e.admin1 === focus.admin1;
}

/**
 * "the Kabanjahe district of Sumatra" in a story placed in Atlanta: a district named after its
 * only town, in another country than the stand-in, is around that town ("Scott County" in a
 * Michigan story is still not the town of Scott elsewhere in the US).
 */
function foreignDivisionSeat(m: Mention, list: readonly RankedCandidate[], anchor: GazetteerEntry): boolean {
  if (m.fine !== DIVISION_REACH_KM || !anchor.country) return false;
  const countries = new Set(list.map((r) => r.entry.country));
  return countries.size === 1 && !countries.has(anchor.country);
}

function toCandidate(r: RankedCandidate): GeoCandidate {
  const e = r.entry;
  const c: GeoCandidate = { name: e.name, country: e.country, lat: e.lat, lon: e.lon, featureClass: e.featureClass, featureCode: e.featureCode, score: r.score, reasons: r.reasons };
  if (e.geonameId !== undefined) c.geonameId = e.geonameId;
  if (e.admin1) c.admin1 = e.admin1;
  if (e.population) c.population = e.population;
  return c;
}

export function geocodeDocument(doc: SitrepDocument, gz: Gazetteer, extraMode: 'conservative' | 'liberal' | 'off' = 'conservative', knownOrganisation?: KnownOrganisation): { places: PlaceMention[]; diagnostics: Diagnostic[] } {
  const text = doc.text;
  const entities: readonly Entity[] = doc.get('entities');
  const sentences = doc.get('sentences');
  const mentions: Mention[] = [];

  const addMention = (start: number, end: number, type: string, entityId?: string): void => {
    const range = lookupRange(text, start, end);
    const ls = range[0];
    let le = range[1];
    if (namesAThing(text, ls, le)) return; // "Bermuda shorts", "Ebola virus": a thing named after the place
    let entries = readingsAsWritten(text.slice(ls, le), gz.lookup(text.slice(ls, le)), text[le] === '.');
    // "Deir al-Balah": GeoNames spells it "Dayr al Balah"
    if (!entries.length && type !== 'NORP') for (const v of transliterationVariants(text.slice(ls, le))) if ((entries = gz.lookup(v).filter((e) => e.match !== 'demonym')).length) break;
    // "India-Pakistan border", "US-Mexico talks": two countries joined by a hyphen are two mentions
    const pair = entries.length ? null : JOINED_PAIR.exec(text.slice(ls, le));
    if (pair && type !== 'NORP' && placeStrength(gz.lookup(pair[1]!)) >= 2.5 && placeStrength(gz.lookup(pair[2]!)) >= 2.5) {
      addMention(ls, ls + pair[1]!.length, type);
      addMention(le - pair[2]!.length, le, type, entityId);
      return;
    }
    let partial = false;
    const hints = mentionHints(text, start, end);
    if (type === 'NORP') entries = entries.filter((e) => e.match === 'demonym');
    else if (!entries.length && le - ls > 3) {
      const head = divisionHead(text, ls, le);
      if (head !== undefined) {
        entries = gz.lookup(text.slice(ls, head)).filter((e) => e.match !== 'demonym');
        if (entries.length) (le = head), (hints.division = true);
      }
      if (!entries.length) {
        entries = partialEntries(text, ls, le, gz);
        partial = entries.length > 0;
      }
    }
    if (!entries.length && (type === 'NORP' || type === 'MISTYPED')) return; // a group, or a name that was never a place
    if (hints.division && entries.length && entries.every((e) => e.featureClass === 'P')) entries = divisionOfSeat(entries, gz) ?? entries;
    // Streets, buildings, sites and names the gazetteer lacks are placed at the article's
    // focus unless their namesake is near it: "Royal Street" is not in Royal City, "Scott
    // County" is not the town of Scott, but "Aghdam district" is around the town of Aghdam.
    const fine: Mention['fine'] = !entries.length || type === 'FACILITY' || (type === 'FAC' && partial) || (partial && FINE_TAIL.test(text.slice(ls, le))) || FINE_AFTER.test(text.slice(end, end + 16))
      ? FINE_REACH_KM
      : hints.division && type !== 'NORP' && !entries.some((e) => e.featureClass !== 'P') ? DIVISION_REACH_KM : 0;
    const adjectival = entries.length > 0 && entries.every((e) => e.match === 'demonym');
    const street = partial && STREET_TAIL.test(text.slice(ls, le));
    const placed = type === 'FAC' || type === 'FACILITY' || hints.division || hints.settlement || FINE_AFTER.test(text.slice(end, end + 16)) || saysPlaceBefore(text, start) || divisionHead(text, ls, le) !== undefined || inPlaceList(text, start);
    const unknown = type !== 'NORP' && !adjectival && (!entries.length || placeStrength(entries) < 1);
    const notPlace = unknown && !placed && (saysNotPlace(text, start, end) || listedAmongNonPlaces(text, start, end, entities));
    const m: Mention = { span: makeSpan(text, start, end), entries, adjectival, partial, fine, street, notPlace, placed, key: '', hints };
    m.key = `${adjectival ? 'adj:' : ''}${partial ? 'part:' : ''}${hints.division ? 'div:' : ''}${foldName(text.slice(ls, le))}`;
    if (entityId !== undefined) m.entityId = entityId;
    mentions.push(m);
  };

  const placeEntities = entities.filter((e) => PLACE_TYPES.has(e.type) && e.type !== 'NORP');
  const joinedTo = new Map<Entity, Entity>();
  // "Dera" + "Ismail Khan", "Valle" + "Cauca" in "Valle del Cauca": one name the tagger cut in
  // two, when the whole is a known place
  placeEntities.forEach((e, i) => {
    const next = placeEntities[i + 1];
    if (!next || !NAME_JOINT.test(text.slice(e.span.end, next.span.start))) return;
    const whole = gz.lookup(text.slice(e.span.start, next.span.end)).filter((x) => x.match === 'name');
    if (placeStrength(whole) >= 1) joinedTo.set(e, next);
  });
  const joined = new Set(joinedTo.values());
  for (const e of entities) {
    if (!PLACE_TYPES.has(e.type) || joined.has(e)) continue;
    const next = joinedTo.get(e);
    if (next) {
      addMention(e.span.start, next.span.end, e.type, e.id);
      continue;
    }
    // "AfghanistanKANDAHAR": a headline glued to its dateline by extraction is two names.
    const glue = /^\p{Lu}\p{Ll}+(?=\p{Lu}{3,}\b)/u.exec(e.span.text);
    if (glue && gz.has(e.span.text.slice(glue[0].length))) {
      addMention(e.span.start, e.span.start + glue[0].length, e.type);
      addMention(e.span.start + glue[0].length, e.span.end, e.type, e.id);
    } else addMention(e.span.start, e.span.end, e.type, e.id);
  }
  if (extraMode !== 'off') for (const m of mistypedPlaces(text, entities, gz, knownOrganisation)) addMention(m.start, m.end, m.facility ? 'FACILITY' : 'MISTYPED', m.entityId);
  if (extraMode !== 'off') {
    const found = recognisePlaces(text, gz, {
      mode: extraMode,
      taken: entities.map((e) => e.span),
      sentenceStarts: new Set(sentences.map((s) => s.span.start)),
    });
    for (const f of found) addMention(f.start, f.end, f.type);
  }
  mentions.sort((a, b) => a.span.start - b.span.start);

  // Mentions of one name resolve together, except one placed by "X, Y" or "X in Y",
  // which resolves with its container ("Armenia" the country, "Armenia, Colombia" the town).
  const gaps = mentions.map((m, i) => (i + 1 < mentions.length ? containerLink(text, m.span.end, mentions[i + 1]!.span.start) : undefined));
  // "Georgia, Oklahoma, Pennsylvania": a list, not a town in a state.
  const listy = (k: string | undefined) => k === 'comma' || k === 'and';
  // "Sabareh, Marsabit County, Kenya": a chain of three ending in a country is a place, its division, its country
  const isCountry = (j: number) => !!mentions[j] && mentions[j]!.entries.some((e) => e.match !== 'demonym' && COUNTRY_CODES.has(e.featureCode));
  const nested = (j: number) => gaps[j] === 'comma' && gaps[j + 1] === 'comma' && !listy(gaps[j - 1]) && !listy(gaps[j + 2]) && isCountry(j + 2) && !isCountry(j) && !isCountry(j + 1);
  const linkKind = gaps.map((k, i) => (k === 'and' || (k === 'comma' && !nested(i) && !nested(i - 1) && (listy(gaps[i - 1]) || listy(gaps[i + 1]))) ? undefined : k));
  mentions.forEach((m, i) => {
    if (linkKind[i]) m.key += `@${mentions[i + 1]!.key}`;
  });
  const groupOf = new Map<string, number>();
  const groups: { entries: GazetteerEntry[]; hints: MentionHints[]; mentions: number; partial: boolean }[] = [];
  const mentionGroup = mentions.map((m) => {
    let g = groupOf.get(m.key);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(m.key, g);
      groups.push({ entries: m.entries, hints: [], mentions: 0, partial: m.partial });
    }
    groups[g]!.hints.push(m.hints);
    groups[g]!.mentions++;
    return g;
  });
  const links: LinkInput[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const kind = linkKind[i];
    if ((kind === 'comma' || kind === 'in') && mentionGroup[i] !== mentionGroup[i + 1]) links.push({ inner: mentionGroup[i]!, outer: mentionGroup[i + 1]!, kind });
  }
  const groupKeys: string[] = [];
  for (const [k, g] of groupOf) groupKeys[g] = k;
  // "Texas, Kansas, New York and Ohio", "New York state … in New York": the division, not the city
  const ranked = preferNamedDivision(groupKeys, preferListedDivisions(mentionGroup, gaps.map((k, i) => (linkKind[i] ? undefined : k)), rankGroups(groups, links)));
  const tops = mentions.map((m, i) => {
    const top = ranked[mentionGroup[i]!]![0];
    return m.fine || isStray(top) ? undefined : top?.entry;
  });
  const divisionSeat = mentions.map((_, i) => {
    const list = ranked[mentionGroup[i]!]!;
    const top = list[0]?.entry;
    if (!top || top.featureClass !== 'P') return false;
    // "Zaporizhia": the seat of "Zaporizhzhya Oblast" stands for it even when no spelling of the division matches the words
    if (seatNamingItsDivision(top)) return true;
    return list.some((r) => r.entry.featureCode === 'ADM1' && r.entry.country === top.country && r.entry.admin1 === top.admin1);
  });
  const inDateline = datelineTest(text);
  const dateline = mentions.map((m) => inDateline(m.span.start, m.span.end));
  const ctx: FallbackContext = { spans: mentions.map((m) => m.span), tops, links: linkKind, adjectival: mentions.map((m) => m.adjectival), focus: articleFocus(tops, dateline), divisionSeat, dateline };
  // "Malakhyano of Arghandab district, Zabul": a container that is itself outside its own container stands as that one
  for (let i = mentions.length - 1; i >= 0; i--) {
    const top = ranked[mentionGroup[i]!]![0];
    const outer = tops[i] && top ? outsideContainer(top, i, ctx) : undefined;
    if (outer) tops[i] = outer;
  }

  // An unknown name is no place when one of its mentions says so ("Eva Forest, wife of ...") and
  // none places it, by its words or by a link to a neighbouring place ("X, Y", "X in Y").
  const linked = (i: number) => linkKind[i] === 'comma' || linkKind[i] === 'in' || linkKind[i - 1] === 'comma' || linkKind[i - 1] === 'in';
  const names = mentions.map((m) => foldName(m.span.text).replace(/^the\s+/, ''));
  const placedNames = new Set(names.filter((_, i) => mentions[i]!.placed || linked(i)));
  const notPlaceNames = new Set(names.filter((name, i) => mentions[i]!.notPlace && !placedNames.has(name)));
  // Resolved from the last mention back, so that a container the gazetteer only knows by its
  // seat or a stand-in ("Azizabad area of Shindand district, Herat") is settled before the
  // place it contains falls back on it.
  const standing: (GazetteerEntry | undefined)[] = [];
  ctx.standing = standing;
  const unknown: (Diagnostic | undefined)[] = [];
  const resolveMention = (m: Mention, i: number): PlaceMention => {
    const list = ranked[mentionGroup[i]!]!;
    const pm: PlaceMention = { id: `place-${i + 1}`, span: m.span, candidates: list.slice(0, MAX_CANDIDATES).map(toCandidate) };
    if (m.entityId !== undefined) pm.entityId = m.entityId;
    if (m.adjectival) pm.adjectival = true;
    let top: GeoCandidate | undefined = pm.candidates[0];
    const anchor = m.fine || isStray(list[0]) ? anchorFor(i, ctx) : undefined;
    // A namesake far from everything else the article names is not where the street is.
    if (top && m.fine && anchor && !nearFocus(list, anchor.entry, m.fine, m.street) && !foreignDivisionSeat(m, list, anchor.entry)) top = undefined;
    if (isStray(list[0])) top = undefined;
    // "Lucia Marrow, wife of ...": a weak reading of a part of a name the words say is a person
    const noPlace = notPlaceNames.has(names[i]!) && placeStrength(m.entries) < 1;
    if (noPlace) top = undefined;
    const outside = top ? outsideContainer(list[0]!, i, ctx) : undefined;
    if (outside) top = undefined;
    if (top) {
      if (m.partial) top.reasons = [...(top.reasons ?? []), 'partial-name'];
      pm.resolved = top;
      standing[i] = list[0]!.entry;
      const p = precisionOf(top.featureCode ?? '', m.partial);
      pm.precision = p.precision;
      pm.acledPrecision = p.acled;
      return pm;
    }
    unknown[i] = diagnostic(GEOCODE_STAGE, 'geocode-unknown-place', 'info', pm.candidates.length ? `only far namesakes for "${m.span.text}"` : `no gazetteer entry for "${m.span.text}"`, m.span);
    // "Mykolaivka, Sumy" with no Mykolaivka in Sumy: the division is nearer than a namesake elsewhere.
    const stand = outside ? { entry: outside, reasons: ['outside-container', `container:${outside.name}`] } : anchor && !m.adjectival && !noPlace ? { entry: anchor.entry, reasons: ['unknown-name', anchor.reason] } : undefined;
    if (stand) {
      standing[i] = stand.entry;
      pm.resolved = toCandidate({ entry: stand.entry, score: 0, reasons: stand.reasons });
      const p = precisionOf(stand.entry.featureCode, true);
      pm.precision = p.precision;
      pm.acledPrecision = p.acled === 1 ? 2 : p.acled;
    }
    return pm;
  };
  const places: PlaceMention[] = [];
  for (let i = mentions.length - 1; i >= 0; i--) {
    places[i] = resolveMention(mentions[i]!, i);
  }
  return { places, diagnostics: unknown.filter((d): d is Diagnostic => d !== undefined) };
}

export function createGeocodeStage(options: { extra?: 'conservative' | 'liberal' | 'off' } = {}): Stage {
  return {
    name: GEOCODE_STAGE,
    // 4: short names as written (case-fit.ts); streets named after far towns; "X of Y", "the X area of Y"; "the X and Y regions"; Arabic spelling variants (transliteration.ts)
    // 5: an unknown name the words say is no place (an office, a person in apposition, a source, a people) does not stand for the focus
    // 6: one mention saying a name is no place speaks for all its mentions; a weak village reading of such a name is dropped too; a one-word name listed among peoples or organisations is one of them (not-place.ts)
    // 7: a place name the tagger cut in two is read whole ("Valle del Cauca" too, 9); 8: a seat spelt with fewer doubled letters than its division names it ("Odesa region")
    // 9: "the Red Sea" is the sea, not a division named after it
    // 10: an unknown name stands at its container's final place even when that container is only known by its seat or a stand-in ("the X area of Shindand district"); "X village of Y"; a small foreign namesake of a container places nothing
    // 11: a name followed by the thing named after it is no place ("Bermuda shorts", data/lexicons/named-after-places.json)
    // 12: a street word before a name tagged a person makes the whole a street ("Rue Victor Hugo")
    // 13: past a container the gazetteer lacks, its own container tells a namesake elsewhere ("the Qalat area of Kushki Kuhna district, Herat"); quotes around a name do not break "X area of Y"
    // 14: "X, Y County, Country" is a place in a division in a country, not a list of three
    // 15: a lone compass word at the end of a mistyped name is no region ("North Rachuonyo North" is not Cameroon's North)
    // 16: an organisation the actor dictionary knows ("Hamas") is not read as a town of the same spelling
    // 17: "X village in Y region" links X to Y
    version: '17',
    requires: ['sentences', 'entities'],
    provides: ['places'],
    run(doc: SitrepDocument, services: Services): StageOutput {
      const gz = services.gazetteer;
      if (!gz) {
        return { layers: { places: [] }, diagnostics: [diagnostic(GEOCODE_STAGE, 'geocode-no-gazetteer', 'warning', 'no gazetteer service: places are not resolved')] };
      }
      const names = services.actors?.names;
      const knownOrganisation = names ? (name: string) => names.valuesOf(name).some((v) => v.kind === 'org') : undefined;
      const { places, diagnostics } = geocodeDocument(doc, gz, options.extra ?? 'conservative', knownOrganisation);
      return { layers: { places }, diagnostics };
    },
  };
}
