import type { Gazetteer, GazetteerEntry } from '../../services/gazetteer/index.js';
import { foldName } from '../../services/gazetteer/index.js';
import { readingsAsWritten } from './case-fit.js';
import { WIDE_CODES } from './feature-codes.js';

/**
 * Finds capitalised word sequences that name a gazetteer place. The stage uses it,
 * conservatively, for places the entity tagger missed; the geocode eval uses it
 * liberally until the full pipeline's entities are wired in.
 */
export interface RecognisedPlace {
  start: number;
  end: number;
  type: 'GPE' | 'NORP';
}

export interface RecogniseOptions {
  mode: 'conservative' | 'liberal';
  /** ranges already claimed (entity spans): nothing recognised may overlap them */
  taken?: readonly { start: number; end: number }[];
  /** offsets where sentences start: a lone capitalised word there proves little */
  sentenceStarts?: ReadonlySet<number>;
}

// Capitalised words that are far more often not places, even where a town bears the name.
const STOP = new Set(`the a an in on at of for to from by with and but or if as it its he she they we i you his her their our this that these those
there here when where what who why how after before during while since until according however also although yet so then thus meanwhile
mr mrs ms dr sir lord president minister prime general colonel captain major king queen prince princess pope sheikh emir governor mayor senator
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
police army government ministry department university hospital health national international world global federal state republic
north south east west northern southern eastern western central new old great upper lower saint st san santa
christian muslim jewish sunni shia shiite catholic orthodox protestant islamic god allah
reuters afp ap bbc cnn twitter facebook google apple amazon
man reading bath nice split mobile lincoln jackson franklin hamilton troy florence`.split(/\s+/));
// Words that are also names (a town called Reading, a surname Jackson) are left to the
// tagger to judge, except countries, which the lookup accepts below.
/** countries and wider areas but not territories (TERR): readings that make a name a strong place by themselves */
const WIDE_BUT_TERRITORIES = new Set([...WIDE_CODES].filter((c) => c !== 'TERR'));
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'le', 'al', 'el', 'du', 'des', 'da', 'do', 'dos', 'das', 'and', 'upon', 'on', 'the', 'ul', 'es', 'ad', 'an', 'ar', 'as', 'az', 'ash', 'at', 'y', 'i', 'sur', 'en', 'am', 'im', 'bin', 'ibn', 'bani', 'beni']);
// Qualifiers that may stand before a place name without making it part of another name.
export const QUALIFIERS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'greater', 'upper', 'lower', 'rural', 'downtown', 'occupied', 'coastal', 'metropolitan', 'metro']);
/** Kind-of-division words that may follow a name ("Benue State"): they join the mention. */
export const DIVISION_NOUNS = new Set(['province', 'state', 'county', 'region', 'governorate', 'oblast', 'district', 'prefecture', 'department', 'municipality', 'territory', 'parish', 'emirate']);
// Words around a name that say it is a place: "Narok residents", "in Kapedo village", "residents of Gede",
// "Ruiru (Kiambu)".
const CUE_BEFORE = /\b(?:in|near|outside|residents of|villagers of|people of|village of|town of|city of|outskirts of|parts of)\s+$/i;
const BRACKET_BEFORE = /\p{Lu}[\p{L}'’\-]+\s+\($/u;
const CUE_AFTER = /^\s+(?:residents?|villagers|townspeople|town|village|villages|county|sub-county|subcounty|ward|location|constituency|district|raion|hromada|oblast|province|area|market|trading cent(?:re|er))\b/i;
const MAX_TOKENS = 6;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** [\p{L}\p{N}] for one code point */
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/**
 * The words of a text, as parallel arrays (one object per word of a whole article was
 * most of this stage's garbage). A word is what /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*\.?/u
 * matches, scanned by hand; `end` leaves out a sentence's full stop and a possessive "'s",
 * `rawEnd` keeps the possessive ("People's Republic"), `cap` says it starts with a capital
 * and `stop` that a full stop follows (the next word starts a new sentence).
 */
class Words {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly rawEnd: Int32Array;
  readonly cap: Uint8Array;
  readonly stop: Uint8Array;
  readonly length: number;

  constructor(readonly text: string) {
    const len = text.length;
    let cap = 256;
    let start = new Int32Array(cap);
    let end = new Int32Array(cap);
    let rawEnd = new Int32Array(cap);
    let caps = new Uint8Array(cap);
    let stop = new Uint8Array(cap);
    let n = 0;
    const cpAt = (i: number) => text.codePointAt(i)!;
    const width = (cp: number) => (cp > 0xffff ? 2 : 1);
    let i = 0;
    while (i < len) {
      let cp = cpAt(i);
      if (!isWordChar(cp)) {
        i += width(cp);
        continue;
      }
      const s = i;
      for (;;) {
        while (i < len && isWordChar((cp = cpAt(i)))) i += width(cp);
        if (i + 1 < len) {
          const c = text.charCodeAt(i);
          if ((c === 46 || c === 39 || c === 0x2019 || c === 45) && isWordChar(cpAt(i + 1))) {
            i++;
            continue;
          }
        }
        break;
      }
      if (i < len && text.charCodeAt(i) === 46) i++;
      // the word as matched is text[s, i)
      let e = i;
      const c0 = text[s]!;
      const isCap = c0 !== c0.toLowerCase();
      let possessive = false;
      if (text.charCodeAt(e - 1) === 46 /* . */) {
        const w = text.slice(s, e);
        // Keep the dot of "U.S." and of "Calif. police", not a sentence's full stop.
        const abbreviation = /^(?:St|Ste|Ft|Mt|Pt)\.$/.test(w) || (/^\p{Lu}\p{Ll}{1,4}\.$/u.test(w) && /^ +[\p{Ll}\d]/u.test(text.slice(e, e + 3)));
        if (!isCap || (!/\.\p{L}/u.test(w.slice(0, -1)) && !abbreviation)) e--;
      }
      if (text.charCodeAt(e - 1) === 115 /* s */ && isCap && e - s > 3 && (text.charCodeAt(e - 2) === 39 || text.charCodeAt(e - 2) === 0x2019)) {
        e -= 2; // "China's"
        possessive = true;
      }
      if (n === cap) {
        cap *= 2;
        const grow = <A extends Int32Array | Uint8Array>(a: A, b: A) => (b.set(a), b);
        start = grow(start, new Int32Array(cap));
        end = grow(end, new Int32Array(cap));
        rawEnd = grow(rawEnd, new Int32Array(cap));
        caps = grow(caps, new Uint8Array(cap));
        stop = grow(stop, new Uint8Array(cap));
      }
      const after = text.charCodeAt(e);
      start[n] = s;
      end[n] = e;
      rawEnd[n] = possessive ? i : e;
      caps[n] = isCap ? 1 : 0;
      stop[n] = text.charCodeAt(e - 1) === 46 || after === 46 || after === 33 || after === 63 ? 1 : 0;
      n++;
    }
    this.start = start;
    this.end = end;
    this.rawEnd = rawEnd;
    this.cap = caps;
    this.stop = stop;
    this.length = n;
  }

  word(k: number): string {
    return this.text.slice(this.start[k], this.end[k]);
  }
}

/** Is this candidate list strong enough to call the words a place? */
function accept(entries: GazetteerEntry[], mode: RecogniseOptions['mode'], lone: boolean, cued: boolean): 'GPE' | 'NORP' | undefined {
  let strongest = 0;
  let demonym = false;
  let strongName = false;
  for (const e of entries) {
    if (e.match === 'demonym') demonym = true;
    else if (WIDE_BUT_TERRITORIES.has(e.featureCode) || e.featureCode === 'ADM1' || e.population >= 100_000) strongName = true;
    let s = 0;
    if (WIDE_BUT_TERRITORIES.has(e.featureCode) || e.match === 'demonym') s = 3;
    else if (e.featureCode === 'ADM1' && e.match !== 'short') s = 2.5;
    else if (e.featureCode === 'PPLC' || (e.featureClass === 'P' && e.population >= 100_000)) s = 2;
    else if ((e.featureCode === 'PPLA' || e.featureCode === 'PPLA2') && e.population >= 20_000) s = 1.5;
    else if (e.featureClass === 'P' && e.match !== 'name' && e.population < 50_000) s = 0; // old and local alternate names
    else if (e.featureClass !== 'P' || e.population >= 1000) s = 1;
    strongest = Math.max(strongest, s);
  }
  const need = cued ? 1 : mode === 'conservative' ? (lone ? 3 : 2) : lone ? 2 : 1;
  if (strongest < need) return undefined;
  return demonym && !strongName ? 'NORP' : 'GPE';
}

export function recognisePlaces(text: string, gazetteer: Gazetteer, options: RecogniseOptions): RecognisedPlace[] {
  const ws = new Words(text);
  const taken = [...(options.taken ?? [])].sort((a, b) => a.start - b.start);
  const out: RecognisedPlace[] = [];
  let t = 0;
  const isTaken = (start: number, end: number): boolean => {
    while (t < taken.length && taken[t]!.end <= start) t++;
    for (let k = t; k < taken.length && taken[k]!.start < end; k++) if (taken[k]!.end > start) return true;
    return false;
  };
  const { start: S, end: E, rawEnd: R, cap: CAP, stop: STOPS } = ws;
  for (let i = 0; i < ws.length; i++) {
    if (!CAP[i]) continue;
    const wText = ws.word(i);
    const lower = wText.toLowerCase();
    let best: { end: number; n: number; type: 'GPE' | 'NORP' } | undefined;
    let key = '';
    for (let n = 1; n <= MAX_TOKENS && i + n - 1 < ws.length; n++) {
      const last = i + n - 1;
      if (n > 1) {
        const prev = last - 1;
        if (S[last]! - R[prev]! !== 1 || text[R[prev]!] !== ' ') break;
        if (!CAP[last] && !CONNECTORS.has(ws.word(last).toLowerCase())) break;
      }
      key = foldName(text.slice(S[i]!, E[last]!));
      if (!gazetteer.hasPrefix(key)) break;
      if (!CAP[last]) continue; // a connector cannot end a name
      // A stop word is only a place when it is a country's name ("Chad", "Jordan").
      if (n === 1 && STOP.has(lower) && !gazetteer.countryByName(lower)) continue;
      const entries = readingsAsWritten(text.slice(S[i]!, E[last]!), gazetteer.lookupKey(key), text[E[last]!] === '.');
      if (!entries.length) continue;
      // A dateline ("PLEASANTON, Calif. —") starts a sentence but is a place all the same.
      const dateline = wText.length > 2 && wText === wText.toUpperCase() && text[E[last]!] === ',';
      const sentenceInitial = (options.sentenceStarts?.has(S[i]!) ?? false) && !dateline;
      const before = text.slice(Math.max(0, S[i]! - 24), S[i]!);
      const cued = CUE_BEFORE.test(before) || BRACKET_BEFORE.test(before) || CUE_AFTER.test(text.slice(E[last]!, E[last]! + 24));
      const type = accept(entries, options.mode, n === 1 && sentenceInitial, cued);
      if (type) best = { end: E[last]!, n, type };
    }
    if (!best) continue;
    // A match inside a longer capitalised name ("Royal Street", "Faubourg Marigny") is not a place mention.
    const prev = i - 1;
    if (prev >= 0 && CAP[prev] && !STOPS[prev] && S[i]! - E[prev]! === 1 && text[E[prev]!] === ' ') {
      const p = ws.word(prev).toLowerCase();
      if (!STOP.has(p) && !QUALIFIERS.has(p) && !(options.sentenceStarts?.has(S[prev]!) && !gazetteer.hasKey(foldName(p)))) continue;
    }
    let end = best.end;
    let n = best.n;
    const next = i + n;
    if (next < ws.length && CAP[next] && S[next]! - end === 1 && text[end] === ' ') {
      if (DIVISION_NOUNS.has(ws.word(next).toLowerCase())) {
        end = E[next]!;
        n++;
      } else if (options.mode === 'conservative') continue; // "New York Times", "Kenya Airways"
    }
    if (!isTaken(S[i]!, end)) {
      out.push({ start: S[i]!, end, type: best.type });
      i += n - 1;
    }
  }
  return out;
}
