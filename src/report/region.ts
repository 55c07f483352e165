import type { Gazetteer, GazetteerEntry } from '../services/gazetteer/index.js';

export type ResolvedRegion =
  | { kind: 'country'; code: string; label: string }
  | { kind: 'bbox'; bbox: [number, number, number, number]; label: string };

/**
 * Half the width, in degrees, of the box drawn around a named place. The gazetteer holds
 * points, not outlines, so a region is approximated by a box around its centre sized by
 * what kind of place it is.
 */
function halfWidth(e: GazetteerEntry): number {
  if (e.featureCode === 'ADM1' || e.featureClass === 'L' || e.featureClass === 'T') return 1.5;
  if (e.featureCode.startsWith('ADM')) return 0.6;
  return 0.3;
}

function rank(e: GazetteerEntry): number {
  const kind = e.featureClass === 'A' ? 3 : e.featureClass === 'L' ? 2 : e.featureClass === 'P' ? 1 : 0;
  return kind * 1e10 + e.population;
}

/** A region name as a report filter: a country by name or code, else a box around the best-known place of that name. */
export function resolveRegion(name: string, gazetteer: Gazetteer): ResolvedRegion | undefined {
  const country = gazetteer.country(name);
  if (country) return { kind: 'country', code: country.iso2, label: `${country.name} (${country.iso2})` };
  const entries = gazetteer.lookup(name).filter((e) => e.featureClass !== 'H');
  if (!entries.length) return undefined;
  const best = [...entries].sort((a, b) => rank(b) - rank(a))[0]!;
  const r = halfWidth(best);
  const round = (x: number) => Math.round(x * 100) / 100;
  const bbox: [number, number, number, number] = [round(Math.max(best.lon - r, -180)), round(Math.max(best.lat - r, -90)), round(Math.min(best.lon + r, 180)), round(Math.min(best.lat + r, 90))];
  const where = [best.admin1Name === best.name ? undefined : best.admin1Name, best.country].filter(Boolean).join(', ');
  return { kind: 'bbox', bbox, label: `${best.name}${where ? ` (${where})` : ''}, within ±${r}° of its centre` };
}
