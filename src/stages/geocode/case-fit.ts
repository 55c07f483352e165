import type { GazetteerEntry } from '../../services/gazetteer/index.js';
import { COUNTRY_OR_ADM1_CODES, WIDE_CODES } from './feature-codes.js';

/*
 * Which gazetteer readings a name may have as it is written (its case, its dots): one filter
 * for a name standing alone (readingsAsWritten) and one for a name inside another entity's
 * name (readingsInsideName), which keeps alternate names only of wide areas and first-level
 * divisions. They count a name as abbreviated differently, and merging them changes which
 * places are found, so they stay two, side by side.
 */
const LETTERS = /\p{L}/gu;
const LOWER = /\p{Ll}/u;

/**
 * The readings a short name may have as written. The gazetteer folds case, so "Car" finds
 * the Central African Republic (CAR), "In" Indiana (IN) and "IS" the Russian town of Is: an
 * abbreviation is written in capitals, and a word in capitals of three letters or fewer is
 * an abbreviation ("IS", "ISW"), not a small town's name.
 */
export function readingsAsWritten(surface: string, entries: readonly GazetteerEntry[], dotAfter = false): GazetteerEntry[] {
  const letters = surface.match(LETTERS)?.length ?? 0;
  // "Kan.", "Ga.": an abbreviation written with its dot
  if (letters > 3 || surface.includes('.') || dotAfter) return entries as GazetteerEntry[];
  const capitals = !LOWER.test(surface);
  return entries.filter((e) => {
    // a short alternate name of a country is its abbreviation ("CAR", "DRC"); of a town, a name ("Rio")
    if (e.match === 'code' || (e.match === 'alternate' && COUNTRY_OR_ADM1_CODES.has(e.featureCode))) return capitals;
    if (capitals && letters >= 2 && e.match !== 'demonym') return e.featureClass !== 'P' || e.population >= 100_000;
    return true;
  });
}

/**
 * Readings a name inside another name may have: alternate names only of countries and
 * first-level divisions ("U.S."), abbreviations only when written as such ("Miss." is
 * Mississippi, "Miss World" is not).
 */
export function readingsInsideName(entries: readonly GazetteerEntry[], surface: string): GazetteerEntry[] {
  const abbreviated = surface.includes('.') || (surface.length <= 4 && surface === surface.toUpperCase());
  return entries.filter((e) => {
    if (e.match === 'code') return abbreviated;
    if (e.match === 'alternate') return WIDE_CODES.has(e.featureCode) || (e.featureCode === 'ADM1' && (abbreviated || surface.length > 5)) || (abbreviated && e.population >= 1e6);
    return true;
  });
}
