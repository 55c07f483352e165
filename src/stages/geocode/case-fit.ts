import type { GazetteerEntry } from '../../services/gazetteer/index.js';

const LETTERS = /\p{L}/gu;
const LOWER = /\p{Ll}/u;
const COUNTRY_LEVEL = new Set(['PCLI', 'PCLD', 'TERR', 'ADM1']);

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
    if (e.match === 'code' || (e.match === 'alternate' && COUNTRY_LEVEL.has(e.featureCode))) return capitals;
    if (capitals && letters >= 2 && e.match !== 'demonym') return e.featureClass !== 'P' || e.population >= 100_000;
    return true;
  });
}
