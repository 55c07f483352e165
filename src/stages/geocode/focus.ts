import type { GazetteerEntry } from '../../services/gazetteer/index.js';
import { COUNTRY_CODES, WIDE_CODES } from './feature-codes.js';

/**
 * The place an article is about, for names the gazetteer lacks (a street, an estate, a
 * village): the town or division its resolved mentions name most, weighed by how surely
 * each names it (a big town by its own name over a suburb's alternate name, a town over a
 * division), the first one on a tie; else its most named country. Takes each mention's
 * resolved entry, in text order; a dateline (where the story was filed, `dateline[i]`) weighs
 * little: the story may happen far from the reporter's desk.
 */
export function articleFocus(resolved: readonly (GazetteerEntry | undefined)[], dateline: readonly boolean[] = []): GazetteerEntry | undefined {
  const weight = (e: GazetteerEntry, i: number) => entryWeight(e) * (dateline[i] ? DATELINE_WEIGHT : 1);
  // A town of the country most of the article's places are in: a surname that is an English
  // suburb, named twice, is not where a Virginian story happens.
  const byCountry = new Map<string, number>();
  resolved.forEach((e, i) => {
    if (e?.country) byCountry.set(e.country, (byCountry.get(e.country) ?? 0) + weight(e, i));
  });
  let country = '';
  let most = 0;
  for (const [c, w] of byCountry) if (w > most) (most = w), (country = c);
  const local = new Map<number, { e: GazetteerEntry; n: number; first: number }>();
  const wide = new Map<number, { e: GazetteerEntry; n: number; first: number }>();
  resolved.forEach((e, i) => {
    if (!e || (WIDE_CODES.has(e.featureCode) && !COUNTRY_CODES.has(e.featureCode))) return;
    if (!WIDE_CODES.has(e.featureCode) && e.country !== country) return;
    const m = WIDE_CODES.has(e.featureCode) ? wide : local;
    const cur = m.get(e.index);
    const w = weight(e, i);
    if (cur) cur.n += w;
    else m.set(e.index, { e, n: w, first: i });
  });
  const ranked = (m: Map<number, { e: GazetteerEntry; n: number; first: number }>) => [...m.values()].sort((a, b) => b.n - a.n || a.first - b.first);
  const top = ranked(local)[0]?.e;
  // A story about Virginia that names Gainesville happens nearer Gainesville than the state's centre.
  if (top && top.featureClass !== 'P' && top.admin1) {
    const town = ranked(local).find((x) => x.e.featureClass === 'P' && x.e.country === top.country && x.e.admin1 === top.admin1);
    if (town) return town.e;
  }
  return top ?? ranked(wide)[0]?.e;
}

const DATELINE_WEIGHT = 0.3;

function entryWeight(e: GazetteerEntry): number {
  const match = e.match === 'name' || e.match === 'code' ? 1 : e.match === 'alternate' ? 0.4 : 0.2;
  const kind = e.featureClass === 'P' ? 1.5 : e.featureCode === 'ADM1' ? 0.7 : 1;
  return match * kind * (1 + Math.log10(e.population + 1) / 3);
}
