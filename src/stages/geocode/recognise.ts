import type { Gazetteer, GazetteerEntry } from '../../services/gazetteer/index.js';
import { foldName } from '../../services/gazetteer/index.js';

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
const COUNTRY_LEVEL = new Set(['PCLI', 'PCLD', 'CONT', 'RGN', 'SEA', 'OCN', 'GULF', 'STRT']);
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
const WORD = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*\.?/gu;
const MAX_TOKENS = 6;

interface Word {
  start: number;
  end: number;
  /** the end including a possessive "'s", for adjacency ("People's Republic") */
  rawEnd: number;
  text: string;
  cap: boolean;
  /** a full stop follows: the next word starts a new sentence */
  stop: boolean;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let w = m[0];
    const start = m.index!;
    const c0 = w[0]!;
    const cap = c0 !== c0.toLowerCase();
    const last = w.charCodeAt(w.length - 1);
    let possessive = false;
    if (last === 46 /* . */) {
      // Keep the dot of "U.S." and of "Calif. police", not a sentence's full stop.
      const abbreviation = /^(?:St|Ste|Ft|Mt|Pt)\.$/.test(w) || (/^\p{Lu}\p{Ll}{1,4}\.$/u.test(w) && /^ +[\p{Ll}\d]/u.test(text.slice(start + w.length, start + w.length + 3)));
      if (!cap || (!/\.\p{L}/u.test(w.slice(0, -1)) && !abbreviation)) w = w.slice(0, -1);
    }
    if (w.charCodeAt(w.length - 1) === 115 /* s */ && cap && w.length > 3 && (w[w.length - 2] === "'" || w[w.length - 2] === '’')) {
      w = w.slice(0, -2); // "China's"
      possessive = true;
    }
    const after = text.charCodeAt(start + w.length);
    const rawEnd = start + m[0].length;
    out.push({ start, end: start + w.length, rawEnd: possessive ? rawEnd : start + w.length, text: w, cap, stop: w.endsWith('.') || after === 46 || after === 33 || after === 63 });
  }
  return out;
}

/** Is this candidate list strong enough to call the words a place? */
function accept(entries: GazetteerEntry[], mode: RecogniseOptions['mode'], lone: boolean, cued: boolean): 'GPE' | 'NORP' | undefined {
  let strongest = 0;
  let demonym = false;
  let strongName = false;
  for (const e of entries) {
    if (e.match === 'demonym') demonym = true;
    else if (COUNTRY_LEVEL.has(e.featureCode) || e.featureCode === 'ADM1' || e.population >= 100_000) strongName = true;
    let s = 0;
    if (COUNTRY_LEVEL.has(e.featureCode) || e.match === 'demonym') s = 3;
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
  const ws = words(text);
  const taken = [...(options.taken ?? [])].sort((a, b) => a.start - b.start);
  const out: RecognisedPlace[] = [];
  let t = 0;
  const isTaken = (start: number, end: number): boolean => {
    while (t < taken.length && taken[t]!.end <= start) t++;
    for (let k = t; k < taken.length && taken[k]!.start < end; k++) if (taken[k]!.end > start) return true;
    return false;
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!w.cap) continue;
    const lower = w.text.toLowerCase();
    let best: { end: number; n: number; type: 'GPE' | 'NORP' } | undefined;
    let key = '';
    for (let n = 1; n <= MAX_TOKENS && i + n - 1 < ws.length; n++) {
      const last = ws[i + n - 1]!;
      if (n > 1) {
        const prev = ws[i + n - 2]!;
        if (last.start - prev.rawEnd !== 1 || text[prev.rawEnd] !== ' ') break;
        if (!last.cap && !CONNECTORS.has(last.text.toLowerCase())) break;
      }
      key = foldName(text.slice(w.start, last.end));
      if (!gazetteer.hasPrefix(key)) break;
      if (!last.cap) continue; // a connector cannot end a name
      // A stop word is only a place when it is a country's name ("Chad", "Jordan").
      if (n === 1 && STOP.has(lower) && !gazetteer.countryByName(lower)) continue;
      const entries = gazetteer.lookupKey(key);
      if (!entries.length) continue;
      // A dateline ("PLEASANTON, Calif. —") starts a sentence but is a place all the same.
      const dateline = w.text.length > 2 && w.text === w.text.toUpperCase() && text[last.end] === ',';
      const sentenceInitial = (options.sentenceStarts?.has(w.start) ?? false) && !dateline;
      const before = text.slice(Math.max(0, w.start - 24), w.start);
      const cued = CUE_BEFORE.test(before) || BRACKET_BEFORE.test(before) || CUE_AFTER.test(text.slice(last.end, last.end + 24));
      const type = accept(entries, options.mode, n === 1 && sentenceInitial, cued);
      if (type) best = { end: last.end, n, type };
    }
    if (!best) continue;
    // A match inside a longer capitalised name ("Royal Street", "Faubourg Marigny") is not a place mention.
    const prev = ws[i - 1];
    if (prev && prev.cap && !prev.stop && w.start - prev.end === 1 && text[prev.end] === ' ') {
      const p = prev.text.toLowerCase();
      if (!STOP.has(p) && !QUALIFIERS.has(p) && !(options.sentenceStarts?.has(prev.start) && !gazetteer.hasKey(foldName(p)))) continue;
    }
    let end = best.end;
    let n = best.n;
    const next = ws[i + n];
    if (next && next.cap && next.start - end === 1 && text[end] === ' ') {
      if (DIVISION_NOUNS.has(next.text.toLowerCase())) {
        end = next.end;
        n++;
      } else if (options.mode === 'conservative') continue; // "New York Times", "Kenya Airways"
    }
    if (!isTaken(w.start, end)) {
      out.push({ start: w.start, end, type: best.type });
      i += n - 1;
    }
  }
  return out;
}
