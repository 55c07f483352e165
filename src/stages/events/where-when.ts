import { spansOverlap } from '../../core/span.js';
import type { DatePrecision, EventParticipant, EventRecord, PlaceMention, PlacePrecision, Sentence, TimeExpression, Token } from '../../core/layers/index.js';
import type { SentenceView } from './arguments.js';
import type { EventsGrammar } from './lexicon.js';
import type { TriggerHit } from './triggers.js';

/** Where and when an event happened: the clause's place, else the article's focus; the sentence's date, else publication. */

export interface Focus {
  place: PlaceMention;
}

/**
 * The article's focus: the most often named resolved place below country level, else the most
 * named country. A dateline (where the story was filed) counts only when no other place below
 * country level is named. The lead's first place counts once more (news says first where it
 * happened); a possessive ("Paris' prosecutor") names an owner, and counts only when nothing
 * else is named.
 */
export function articleFocus(places: readonly PlaceMention[], text: string, inDateline: (start: number, end: number) => boolean): Focus | undefined {
  const aside = (p: PlaceMention) => isPossessive(text, p);
  const tally = (list: readonly PlaceMention[]) => {
    const by = new Map<string, { n: number; at: number; first: PlaceMention }>();
    const counted = list.some((p) => !aside(p)) ? (p: PlaceMention) => !aside(p) : () => true;
    for (const p of list) {
      const k = `${p.resolved!.name}|${p.resolved!.country}`;
      const n = counted(p) ? 1 + (p === list[0] ? 1 : 0) : 0;
      const e = by.get(k);
      if (!e) by.set(k, { n, at: p.span.start, first: p });
      else {
        e.n += n;
        // "Stormont Castle" standing at Belfast counts for Belfast, but "Belfast" names it
        if (standsIn(e.first) && !standsIn(p)) e.first = p;
      }
    }
    return [...by.values()].sort((a, b) => b.n - a.n || a.at - b.at)[0]?.first;
  };
  const below = places.filter((p) => p.precision !== 'country' && p.precision !== 'continent');
  const told = below.filter((p) => !inDateline(p.span.start, p.span.end));
  const sub = tally(told) ?? tally(below);
  const best = sub ?? tally(places);
  return best ? { place: best } : undefined;
}

/** a mention resolved to a place standing in for it (a street at its town, a village at its division), not to its own reading */
/** "Paris' prosecutor", "Kyiv's mayor": a place named as an owner */
const isPossessive = (text: string, p: PlaceMention): boolean => /^['’]s?(?![\p{L}])/u.test(text.slice(p.span.end, p.span.end + 3));
const standsIn = (p: PlaceMention): boolean => !!p.resolved?.reasons?.some((r) => r === 'unknown-name' || r === 'outside-container');

/**
 * "...besieged El Fasher in North Darfur. At least 43 people were killed in shelling on the
 * city's market": a sentence that names no place goes on where its paragraph last said (the
 * finest town, district or region of the latest sentence naming one; a street is too fine to
 * carry over, a name the gazetteer lacks is only a stand-in) before the article's focus stands in.
 */
export function paragraphPlace(places: readonly PlaceMention[], sentences: readonly Sentence[], index: number, text: string, inDateline: (start: number, end: number) => boolean): Focus | undefined {
  const s = sentences[index];
  if (!s) return undefined;
  for (let j = index - 1; j >= 0 && sentences[j]!.paragraph === s.paragraph; j--) {
    const span = sentences[j]!.span;
    const carried = places.filter((p) => p.span.start >= span.start && p.span.end <= span.end && p.precision !== undefined && CARRIED.has(p.precision) && !standsIn(p) && !inDateline(p.span.start, p.span.end) && !isPossessive(text, p));
    const best = carried.sort((a, b) => FINENESS[a.precision!] - FINENESS[b.precision!] || a.span.start - b.span.start)[0];
    if (best) return { place: best };
  }
  return undefined;
}
const CARRIED = new Set<PlacePrecision>(['city', 'district', 'region']);

function placeRecord(p: PlaceMention, fromArticleFocus: boolean): NonNullable<EventRecord['place']> {
  const r = p.resolved!;
  return { placeMentionId: p.id, name: p.span.text, lat: r.lat, lon: r.lon, country: r.country, ...(p.precision ? { precision: p.precision } : {}), fromArticleFocus };
}

/** how far after a place its container may be named ("X district, in the north of Y province") */
const CHAIN_GAP = 60;
const FINENESS: Record<PlacePrecision, number> = { point: 0, city: 1, district: 2, region: 3, country: 4, continent: 5 };
const finer = (a: PlaceMention, b: PlaceMention) => a.precision !== undefined && b.precision !== undefined && FINENESS[a.precision] < FINENESS[b.precision];

// "including the capital Stepanakert" names a place inside the one just located
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'around', 'inside', 'within', 'across', 'along', 'into', 'throughout', 'nearby', 'between', 'including', 'especially', 'notably', 'particularly', 'namely']);
// the words a place list or a noun phrase is made of: "in Migori and Nairobi", "near the Maua market", "the capital X"
const PHRASE_INSIDE = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'CCONJ', 'PUNCT', 'NUM']);

