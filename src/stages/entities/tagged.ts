import { defaultDateLexicon } from '../../core/date-lexicon.js';
import { GLUED_DATELINE_CITY } from '../../core/dateline.js';
import { GLUED_OPENER_ALTERNATION } from '../../core/glued-openers.js';
import type { EntityType, Sentence } from '../../core/layers/index.js';
import { leadingWord, type ActorDictionary, type TokenView } from '../../services/actors/index.js';
import type { NerCharSpan, NerTaggerService } from '../../services/ner/index.js';
import { bestKind, entityTypeOf, isPartyMention, type EntityRuleSets } from './rules.js';

/**
 * The tagger's names as character spans. The tagger reads the text with its own tokenizer
 * and sentence splitter when the service offers that (it was trained on that tokenisation:
 * "Azerbaijan 's", "U.S.", whole hyphenated words); a bare `tagDocument` service gets the
 * segment stage's tokens instead.
 */
export function taggerSpans(text: string, v: TokenView, sentences: readonly Sentence[], tagger: NerTaggerService): NerCharSpan[] {
  if (tagger.recogniseText) return tagger.recogniseText(text);
  const rows: string[][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const row: string[] = [];
    for (let i = v.sentFirst[s]; i >= 0 && i < v.sentEnd[s]; i++) row.push(v.word(i));
    rows.push(row);
  }
  const out: NerCharSpan[] = [];
  tagger.tagDocument(rows).forEach((list, s) => {
    const base = v.sentFirst[s];
    if (base < 0) return;
    for (const sp of list) {
      const last = Math.min(base + sp.endToken, v.sentEnd[s]) - 1;
      if (last >= base + sp.startToken) out.push({ start: v.starts[base + sp.startToken], end: v.ends[last], label: sp.label });
    }
  });
  return out;
}

/** nationality and group adjectives the dictionary does not list: "West Indian", "Sudanese" */
const DEMONYM_END = /(?:an|ese|ish|i|ic)$/;

/**
 * The product type of a tagged name: the dictionary's kind when it knows the name
 * (Armenia GPE, Kurdish NORP), else from the tagger's label and the name's last word.
 */
export function taggedType(name: string, label: NerCharSpan['label'], dict: ActorDictionary, R: EntityRuleSets): EntityType {
  if (label === 'PER') return 'PERSON';
  if (label === 'ORG') return 'ORG';
  const kinds = dictKinds(dict, name);
  if (label === 'LOC') {
    if (kinds.length) {
      const t = entityTypeOf(bestKind(kinds), name, dict);
      if (t === 'GPE' || t === 'LOC') return t;
    }
    // unknown places: settlements (GPE) unless the name says geography ("Harbour View Street")
    const first = name.slice(0, Math.max(0, name.indexOf(' ')));
    return R.placeTails.has(name.slice(name.lastIndexOf(' ') + 1)) || R.placeHeads.has(first) || dict.isGeographic(name) ? 'LOC' : 'GPE';
  }
  if (kinds.length) {
    const t = entityTypeOf(bestKind(kinds), name, dict);
    if (t === 'NORP' || t === 'EVENT' || t === 'LAW' || t === 'MISC') return t;
  }
  const t = entityTypeOf({ kind: 'misc' }, name, dict);
  if (t !== 'MISC') return t;
  return !name.includes(' ') && DEMONYM_END.test(name) ? 'NORP' : 'MISC';
}

export interface TaggedName {
  start: number;
  end: number;
  type: EntityType;
}

const NEXT_WORD = /^[ \t]+([\p{L}][\p{L}-]*)/u;
const LETTER = /^\p{L}$/u;
const isBlank = (c: number) => c === 32 || c === 9;

/** where the run of letters that ends at `end` starts (not before `lo`); astral letters count */
function letterRunStart(text: string, end: number, lo: number): number {
  let i = end;
  while (i > lo) {
    const c = text.charCodeAt(i - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) { i--; continue; }
    if (c < 128) break;
    const pair = c >= 0xdc00 && c <= 0xdfff && i - 2 >= lo && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
    const w = pair ? 2 : 1;
    if (!LETTER.test(text.slice(i - w, i))) break;
    i -= w;
  }
  return i;
}

/**
 * The one or two words (letters only, spaces or tabs between) right before `start`, the
 * nearest first, looking back no further than 40 characters: "in" and "fighting" before
 * a name in "fighting in Kandahar". Empty strings where there is none.
 */
