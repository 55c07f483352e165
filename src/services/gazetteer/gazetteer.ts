import { foldName } from './fold.js';
import { MATCH_KINDS, NO_ADMIN1, type CountryRecord, type GazetteerColumns, type GazetteerHeader, type MatchKind } from './format.js';

/** One place a surface form may name. */
export interface GazetteerEntry {
  /** index in this gazetteer (stable for one build) */
  index: number;
  geonameId?: number;
  name: string;
  /** ISO 3166-1 alpha-2, '' for places spanning countries (continents, seas) */
  country: string;
  /** GeoNames admin1 code */
  admin1?: string;
  /** name of that first-level division, when known */
  admin1Name?: string;
  lat: number;
  lon: number;
  /** GeoNames feature class: P populated place, A administrative, L area, H water, T relief */
  featureClass: string;
  featureCode: string;
  population: number;
  /** how the surface form names it */
  match: MatchKind;
}

export interface CountryInfo extends CountryRecord {}

const EMPTY: GazetteerEntry[] = [];

function featureClassOf(code: string): string {
  if (code.startsWith('PPL') || code === 'STLMT') return 'P';
  if (code.startsWith('ADM') || code.startsWith('PCL') || code === 'TERR') return 'A';
  if (code === 'SEA' || code === 'OCN' || code === 'GULF' || code === 'STRT' || code === 'LK' || code === 'STM') return 'H';
  if (code === 'MTS' || code === 'ISL') return 'T';
  return 'L';
}

export class Gazetteer {
  private readonly classes: string[];
  private readonly byCode = new Map<string, CountryInfo>();
  private readonly byName = new Map<string, CountryInfo>();
  private readonly byDemonym = new Map<string, CountryInfo>();
  private readonly cache = new Map<string, GazetteerEntry[]>();
  private readonly prefixCache = new Map<string, boolean>();

  constructor(readonly header: GazetteerHeader, private readonly c: GazetteerColumns) {
    this.classes = header.featureCodes.map(featureClassOf);
    for (const rec of header.countries) {
      this.byCode.set(rec.iso2, rec);
      this.byCode.set(rec.iso3, rec);
      for (const n of [rec.name, ...rec.names]) if (!this.byName.has(foldName(n))) this.byName.set(foldName(n), rec);
      for (const d of rec.demonyms) if (!this.byDemonym.has(foldName(d))) this.byDemonym.set(foldName(d), rec);
    }
  }

  get size(): number {
    return this.header.placeCount;
  }

  get countries(): readonly CountryInfo[] {
    return this.header.countries;
  }

  /** Every place the surface form may name (case, diacritics and punctuation folded). Treat the result as read-only. */
  lookup(surface: string): GazetteerEntry[] {
    return this.lookupKey(foldName(surface));
  }

  /** Like lookup, for a key already folded with foldName. */
  lookupKey(key: string): GazetteerEntry[] {
    // News repeats its names: keep recent answers (entries are never mutated by users).
    const hit = this.cache.get(key);
    if (hit) return hit;
    const out = this.readKey(key);
    if (this.cache.size >= 20_000) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  private readKey(key: string): GazetteerEntry[] {
    const k = this.findKey(key);
    if (k < 0) return EMPTY;
    const out: GazetteerEntry[] = [];
    const { postingStarts, postings } = this.c;
    for (let i = postingStarts[k]!; i < postingStarts[k + 1]!; i++) {
      const p = postings[i]!;
      out.push(this.entry(p >>> 3, MATCH_KINDS[p & 7]!));
    }
    return out;
  }

  has(surface: string): boolean {
    return this.findKey(foldName(surface)) >= 0;
  }

  hasKey(key: string): boolean {
    return this.findKey(key) >= 0;
  }

  /** Is there any name that starts with this folded prefix? (lets recognisers stop extending early) */
  hasPrefix(prefix: string): boolean {
    // Asked for every capitalised word of every article: remember the answers.
    const hit = this.prefixCache.get(prefix);
    if (hit !== undefined) return hit;
    const i = this.lowerBound(prefix);
    const out = i < this.header.keyCount && this.c.keyOffsets[i + 1]! - this.c.keyOffsets[i]! >= prefix.length && this.c.keys.startsWith(prefix, this.c.keyOffsets[i]!);
    if (this.prefixCache.size >= 50_000) this.prefixCache.clear();
    this.prefixCache.set(prefix, out);
    return out;
  }

  entry(index: number, match: MatchKind = 'name'): GazetteerEntry {
    const c = this.c;
    const cc = c.country[index]!;
    const a1 = c.admin1[index]!;
    const code = this.header.featureCodes[c.featureCode[index]!]!;
    const e: GazetteerEntry = {
      index,
      name: c.names.slice(c.nameOffsets[index]!, c.nameOffsets[index + 1]!),
      country: cc === NO_ADMIN1 ? '' : this.header.countries[cc]!.iso2,
      lat: Math.round(c.lat[index]! * 1e5) / 1e5,
      lon: Math.round(c.lon[index]! * 1e5) / 1e5,
      featureClass: this.classes[c.featureCode[index]!]!,
      featureCode: code,
      population: c.population[index]!,
      match,
    };
    if (c.geonameId[index]) e.geonameId = c.geonameId[index]!;
    if (a1 !== NO_ADMIN1) {
      const key = this.header.admin1[a1]!;
      e.admin1 = key.slice(key.indexOf('.') + 1);
      if (this.header.admin1Names[a1]) e.admin1Name = this.header.admin1Names[a1];
    }
    return e;
  }

  /** A country by ISO 3166-1 alpha-2 or alpha-3 code, name or demonym ("AZ", "AZE", "Azerbaijan", "Azeri"). */
  country(query: string): CountryInfo | undefined {
    const up = query.trim().toUpperCase();
    if (/^[A-Z]{2,3}$/.test(up) && this.byCode.has(up) && query.trim() === up) return this.byCode.get(up);
    const k = foldName(query);
    return this.byName.get(k) ?? this.byDemonym.get(k) ?? (/^[a-z]{2,3}$/.test(k) ? this.byCode.get(k.toUpperCase()) : undefined);
  }

  countryByCode(code: string): CountryInfo | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  countryByName(name: string): CountryInfo | undefined {
    return this.byName.get(foldName(name));
  }

  countryByDemonym(demonym: string): CountryInfo | undefined {
    return this.byDemonym.get(foldName(demonym));
  }

  /** The place record of a country, as a lookup entry. */
  countryEntry(iso2: string): GazetteerEntry | undefined {
    const rec = this.byCode.get(iso2);
    return rec ? this.entry(rec.place) : undefined;
  }

  admin1Name(country: string, code: string): string | undefined {
    const i = this.header.admin1.indexOf(`${country}.${code}`);
    return i >= 0 ? this.header.admin1Names[i] || undefined : undefined;
  }

  /** keyAt(i) compared with key in UTF-16 code unit order (as `<` compares strings), without slicing it out */
  private compareKeyAt(i: number, key: string): number {
    const keys = this.c.keys;
    const a = this.c.keyOffsets[i]!;
    const len = this.c.keyOffsets[i + 1]! - a;
    const n = Math.min(len, key.length);
    for (let k = 0; k < n; k++) {
      const d = keys.charCodeAt(a + k) - key.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - key.length;
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.header.keyCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareKeyAt(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private findKey(key: string): number {
    if (!key) return -1;
    const i = this.lowerBound(key);
    return i < this.header.keyCount && this.compareKeyAt(i, key) === 0 ? i : -1;
  }
}
