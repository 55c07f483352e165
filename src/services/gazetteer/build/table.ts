import { foldName, isLatinKey } from '../fold.js';
import { MATCH_KINDS, type MatchKind } from '../format.js';

/** Place columns and name postings as the build collects them. */
const KIND: Record<MatchKind, number> = Object.fromEntries(MATCH_KINDS.map((k, i) => [k, i])) as Record<MatchKind, number>;

export class Table {
  lat: number[] = [];
  lon: number[] = [];
  population: number[] = [];
  geonameId: number[] = [];
  country: number[] = [];
  admin1: number[] = [];
  featureCode: number[] = [];
  names: string[] = [];
  keys = new Map<string, number[]>();
  codes: string[] = [];
  private codeIndex = new Map<string, number>();

  setCode(place: number, code: string): void {
    let fc = this.codeIndex.get(code);
    if (fc === undefined) {
      fc = this.codes.length;
      this.codes.push(code);
      this.codeIndex.set(code, fc);
    }
    this.featureCode[place] = fc;
  }

  add(p: { name: string; lat: number; lon: number; population: number; geonameId: number; country: number; admin1: number; featureCode: string }): number {
    let fc = this.codeIndex.get(p.featureCode);
    if (fc === undefined) {
      fc = this.codes.length;
      this.codes.push(p.featureCode);
      this.codeIndex.set(p.featureCode, fc);
    }
    const i = this.lat.length;
    this.lat.push(p.lat);
    this.lon.push(p.lon);
    this.population.push(p.population);
    this.geonameId.push(p.geonameId);
    this.country.push(p.country);
    this.admin1.push(p.admin1);
    this.featureCode.push(fc);
    this.names.push(p.name);
    return i;
  }

  /** Index a surface form for a place; returns false when the form folds to nothing usable. */
  key(surface: string, place: number, kind: MatchKind): boolean {
    const k = foldName(surface);
    if (!k) return false;
    const list = this.keys.get(k);
    const posting = (place << 3) | KIND[kind];
    if (list) list.push(posting);
    else this.keys.set(k, [posting]);
    return true;
  }
}

/** Alternate names worth indexing: Latin script, capitalised, not a code, not a sentence. */
export function usableAlternate(a: string, primary: string): boolean {
  if (a.length < 2 || a.length > 40 || a === primary) return false;
  if (!/^\p{Lu}/u.test(a) || /\d/.test(a)) return false;
  if (a.length <= 4 && a === a.toUpperCase()) return false;
  return isLatinKey(foldName(a));
}

export function pluralDemonym(d: string): string | undefined {
  if (/(?:ese|ss|sh|ch|x|s|z)$/i.test(d) || !/[a-z]$/.test(d)) return undefined;
  return `${d}s`;
}