export function wordsBefore(text: string, start: number): [string, string] {
  const lo = Math.max(0, start - 40);
  let i = start;
  while (i > lo && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === start) return ['', ''];
  const a = letterRunStart(text, i, lo);
  if (a === i) return ['', ''];
  let j = a;
  while (j > lo && isBlank(text.charCodeAt(j - 1))) j--;
  const b = j === a ? j : letterRunStart(text, j, lo);
  return [text.slice(a, i), text.slice(b, j)];
}
/** counting words a sentence-initial capital glues to a name: "Seven Taliban militants" */
const COUNT_WORD = /^(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|Fifty|Dozens|Hundreds|Thousands|Several)$/;
/** where a city named by a tagger as an organisation (a sports club, usually) is the place */
const IN_PLACE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around']);
const STRONG_PLACE_TAILS = new Set(['district', 'province', 'region', 'county', 'governorate', 'oblast', 'prefecture', 'city', 'town', 'village', 'street', 'square', 'neighbourhood', 'neighborhood']);

const lookup = (dict: ActorDictionary, name: string) => dict.names.valuesOf(name);
const titleCased = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());

/** what the dictionary knows an exact name as; a name in capitals ("KANDAHAR") as its title-cased form */
function dictKinds(dict: ActorDictionary, name: string) {
  const kinds = lookup(dict, name);
  if (kinds.length || name.length < 4 || name !== name.toUpperCase() || name === name.toLowerCase()) return kinds;
  return lookup(dict, titleCased(name));
}

