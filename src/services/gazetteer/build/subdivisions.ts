import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldName } from '../fold.js';
import type { GeoNamesPlace } from './geonames.js';

/**
 * Country subdivisions (ISO 3166-2 names) with a point and a GeoNames admin1 code
 * derived from the towns each one lists: the towns are found in GeoNames within the
 * country, and the subdivision sits at the median of their coordinates.
 */
export interface Subdivision {
  country: string;
  iso: string;
  name: string;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames admin1 code most of its towns share */
  admin1: string;
  featureCode: 'ADM1' | 'ADM2';
  towns: number;
}

/** Words that name the kind of subdivision, dropped to get the short name ("Kharkiv Oblast" -> "Kharkiv"). */
export const DIVISION_WORDS = [
  'oblast', 'governorate', 'province', 'provincia', 'region', 'county', 'state', 'district', 'department',
  'prefecture', 'municipality', 'division', 'territory', 'autonomous region', 'autonomous republic',
  'autonomous province', 'autonomous oblast', 'krai', 'kray', 'voivodeship', 'canton', 'emirate', 'parish',
];
const SUFFIX_RE = new RegExp(`\\s+(?:${DIVISION_WORDS.join('|')})$`);
const PREFIX_RE = /^(?:(?:province|region|state|department|governorate|county|district|autonomous republic|republic) of\s+)/;

/** The folded short name of a subdivision, or '' when nothing was stripped. */
export function shortDivisionKey(folded: string): string {
  const s = folded.replace(SUFFIX_RE, '').replace(PREFIX_RE, '');
  return s !== folded && s.length > 1 ? s : '';
}

export function deriveSubdivisions(dbRoot: string, byCountry: Map<string, GeoNamesPlace[]>): { subdivisions: Subdivision[]; unplaced: string[] } {
  const subdivisions: Subdivision[] = [];
  const unplaced: string[] = [];
  const statesDir = join(dbRoot, 'states');
  for (const cc of readdirSync(statesDir).sort()) {
    const places = byCountry.get(cc) ?? [];
    const index = new Map<string, GeoNamesPlace[]>();
    for (const p of places) {
      for (const n of new Set([foldName(p.name), foldName(p.asciiName)])) push(index, n, p);
    }
    const states = JSON.parse(readFileSync(join(statesDir, cc, 'index.json'), 'utf8')) as { name: string; iso: string }[];
    const points = fullStatePoints(dbRoot, cc);
    const found: Subdivision[] = [];
    const pointed: { st: { name: string; iso: string }; p: StatePoint }[] = [];
    for (const st of states) {
      const townFile = join(dbRoot, 'cities', cc, st.iso, 'index.json');
      const towns = existsSync(townFile) ? (JSON.parse(readFileSync(townFile, 'utf8')) as string[]) : [];
      const matched = placeTowns(towns, index);
      if (matched.length === 0) {
        // A city-state or a subdivision named after its seat: use the place of that name.
        const key = foldName(st.name);
        const seat = (index.get(key) ?? index.get(shortDivisionKey(key)) ?? []).sort((a, b) => b.population - a.population)[0];
        if (seat) matched.push(seat);
      }
      if (matched.length === 0) {
        // No town of it is in cities500: the full database's own point still places it.
        const p = points.get(st.iso);
        if (p && inCountry(places, p)) pointed.push({ st, p });
        else unplaced.push(`${cc}-${st.iso} ${st.name}`);
        continue;
      }
      // The towns' centre drifts when homonyms elsewhere were matched (Roraima's towns
      // found in Amapá): where it is far from the list's own point, that point is better.
      let lat = centre(matched.map((p) => p.lat));
      let lon = centre(matched.map((p) => p.lon));
      const own = points.get(st.iso);
      if (own && roughKm(lat, lon, own.lat, own.lon) > OWN_POINT_KM && inCountry(places, own)) (lat = own.lat), (lon = own.lon);
      found.push({
        country: cc,
        iso: st.iso,
        name: st.name,
        lat,
        lon,
        population: matched.reduce((s, p) => s + p.population, 0),
        admin1: majority(matched.map((p) => p.admin1)),
        featureCode: 'ADM1',
        towns: matched.length,
      });
    }
    // Several ISO subdivisions inside one GeoNames admin1 (provinces within a region,
    // councils within England): only the largest is first-level.
    const largest = new Map<string, Subdivision>();
    for (const s of found) {
      const cur = largest.get(s.admin1);
      if (!cur || s.towns > cur.towns) largest.set(s.admin1, s);
    }
    for (const s of found) if (largest.get(s.admin1) !== s) s.featureCode = 'ADM2';
    // Placed by point alone: first-level when its FIPS code is a GeoNames admin1 no other
    // subdivision claims (GeoNames admin1 codes are FIPS codes for most countries), else a
    // second-level division inside the admin1 of the nearest town.
    const admin1s = new Set(places.map((p) => p.admin1));
    for (const { st, p } of pointed) {
      const own = p.fips && admin1s.has(p.fips) && !largest.has(p.fips);
      const admin1 = own ? p.fips! : nearestTown(places, p.lat, p.lon)?.admin1 ?? '';
      const s: Subdivision = { country: cc, iso: st.iso, name: st.name, lat: p.lat, lon: p.lon, population: 0, admin1, featureCode: own ? 'ADM1' : 'ADM2', towns: 0 };
      if (own) largest.set(admin1, s);
      found.push(s);
    }
    subdivisions.push(...found);
  }
  return { subdivisions, unplaced };
}

