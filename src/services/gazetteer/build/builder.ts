import { foldName } from '../fold.js';
import { encodeGazetteer, NO_ADMIN1, type CountryRecord } from '../format.js';
import type { Supplement, SupplementPlace } from '../supplement.js';
import type { GeoNamesPlace } from './geonames.js';
import { shortDivisionKey, type Subdivision } from './subdivisions.js';
import { pluralDemonym, Table, usableAlternate } from './table.js';

export { pluralDemonym } from './table.js';

export interface BuildInput {
  geonames: GeoNamesPlace[];
  subdivisions: Subdivision[];
  supplement: Supplement;
  /** extra English country names by ISO2 (e.g. from i18n-iso-countries) */
  countryNames?: Record<string, string | string[]>;
  sources: string[];
}

export interface BuildResult {
  buffer: Buffer;
  stats: Record<string, number>;
  /** problems in the curated data: the build fails on them */
  errors: string[];
}

export function buildGazetteer(input: BuildInput): BuildResult {
  const t = new Table();
  const errors: string[] = [];
  const sup = input.supplement;
  const countries = [...sup.countries].sort((a, b) => a.iso2.localeCompare(b.iso2));
  const countryIndex = new Map(countries.map((c, i) => [c.iso2, i]));
  const cIdx = (cc: string | undefined) => (cc ? countryIndex.get(cc) ?? NO_ADMIN1 : NO_ADMIN1);

  const admin1Keys: string[] = [];
  const admin1Names: string[] = [];
  const admin1Index = new Map<string, number>();
  const aIdx = (cc: string, code: string | undefined): number => {
    if (!code) return NO_ADMIN1;
    const k = `${cc}.${code}`;
    let i = admin1Index.get(k);
    if (i === undefined) {
      i = admin1Keys.length;
      admin1Keys.push(k);
      admin1Names.push('');
      admin1Index.set(k, i);
    }
    return i;
  };

  // Population of a country: the sum of its towns, a size good enough for ranking.
  const countryPop = new Map<string, number>();
  const byCountry = new Map<string, GeoNamesPlace[]>();
  for (const g of input.geonames) {
    countryPop.set(g.country, (countryPop.get(g.country) ?? 0) + g.population);
    const a = byCountry.get(g.country);
    if (a) a.push(g);
    else byCountry.set(g.country, [g]);
  }

  // Countries
  const records: CountryRecord[] = countries.map((c) => {
    const place = t.add({ name: c.name, lat: c.lat, lon: c.lon, population: c.population ?? countryPop.get(c.iso2) ?? 0, geonameId: 0, country: cIdx(c.iso2), admin1: NO_ADMIN1, featureCode: c.independent === false ? 'PCLD' : 'PCLI' });
    const extra = input.countryNames?.[c.iso2];
    const names = [...new Set([...(c.names ?? []), ...(Array.isArray(extra) ? extra : extra ? [extra] : [])])].filter((n) => n !== c.name);
    t.key(c.name, place, 'name');
    for (const n of names) t.key(n, place, 'alternate');
    for (const n of c.abbreviations ?? []) t.key(n, place, 'code');
    const demonyms = c.demonyms ?? [];
    for (const d of demonyms) {
      t.key(d, place, 'demonym');
      const pl = pluralDemonym(d);
      if (pl) t.key(pl, place, 'demonym');
    }
    return { iso2: c.iso2, iso3: c.iso3, name: c.name, names, demonyms, lat: c.lat, lon: c.lon, place, independent: c.independent !== false };
  });

  // Subdivisions derived from the ISO lists; curated entries of the same name merge in.
  const subByKey = new Map<string, number>();
  for (const s of input.subdivisions) {
    const a1 = s.featureCode === 'ADM1' ? aIdx(s.country, s.admin1) : NO_ADMIN1;
    if (a1 !== NO_ADMIN1 && !admin1Names[a1]) admin1Names[a1] = s.name;
    const place = t.add({ name: s.name, lat: s.lat, lon: s.lon, population: s.population, geonameId: 0, country: cIdx(s.country), admin1: s.featureCode === 'ADM1' ? a1 : aIdx(s.country, s.admin1), featureCode: s.featureCode });
    const key = foldName(s.name);
    t.key(s.name, place, 'name');
    const short = shortDivisionKey(key);
    if (short) t.key(short, place, 'short');
    if (s.iso.length >= 2 && s.country === 'US') t.key(s.iso, place, 'code'); // "Calif." style forms are not codes; "TX" is
    subByKey.set(`${s.country}|${short || key}`, place);
    if (short) subByKey.set(`${s.country}|${key}`, place);
  }

  let merged = 0;
  for (const p of sup.places) {
    const names = [p.name, ...(p.names ?? [])];
    let place = -1;
    if (p.country && (p.featureCode === 'ADM1' || p.featureCode === 'ADM2')) {
      for (const n of names) {
        const k = foldName(n);
        const hit = subByKey.get(`${p.country}|${shortDivisionKey(k) || k}`) ?? subByKey.get(`${p.country}|${k}`);
        if (hit !== undefined) {
          place = hit;
          break;
        }
      }
    }
    if (place >= 0) {
      merged++;
      if (p.lat !== undefined && p.lon !== undefined) {
        t.lat[place] = p.lat;
        t.lon[place] = p.lon;
      }
      t.setCode(place, p.featureCode);
    } else {
      if (p.lat === undefined || p.lon === undefined) {
        errors.push(`supplement place "${p.name}" (${p.country}) has no coordinates and matches no subdivision`);
        continue;
      }
      place = t.add({ name: p.name, lat: p.lat, lon: p.lon, population: p.population ?? 0, geonameId: 0, country: cIdx(p.country), admin1: p.country ? aIdx(p.country, p.admin1 ?? nearestAdmin1(p, byCountry)) : NO_ADMIN1, featureCode: p.featureCode });
    }
    t.key(p.name, place, 'name');
    // a curated town's other spellings ("Garba Tula" for Garbatulla) are as much its name as the first;
    // GeoNames' own alternates of small towns are often old or foreign names that collide with words
    const spelling = p.featureCode.startsWith('PPL') ? 'name' : 'alternate';
    for (const n of p.names ?? []) t.key(n, place, spelling);
    for (const d of p.demonyms ?? []) {
      t.key(d, place, 'demonym');
      const pl = pluralDemonym(d);
      if (pl) t.key(pl, place, 'demonym');
    }
  }

  // GeoNames populated places
  const geoIndex = new Map<number, number>();
  const byName = new Map<string, number[]>();
  for (const g of input.geonames) {
    const place = t.add({ name: g.name, lat: g.lat, lon: g.lon, population: g.population, geonameId: g.geonameId, country: cIdx(g.country), admin1: aIdx(g.country, g.admin1), featureCode: g.featureCode });
    geoIndex.set(g.geonameId, place);
    const forms = new Set<string>();
    t.key(g.name, place, 'name');
    forms.add(foldName(g.name));
    if (g.asciiName && g.asciiName !== g.name) {
      t.key(g.asciiName, place, 'name');
      forms.add(foldName(g.asciiName));
    }
    for (const a of g.alternateNames) {
      if (!usableAlternate(a, g.name)) continue;
      const k = foldName(a);
      if (forms.has(k)) continue;
      forms.add(k);
      t.key(a, place, 'alternate');
    }
    for (const f of forms) {
      const k = `${g.country}|${f}`;
      const a = byName.get(k);
      if (a) a.push(place);
      else byName.set(k, [place]);
    }
  }

  // Aliases: extra names for GeoNames places
  let aliased = 0;
  for (const a of sup.aliases) {
    let place = a.geonameId !== undefined ? geoIndex.get(a.geonameId) : undefined;
    if (place === undefined) {
      for (const n of [a.of, ...a.names]) {
        const hits = byName.get(`${a.country}|${foldName(n)}`);
        if (hits?.length) {
          place = hits.reduce((best, p) => (t.population[p]! > t.population[best]! ? p : best));
          break;
        }
      }
    }
    if (place === undefined) {
      errors.push(`supplement alias of "${a.of}" (${a.country}) matches no GeoNames place`);
      continue;
    }
    aliased++;
    for (const n of a.names) t.key(n, place, 'alternate');
  }

  // Keys sorted by UTF-16 code units, as the loader's binary search compares them.
  const keyList = [...t.keys.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keyOffsets = new Uint32Array(keyList.length + 1);
  const postingStarts = new Uint32Array(keyList.length + 1);
  const postings: number[] = [];
  let off = 0;
  keyList.forEach((k, i) => {
    keyOffsets[i] = off;
    off += k.length;
    postingStarts[i] = postings.length;
    // One posting per place, with its strongest kind (lowest number).
    const best = new Map<number, number>();
    for (const p of t.keys.get(k)!) {
      const place = p >>> 3;
      const kind = p & 7;
      const cur = best.get(place);
      if (cur === undefined || kind < cur) best.set(place, kind);
    }
    for (const [place, kind] of best) postings.push(((place << 3) | kind) >>> 0);
  });
  keyOffsets[keyList.length] = off;
  postingStarts[keyList.length] = postings.length;

  const nameOffsets = new Uint32Array(t.names.length + 1);
  let noff = 0;
  t.names.forEach((n, i) => {
    nameOffsets[i] = noff;
    noff += n.length;
  });
  nameOffsets[t.names.length] = noff;

  const buffer = encodeGazetteer({
    builtAt: new Date().toISOString(),
    sources: input.sources,
    placeCount: t.lat.length,
    keyCount: keyList.length,
    postingCount: postings.length,
    featureCodes: t.codes,
    countries: records,
    admin1: admin1Keys,
    admin1Names,
    columns: {
      lat: Float32Array.from(t.lat),
      lon: Float32Array.from(t.lon),
      population: Uint32Array.from(t.population),
      geonameId: Uint32Array.from(t.geonameId),
      country: Uint16Array.from(t.country),
      admin1: Uint16Array.from(t.admin1),
      featureCode: Uint8Array.from(t.featureCode),
      names: t.names.join(''),
      nameOffsets,
      keys: keyList.join(''),
      keyOffsets,
      postingStarts,
      postings: Uint32Array.from(postings),
    },
  });
  return {
    buffer,
    errors,
    stats: { places: t.lat.length, keys: keyList.length, postings: postings.length, countries: records.length, subdivisions: input.subdivisions.length, supplementPlaces: sup.places.length, mergedIntoSubdivisions: merged, aliases: aliased, bytes: buffer.byteLength },
  };
}

/** The admin1 code of the GeoNames town nearest a curated point (same country). */
function nearestAdmin1(p: SupplementPlace, byCountry: Map<string, GeoNamesPlace[]>): string | undefined {
  if (p.lat === undefined || p.lon === undefined || !p.country) return undefined;
  let best: GeoNamesPlace | undefined;
  let bestD = Infinity;
  const cos = Math.cos((p.lat * Math.PI) / 180);
  for (const g of byCountry.get(p.country) ?? []) {
    const dx = (g.lon - p.lon) * cos;
    const dy = g.lat - p.lat;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = g;
    }
  }
  return best?.admin1;
}