export function placeFor(v: SentenceView, h: TriggerHit, places: readonly PlaceMention[], focus: Focus | undefined, source?: EventParticipant): EventRecord['place'] {
  const tstart = v.tokens[h.first]!.span.start;
  const sentSpan = { start: v.tokens[0]!.span.start, end: v.tokens[v.tokens.length - 1]!.span.end };
  const clauseOf = (p: PlaceMention) => v.clause[v.tokens.findIndex((t) => spansOverlap(t.span, p.span))] ?? -1;
  // "France's third-largest city", "Britain's strategy": a possessive names an owner, not where
  const possessive = (p: PlaceMention) => /^[’']s$/i.test(v.tokens.find((t) => t.span.start >= p.span.end)?.span.text ?? '');
  // "a Nairobi-bound bus", "a Kabul-based group": a place fused to the word after it describes that word
  const compound = (p: PlaceMention) => /^-[a-z]/.test(v.text.slice(p.span.end, p.span.end + 2));
  const dateline = (p: PlaceMention) => v.inDateline(p.span.start, p.span.end);
  // "Yerevan denounced the attack": a capital standing for its government acts, it is not where
  const actsAsGovernment = (p: PlaceMention) => v.actors.some((m) => m.via === 'metonymy' && spansOverlap(m.span, p.span));
  const candidates = places.filter((p) => spansOverlap(p.span, sentSpan) && !(source && spansOverlap(source.span, p.span)) && !possessive(p) && !compound(p) && !dateline(p) && !actsAsGovernment(p));
  // "raiders from Ethiopia killed two herders", "herders from Isiolo were killed in …": where the people came from, not where it happened
  const origins = candidates.filter((p) => originOf(v, p, source));
  const inSent = candidates.filter((p) => !origins.includes(p));
  // "the population of Karabakh in Yevlakh": a place after "of" names whose it is, not where; a
  // bare place ("Lamu residents demonstrated in Malindi", "a Nairobi-bound bus in Mandera") or one
  // after "from" (where someone came from) names its noun or an origin, so a place after a
  // locative word wins over both. The word is read back over the list or noun phrase the place opens.
  const prepositionTier = (p: PlaceMention) => {
    let ti = v.tokens.findIndex((t) => spansOverlap(t.span, p.span)) - 1;
    while (ti >= 0 && PHRASE_INSIDE.has(v.tokens[ti]!.pos) && !LOCATIVE.has(v.tokens[ti]!.span.text.toLowerCase())) ti--;
    const word = ti >= 0 ? v.tokens[ti]!.span.text.toLowerCase() : '';
    return LOCATIVE.has(word) ? 0 : word === 'of' ? 1 : 2;
  };
  // "in Obe district of Herat province", "PD4 of Lashkargah city, Helmand": the finer place
  // of a chain is where it happened; the coarser ones right after it only locate it
  const container = (p: PlaceMention, list: PlaceMention[]) =>
    list.some((q) => q !== p && q.span.end <= p.span.start && p.span.start - q.span.end <= CHAIN_GAP && finer(q, p)) ? 1 : 0;
  const rank = (list: PlaceMention[]) =>
    [...list].sort((a, b) => Number(a.precision === 'country') - Number(b.precision === 'country') || container(a, list) - container(b, list) || prepositionTier(a) - prepositionTier(b) || Math.abs(a.span.start - tstart) - Math.abs(b.span.start - tstart))[0];
  const best = rank(inSent.filter((p) => clauseOf(p) === v.clause[h.first])) ?? rank(inSent);
  if (best) return placeRecord(best, false);
  // the focus is no better when it is the origin named here
  if (!focus || origins.some((p) => p.resolved!.name === focus.place.resolved!.name)) return undefined;
  return placeRecord(focus.place, true);
}

/**
 * "bandits from Ethiopia", "herders from Isiolo": a place after "from" that hangs on the noun of
 * the event's doer, of an actor, or of the agent after "by" names where those people came from.
 * Not "fled from Bakhmut" (on a verb), "looted equipment from Kherson" (a thing taken from where
 * it happened), nor a move "from X to Y".
 */
function originOf(v: SentenceView, p: PlaceMention, source: EventParticipant | undefined): boolean {
  let ti = v.tokens.findIndex((t) => spansOverlap(t.span, p.span)) - 1;
  if (ti >= 0 && v.tokens[ti]!.pos === 'DET') ti--;
  if (ti < 1 || v.tokens[ti]!.span.text.toLowerCase() !== 'from' || v.tokens[ti - 1]!.pos !== 'NOUN') return false;
  if (MOVED_TO.test(v.text.slice(p.span.end, p.span.end + 60))) return false;
  const noun = v.tokens[ti - 1]!;
  if ((source && spansOverlap(source.span, noun.span)) || v.actors.some((m) => spansOverlap(m.span, noun.span))) return true;
  let k = ti - 2;
  // "by suspected bandits", "by armed men": a participle before the noun is part of its phrase
  while (k >= 0 && (NOUN_PHRASE.has(v.tokens[k]!.pos) || (v.tokens[k]!.pos === 'VERB' && /ed$/i.test(v.tokens[k]!.span.text)))) k--;
  return k >= 0 && v.tokens[k]!.span.text.toLowerCase() === 'by';
}

const NOUN_PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM']);
const MOVED_TO = /^[^.;]*?\bto\s+(?:the\s+)?\p{Lu}/u;

function precisionOf(t: TimeExpression): DatePrecision {
  if (t.precision) return t.precision;
  if (/^\d{4}-\d{2}-\d{2}T/.test(t.value)) return 'hour';
  if (/^\d{4}-\d{2}-\d{2}/.test(t.value)) return 'day';
  if (/^\d{4}-W/.test(t.value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(t.value)) return 'month';
  return 'year';
}

/** how many tokens from its trigger a date naming another noun may stand and still date the trigger's deed */
const NEAR_TOKENS = 4;

/**
 * "the plans of the August 4 assassination attempt": a date right before a noun dates that
 * noun's phrase, not the other events of the sentence.
 */
function attributiveElsewhere(v: SentenceView, d: TimeExpression, h: TriggerHit): boolean {
  let j = v.tokens.findIndex((t) => t.span.start >= d.span.end);
  if (j < 0 || !['NOUN', 'ADJ', 'PROPN'].includes(v.tokens[j]!.pos)) return false;
  for (; j < v.tokens.length && ['NOUN', 'ADJ', 'PROPN'].includes(v.tokens[j]!.pos); j++) if (j === h.first) return false;
  return true;
}

/** "suspended the talks until the end of 2028", "must withdraw by Friday": the end of a period or a deadline, not when the event was */
const PERIOD_END = /\b(?:until|till|through|by)\s+(?:(?:the\s+)?(?:end|start|middle|beginning)\s+of\s+)?(?:at\s+least\s+)?$/i;
const periodEnd = (v: SentenceView, d: TimeExpression): boolean => PERIOD_END.test(v.text.slice(Math.max(0, d.span.start - 40), d.span.start));

/**
 * The relative clauses set off by commas (", which seized power in a 2023 coup,"), as character
 * ranges: each has its own time. Worked out once a sentence (SentenceView.relatives).
 */
export function setOffRelatives(tokens: readonly Token[], grammar: EventsGrammar): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1]!.span.text !== ',' || !grammar.relativePronouns.includes(tokens[i]!.span.text.toLowerCase())) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.span.text !== ',') j++;
    out.push({ start: tokens[i]!.span.start, end: tokens[j - 1]!.span.end });
  }
  return out;
}