const OWN_POINT_KM = 200;

function roughKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  return 111.2 * Math.sqrt(x * x + (lat2 - lat1) ** 2);
}

interface StatePoint {
  lat: number;
  lon: number;
  fips?: string;
}

/** Points and FIPS codes of a country's subdivisions from the package's full database (beside db-lite). */
function fullStatePoints(dbRoot: string, cc: string): Map<string, StatePoint> {
  const out = new Map<string, StatePoint>();
  const file = join(dbRoot, '..', 'db', 'states', cc, 'index.json');
  if (!existsSync(file)) return out;
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { iso: string; fipsCode?: string | null; latitude?: string | null; longitude?: string | null }[];
  for (const r of rows) {
    const lat = Number(r.latitude);
    const lon = Number(r.longitude);
    if (r.latitude == null || r.longitude == null || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const p: StatePoint = { lat, lon };
    if (r.fipsCode) p.fips = r.fipsCode;
    out.set(r.iso, p);
  }
  return out;
}

/**
 * Some points in the list are wrong (signs flipped): trust one only near a town of its country.
 * Sparse states (Roraima: 157 km from Boa Vista) need a wide reach; a flipped sign lands far further.
 */
const IN_COUNTRY_KM = 400;
function inCountry(places: GeoNamesPlace[], p: StatePoint): boolean {
  const t = nearestTown(places, p.lat, p.lon);
  return !!t && roughKm(t.lat, t.lon, p.lat, p.lon) < IN_COUNTRY_KM;
}

function nearestTown(places: GeoNamesPlace[], lat: number, lon: number): GeoNamesPlace | undefined {
  let best: GeoNamesPlace | undefined;
  let bestD = Infinity;
  const cos = Math.cos((lat * Math.PI) / 180);
  for (const g of places) {
    const d = ((g.lon - lon) * cos) ** 2 + (g.lat - lat) ** 2;
    if (d < bestD) (bestD = d), (best = g);
  }
  return best;
}

function placeTowns(towns: string[], index: Map<string, GeoNamesPlace[]>): GeoNamesPlace[] {
  const unique: GeoNamesPlace[] = [];
  const ambiguous: GeoNamesPlace[][] = [];
  for (const t of towns) {
    const c = index.get(foldName(t));
    if (!c) continue;
    if (c.length === 1) unique.push(c[0]!);
    else ambiguous.push(c);
  }
  const main = majority(unique.map((p) => p.admin1));
  for (const c of ambiguous) {
    const same = c.filter((p) => p.admin1 === main);
    if (same.length) unique.push(same.sort((a, b) => b.population - a.population)[0]!);
  }
  // Keep the towns of the main admin1 when most agree: strays are usually homonyms.
  const inMain = unique.filter((p) => p.admin1 === main);
  return inMain.length >= unique.length * 0.6 ? inMain : unique;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

// The middle of the 10th-90th percentile range: towns crowd where people live (a coast,
// a capital), so their median drifts off a large region's middle; stray homonyms are cut.
function centre(xs: number[]): number {
  if (xs.length < 8) return median(xs);
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))]!;
  return (q(0.1) + q(0.9)) / 2;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function majority(xs: string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestN = 0;
  for (const x of xs) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > bestN) {
      best = x;
      bestN = n;
    }
  }
  return best;
}
