import { readFileSync } from 'node:fs';

/** One populated place from GeoNames cities500 (tab-separated, see the GeoNames readme). */
export interface GeoNamesPlace {
  geonameId: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
}

// Historical, abandoned and destroyed places are not where today's news happens.
const SKIPPED_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

export function readGeoNames(path: string): GeoNamesPlace[] {
  const text = readFileSync(path, 'utf8');
  const out: GeoNamesPlace[] = [];
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    if (!line) continue;
    const f = line.split('\t');
    if (f.length < 15 || SKIPPED_CODES.has(f[7]!)) continue;
    out.push({
      geonameId: Number(f[0]),
      name: f[1]!,
      asciiName: f[2]!,
      alternateNames: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureCode: f[7]!,
      country: f[8]!,
      admin1: f[10]!,
      population: Number(f[14]) || 0,
    });
  }
  return out;
}