/** Is the event told in a relative clause set off by commas, dated more than two months before publication ("the junta, which seized power in a 2023 coup,")? Such a clause tells history. */
export function pastRelative(v: SentenceView, h: TriggerHit, date: EventRecord['date'], published: string | undefined): boolean {
  if (!date || date.fromPublication || !published) return false;
  const tstart = v.tokens[h.first]!.span.start;
  if (!v.relatives.some((r) => tstart >= r.start && tstart < r.end)) return false;
  const value = String(date.value);
  const start = Date.parse(/^\d{4}$/.test(value) ? `${value}-12-31` : /^\d{4}-\d{2}$/.test(value) ? `${value}-28` : value.slice(0, 10));
  return Number.isFinite(start) && Date.parse(published) - start > 60 * 86400000;
}

export function dateFor(v: SentenceView, h: TriggerHit, allDates: readonly TimeExpression[], published: string | undefined): EventRecord['date'] {
  const tstart = v.tokens[h.first]!.span.start;
  // "The army, which took power in a 2021 coup, arrested three on Tuesday": inside the relative
  // clause its own date (even one naming a noun: the coup is its deed), outside it not that one
  const { relatives } = v;
  const inside = (x: { start: number }, r: { start: number; end: number }) => x.start >= r.start && x.start < r.end;
  const own = relatives.find((r) => inside({ start: tstart }, r));
  const ownDates = own ? allDates.filter((d) => inside(d.span, own)) : [];
  if (ownDates.length) {
    const best = [...ownDates].sort((a, b) => Math.abs(a.span.start - tstart) - Math.abs(b.span.start - tstart))[0]!;
    return { value: best.value, precision: precisionOf(best), timeExpressionId: best.id, fromPublication: false };
  }
  // "which seized power in a 2023 coup": a year naming the clause's deed (the time layer leaves it to the noun)
  const year = own && v.tokens.find((t) => inside(t.span, own) && /^(?:19|20)\d\d$/.test(t.span.text) && t.pos === 'NUM');
  if (year) return { value: year.span.text, precision: 'year', fromPublication: false };
  const outside = allDates.filter((d) => !relatives.some((r) => r !== own && inside(d.span, r)));
  const dates = outside.length || own ? outside : allDates;
  // a date naming another noun dates that noun's deed, which the trigger's is only when told right
  // by it ("killed in the Sunday attack"), not further off ("denies backing the rebels … linked to the 1994 genocide")
  const near = (d: TimeExpression) => Math.abs(v.tokens.findIndex((t) => t.span.start >= d.span.start) - h.first) <= NEAR_TOKENS;
  // a deadline or a period's end ("until 2028", "by Friday") does not date it either
  const usable = dates.filter((d) => (!attributiveElsewhere(v, d, h) || near(d)) && !periodEnd(v, d));
  const best = [...usable].sort((a, b) => Math.abs(a.span.start - tstart) - Math.abs(b.span.start - tstart))[0];
  if (best) return { value: best.value, precision: precisionOf(best), timeExpressionId: best.id, fromPublication: false };
  return published ? { value: published, precision: 'day', fromPublication: true } : undefined;
}

/**
 * A sentence that tells more of an event dated just before ("Seven were killed on Friday. ...
 * Four were killed when ...") shares its date: the latest dated event of the same type within
 * a few sentences, unless that was background.
 */
export function inheritedDate(events: readonly EventRecord[], type: EventRecord['type'], sentence: number, reach: number): EventRecord['date'] {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (sentence - e.sentence > reach) break;
    if (e.type === type && !e.background && e.date && !e.date.fromPublication && e.date.precision !== 'year') return e.date;
  }
  return undefined;
}
