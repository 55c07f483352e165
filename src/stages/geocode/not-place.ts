import type { Entity } from '../../core/layers/index.js';

/*
 * A name the gazetteer does not know falls back to the article's focus (fallback.ts). These
 * tests read the words around such a name for what kind of thing it is: a place ("in X", "the
 * villages of X and Y") or a person, an office, a source, a people ("X, wife of", "Minister of
 * X", "told X", "home to X").
 */

/**
 * What the words around an unknown name say that it is not a place: an office ("Minister of
 * Health"), a person in apposition ("Eva Forest, a local resident"), a speaker or a source
 * ("DW reported", "told DW"), a people ("home to Shabaks").
 */
const NOT_PLACE_BEFORE = /(?:\b(?:Minister|Ministry|Secretary|Department|Office|Bureau|Institute|Commission|Committee|Director|Chief) of(?: the)?|\b(?:told|according to|quoted by|reported by|speaking to|interview with|home to|among(?: the)?))\s+$/;
const NOT_PLACE_AFTER = /^(?:,?\s+(?:who|whose)\b|,\s+\d{1,3},|,\s+(?:(?:a|an|the)\s+)?(?:[\p{L}-]+\s+){0,3}(?:resident|spokes(?:man|woman|person)|official|leader|commander|minister|member|student|teacher|doctor|nurse|witness|father|mother|son|daughter|brother|sister|wife|husband|farmer|worker|journalist|reporter|correspondent|analyst|professor|researcher|director|owner|driver|survivor|activist|lawyer|broadcaster|newspaper|agency)\b|\s+(?:said|says|reported|reports|told|added|announced|quoted|cited)\b)/u;
/** "DW", "KTN": an unknown acronym is an organisation far more often than a place */
const ACRONYM = /^\p{Lu}{2,5}$/u;
/** "people in West Prince who …": after a locative word, what follows speaks of the people there */
const LOCATIVE_BEFORE = /\b(?:in|at|near|from|outside|inside|into|across|around)\s+(?:the\s+)?$/i;
export function saysNotPlace(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (NOT_PLACE_BEFORE.test(before)) return true;
  return !LOCATIVE_BEFORE.test(before) && (NOT_PLACE_AFTER.test(text.slice(end, end + 60)) || ACRONYM.test(text.slice(start, end)));
}
/** "the villages of Bumbacari and Dudescu", "four villages: Kampungu, Makonono and Mombo": a list of places */
const PLACE_LIST = /\b(?:villages|towns|cities|districts|provinces|regions|counties|areas|neighbou?rhoods|suburbs|camps|settlements|localities|communities)\b(?:\s+(?:of|in|including|such as|like))?\s*:?\s*((?:\p{Lu}[^.;!?]*)?)$/u;
const LIST_TAIL = /^(?:\p{Lu}[\p{L}'’.-]*|de|del|la|al|el|and|or|,|\s)*$/u;
export function inPlaceList(text: string, start: number): boolean {
  const m = PLACE_LIST.exec(text.slice(Math.max(0, start - 120), start));
  return !!m && LIST_TAIL.test(m[1]!);
}
const NOT_PLACE_TYPES = new Set(['ORG', 'NORP', 'MISC']);
const LIST_GAP = /^\s*(?:,|,?\s*(?:and|or))\s*$/;
/**
 * "Dargins, Kumyks and Lezgins": a one-word name listed next to a people or an organisation is
 * one of them (not a person next to it: "Warab state, Anthony Bol Madut" is an apposition).
 */
export function listedAmongNonPlaces(text: string, start: number, end: number, entities: readonly Entity[]): boolean {
  if (/\s/.test(text.slice(start, end))) return false;
  return entities.some((e) => NOT_PLACE_TYPES.has(e.type) && ((e.span.start >= end && e.span.start - end <= 8 && LIST_GAP.test(text.slice(end, e.span.start))) || (e.span.end <= start && start - e.span.end <= 8 && LIST_GAP.test(text.slice(e.span.end, start)))));
}

export const saysPlaceBefore = (text: string, start: number): boolean => LOCATIVE_BEFORE.test(text.slice(Math.max(0, start - 40), start));
