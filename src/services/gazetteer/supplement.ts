import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';
import { validateJson, type JsonSchema } from './json-schema.js';

export interface SupplementCountry {
  iso2: string;
  iso3: string;
  name: string;
  names?: string[];
  /** short forms that are only trusted as written: "US", "UK", "DRC" */
  abbreviations?: string[];
  demonyms?: string[];
  lat: number;
  lon: number;
  independent?: boolean;
  population?: number;
}

export type SupplementFeatureCode =
  | 'ADM1' | 'ADM2' | 'RGN' | 'CONT' | 'SEA' | 'OCN' | 'GULF' | 'STRT' | 'LK' | 'STM' | 'MTS' | 'ISL'
  | 'PPL' | 'PPLA' | 'PPLC' | 'AREA';

export interface SupplementPlace {
  name: string;
  names?: string[];
  demonyms?: string[];
  country?: string;
  admin1?: string;
  featureCode: SupplementFeatureCode;
  lat?: number;
  lon?: number;
  population?: number;
}

export interface SupplementAlias {
  of: string;
  country: string;
  geonameId?: number;
  names: string[];
}

export interface Supplement {
  version: string;
  notes?: string;
  countries: SupplementCountry[];
  places: SupplementPlace[];
  aliases: SupplementAlias[];
}

export class SupplementError extends Error {}

export const SUPPLEMENT_PATH = dataPath('gazetteer', 'supplement.json');
export const SUPPLEMENT_SCHEMA_PATH = dataPath('gazetteer', 'supplement.schema.json');

/** Check a parsed supplement against the schema and the rules a schema cannot say. */
export function checkSupplement(value: unknown, schema: JsonSchema): string[] {
  const problems = validateJson(schema, value).map((e) => `${e.path}: ${e.message}`);
  if (problems.length) return problems;
  const s = value as Supplement;
  const seen = new Set<string>();
  for (const c of s.countries) {
    if (seen.has(c.iso2)) problems.push(`countries: ${c.iso2} listed twice`);
    seen.add(c.iso2);
  }
  s.places.forEach((p, i) => {
    if ((p.lat === undefined) !== (p.lon === undefined)) problems.push(`places[${i}] ${p.name}: give both lat and lon`);
    if (p.lat === undefined && p.featureCode !== 'ADM1' && p.featureCode !== 'ADM2') {
      problems.push(`places[${i}] ${p.name}: only ADM1/ADM2 entries may leave out coordinates`);
    }
    if (p.lat === undefined && !p.country) problems.push(`places[${i}] ${p.name}: without coordinates a country is needed`);
    if (p.country && !seen.has(p.country)) problems.push(`places[${i}] ${p.name}: unknown country ${p.country}`);
  });
  s.aliases.forEach((a, i) => {
    if (!seen.has(a.country)) problems.push(`aliases[${i}] ${a.of}: unknown country ${a.country}`);
  });
  return problems;
}

/** Read and validate the supplement; a bad file is an error that names the file and the problems. */
export function loadSupplement(path = SUPPLEMENT_PATH, schemaPath = SUPPLEMENT_SCHEMA_PATH): Supplement {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SupplementError(`${path}: cannot read gazetteer supplement: ${(e as Error).message}`);
  }
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonSchema;
  const problems = checkSupplement(value, schema);
  if (problems.length) throw new SupplementError(`${path}: invalid gazetteer supplement:\n  ${problems.join('\n  ')}`);
  return value as Supplement;
}