/** a lower-case letter and then a sentence opener glued to it, ending the word: "MacStiofainBy", "SyriaThe" */
const GLUED_OPENER_TAIL = new RegExp(String.raw`\p{Ll}(?:${GLUED_OPENER_ALTERNATION})(?![\p{L}])`, 'u');
const OFFICE_HEADS = new Set(['minister', 'ministry', 'secretary', 'department', 'ministers', 'secretaries']);
const INSTITUTIONS = new Set(['Hospital', 'University', 'Universidad', 'Universitario', 'College', 'School', 'Institute', 'Academy', 'Ministry']);
const STREET_HEADS = new Set(['Rue', 'Faubourg', 'Avenida', 'Calle', 'Via', 'Piazza', 'Place', 'Boulevard']);
const WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?$/;
/** a capitalised word that makes the weekday after it a day's name: "Bloody Sunday", "Good Friday" (the date lexicon's namedDayPrefixes) */
const isNamedDayHead = (word: string) => /^\p{Lu}\p{Ll}+$/u.test(word) && defaultDateLexicon().namedDayPrefixes.has(word.toLowerCase());
const NEXT_WEEKDAY = /^ (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
/** a plural of an acronym is a common noun: "UAVs", "IEDs", "NGOs", "MPs" */
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
/** a room, gate or flight and its number is no person: "Room 12", "Gate 4" (a surname and a score is, in sports results) */
const NUMBERED_THING = /^(?:Room|Gate|Flight|Route|Highway|Block|Ward|Platform|Terminal|Bus|Building|Hall|Floor|Cell|Unit|Apartment|Suite|Lot|Exit|Sector|Pier|Bay|Bed|Car|Train|Line)$/;
const NEXT_NUMBER = /^ \d/;
/** "a Dorran truck", "a Kalashnikov rifle": a one-word name before the thing is its maker, not a person */
const PRODUCT_NOUNS = new Set(['truck', 'trucks', 'van', 'vans', 'car', 'cars', 'bus', 'jeep', 'pickup', 'lorry', 'sedan', 'motorcycle', 'rifle', 'rifles', 'pistol', 'helicopter', 'helicopters', 'jet', 'jets', 'aircraft', 'drone', 'drones', 'missile', 'missiles', 'tanker']);
/** "the district of Halden", "the town of Orsk": the name after these is a place */
const PLACE_NOUNS_BEFORE_OF = new Set(['district', 'city', 'town', 'village', 'suburb', 'borough', 'municipality', 'hamlet', 'neighbourhood', 'neighborhood']);
/** a ministry's portfolio a tagger runs into the minister's name: "Secretary of Defense Mara Vell" */
const PORTFOLIO = /^(?:(?:Homeland|National) Security|(?:Foreign|Home|Veterans|Internal|Interior) Affairs|Defen[cs]e|State|Interior|Health|Justice|Finance|Energy|Education|Agriculture|Commerce|Labou?r|Transportation|Transport|Treasury|War|Trade|Housing) (?=\p{Lu})/u;

/** a group's noun and "known as", "called": the name after it is the group's */
const GROUP_KNOWN_AS = /\b(?:militias?|groups?|rebels?|gangs?|movements?|coalitions?|forces|fighters|vigilantes|organi[sz]ations?|factions?)\s+(?:(?:known|referred to)\s+(?:locally\s+)?as|called|named|dubbed)\s+$/i;
/** nouns after which a name of several words is a party or bloc */
const PARTY_NOUNS = new Set(['party', 'movement', 'coalition', 'alliance', 'bloc', 'front', 'faction']);
/** a military or civil title, then one capitalised word right before the tagged name: that word is the name's first */
const TITLE_THEN_NAME_WORD = /(?:^|[\s(])(?:General|Gen\.|Colonel|Col\.|Lieutenant|Lt\.|Captain|Capt\.|Major|Brigadier|Admiral|Sergeant|Commander|Marshal|Minister|President|Premier|Senator|Sen\.|Governor|Gov\.|Mayor|spokesman|spokeswoman|spokesperson)\s(\p{Lu}\p{Ll}+) $/u;
/** a place and the title of its office, which a tagger reads as one organisation: "Kyiv Mayor", "Kherson Governor" */
const PLACE_OFFICE = /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?) (?:Mayor|Governor|Gov\.|Deputy Mayor|Police Chief|Police Commissioner|Regional Governor)$/u;
/** text run together where a line break was lost: "indicted.GNB Brigade", "reviewA senior", "AfghanistanKANDAHAR" */
const GLUED_HEAD = /^\p{Ll}{3,}\.?(?=\p{Lu})/u;

/**
 * A tagged name placed and typed for news text. The tagger learnt CoNLL's conventions, so
 * only clear errors are fixed from the context and the dictionary; boundaries are kept
 * except for "Manchester police" (the police force) and a counting word in front.
 */
export function placeTagged(text: string, t: NerCharSpan, dict: ActorDictionary, R: EntityRuleSets): TaggedName[] {
  let start = t.start;
  let end = t.end;
  let name = text.slice(start, end);
  const head = GLUED_HEAD.exec(name);
  if (head) {
    start += head[0].length;
    name = text.slice(start, end);
    if (name.length < 2) return [];
  }
  // "Sean RoeBy June", "Bombing SuspectA": the next sentence's first word glued on
  const tail = GLUED_OPENER_TAIL.exec(name);
  if (tail) {
    end = start + tail.index + 1;
    name = text.slice(start, end);
  }
  // "on Friday": a day of the week is no one's name
  if (WEEKDAY.test(name)) return [];
  if (PLURAL_ACRONYM.test(name)) return [];
  // "Bloody Sunday": the day's name is an event, the weekday the tagger left out included
  const day = isNamedDayHead(name) ? NEXT_WEEKDAY.exec(text.slice(end, end + 12)) : null;
  if (day) return [{ start, end: end + day[0].length, type: 'EVENT' }];
  let dateline: TaggedName | undefined;
  // the pattern ends in a capital: a name ending in another ASCII character cannot match
  const lastChar = name.charCodeAt(name.length - 1);
  const caps = lastChar < 128 && !(lastChar >= 65 && lastChar <= 90) ? null : GLUED_DATELINE_CITY.exec(name);
  if (caps) {
    const cut = end - caps[1]!.length;
    const kinds = dictKinds(dict, caps[1]!);
    const placeType = kinds.length ? entityTypeOf(bestKind(kinds), titleCased(caps[1]!), dict) : undefined;
    if (placeType === 'GPE' || placeType === 'LOC') dateline = { start: cut, end, type: placeType };
    end = cut;
    name = text.slice(start, end);
  }
  const sp = name.indexOf(' ');
  if (sp > 0 && COUNT_WORD.test(name.slice(0, sp)) && dictKinds(dict, name.slice(sp + 1)).length) {
    start += sp + 1;
    name = text.slice(start, end);
  }
  // "Taliban-led", "Hamas-run": the organisation before the hyphen is the actor; places and
  // nationalities stay modifiers ("Vienna-based", "Brazilian-born"), as CoNLL tags them
  const hy = /^(.*[\p{L}])-\p{Ll}+$/u.exec(name);
  if (hy && dictKinds(dict, hy[1]!).some((k) => k.kind === 'org' || k.kind === 'orgName')) {
    end = start + hy[1]!.length;
    name = hy[1]!;
  }
  // "Major General Zaw Min Tun" tagged "Min Tun": the name's first word the tagger left with the title
  if (t.label === 'PER') {
    const cut = TITLE_THEN_NAME_WORD.exec(text.slice(Math.max(0, start - 40), start));
    if (cut && !R.notName.has(cut[1]!) && !dictKinds(dict, cut[1]!).length) {
      start -= cut[1]!.length + 1;
      name = text.slice(start, end);
    }
  }
  // "Kyiv Mayor Vitali Klitschko", "Ryazan Governor": the place before an office's title is the
  // entity; the title is no part of a name
  const office = PLACE_OFFICE.exec(name);
  const officeKinds = office ? dictKinds(dict, office[1]!) : [];
  if (office && officeKinds.some((k) => k.kind === 'country' || k.kind === 'capital' || k.kind === 'city' || k.kind === 'place')) {
    const placeType = entityTypeOf(bestKind(officeKinds), office[1]!, dict);
    if (placeType === 'GPE' || placeType === 'LOC') return [{ start, end: start + office[1]!.length, type: placeType }];
  }
  const known = dictKinds(dict, name);
  if (known.length && name === name.toUpperCase()) name = titleCased(name);
  let type = known.length && (start !== t.start || end !== t.end) ? entityTypeOf(bestKind(known), name, dict) : taggedType(name, t.label, dict, R);
  const next = NEXT_WORD.exec(text.slice(end, end + 40))?.[1] ?? '';
  const nextLower = next.toLowerCase();
  const [before1, before2] = wordsBefore(text, start);
  const prev1 = before1.toLowerCase();
  const prev2 = before2.toLowerCase();
  const place = known.some((k) => k.kind === 'country' || k.kind === 'capital' || k.kind === 'city');
  if (prev1 === 'of' && OFFICE_HEADS.has(prev2)) {
    const portfolio = PORTFOLIO.exec(name);
    if (portfolio) return [{ start: start + portfolio[0].length, end, type: 'PERSON' }];
  }
  if (type === 'PERSON' && NUMBERED_THING.test(name) && NEXT_NUMBER.test(text.slice(end, end + 2))) return [];
  if (type === 'PERSON' && !name.includes(' ') && PRODUCT_NOUNS.has(next) && !known.length) type = 'ORG';
  // "Avars and Laks", "an Afghani": a people the dictionary knows, whatever the tagger's label
  if ((type === 'ORG' || type === 'GPE' || type === 'LOC') && known.length && known.every((k) => (k.kind === 'group' && k.group.kind !== 'political') || k.kind === 'demonym')) type = 'NORP';
  else if ((type === 'PERSON' || type === 'ORG') && prev1 === 'of' && PLACE_NOUNS_BEFORE_OF.has(prev2) && !known.some((k) => k.kind === 'org' || k.kind === 'orgName')) type = 'GPE';
  // "the Minister of Health": the portfolio is part of a title, not a place or a name
  if (!name.includes(' ') && prev1 === 'of' && OFFICE_HEADS.has(prev2) && !known.length) return [];
  // "Al Shabaab claimed …" tagged as a person: the actor dictionary knows the organisation
  if (R.knownOrgs.has(name) || (type !== 'ORG' && known.some((k) => k.kind === 'org') && !place)) type = 'ORG';
  else if ((type === 'GPE' || type === 'LOC') && next === 'police') {
    end += text.slice(end).indexOf('police') + 'police'.length;
    type = 'ORG';
  } else if ((type === 'PERSON' || type === 'ORG' || (type === 'NORP' && !known.length)) && STRONG_PLACE_TAILS.has(next)) type = R.lowerPlaceTails.get(next) ?? 'LOC';
  // "Hospital Universitario de Caracas", "Central Hospital of Maracay": a facility, not a town
  else if ((type === 'GPE' || type === 'LOC') && name.includes(' ') && !known.length && name.split(/\s+/).some((w) => INSTITUTIONS.has(w))) type = 'FAC';
  // "Camp Shorabak", "Fort Liberty", "Lake Kivu": no one is named Camp or Lake (streets are
  // left to the tagger: the geocoder reads "Rue Casa Calvo" as the town of Rue)
  else if (type === 'PERSON' && name.includes(' ') && R.placeHeads.has(name.slice(0, name.indexOf(' '))) && !STREET_HEADS.has(name.slice(0, name.indexOf(' ')))) type = 'LOC';
  else if (type === 'ORG' && place && (IN_PLACE.has(prev1) || (prev1 === 'of' && R.preps.has(prev2)))) type = entityTypeOf(bestKind(known), name, dict);
  else if ((type === 'NORP' || type === 'MISC') && !name.includes(' ') && isPartyMention(name, nextLower, dict, R)) type = 'ORG';
  // "allied militias known as Wazalendo", "a gang called Gran Grif": the group's name, not a person's
  else if (type === 'PERSON' && GROUP_KNOWN_AS.test(text.slice(Math.max(0, start - 50), start))) type = 'ORG';
  // "the ruling Georgian Dream party", "the Civic Platform coalition": a name of several words before a party's noun is the party
  else if ((type === 'MISC' || type === 'PERSON') && name.includes(' ') && PARTY_NOUNS.has(nextLower)) type = 'ORG';
  return dateline ? [{ start, end, type }, dateline] : [{ start, end, type }];
}
