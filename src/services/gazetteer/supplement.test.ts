import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateJson, type JsonSchema } from './json-schema.js';
import { checkSupplement, loadSupplement, SUPPLEMENT_SCHEMA_PATH, SupplementError } from './supplement.js';
import { pluralDemonym } from './build/builder.js';
import { shortDivisionKey } from './build/subdivisions.js';

const schema = JSON.parse(readFileSync(SUPPLEMENT_SCHEMA_PATH, 'utf8')) as JsonSchema;

test('the shipped supplement is valid and covers every country', () => {
  const s = loadSupplement();
  assert.ok(s.countries.length >= 245, `${s.countries.length} countries`);
  for (const iso of ['AZ', 'AM', 'GB', 'FR', 'UA', 'AF', 'KE', 'RU', 'US', 'SD', 'SS', 'PS', 'XK', 'TW']) {
    assert.ok(s.countries.some((c) => c.iso2 === iso), iso);
  }
  const az = s.countries.find((c) => c.iso2 === 'AZ')!;
  assert.ok(az.demonyms?.includes('Azeri') && az.demonyms.includes('Azerbaijani'));
  assert.ok(s.places.some((p) => p.name === 'Nagorno-Karabakh'));
  assert.ok(s.aliases.some((a) => a.names.includes('Stepanakert')));
});

test('schema errors name the place and the problem', () => {
  const bad = { version: '1', countries: [{ iso2: 'az', iso3: 'AZE', name: 'Azerbaijan', lat: 140, lon: 47 }], places: [{ name: 'X' }], aliases: [], extra: 1 };
  const problems = checkSupplement(bad, schema);
  assert.ok(problems.some((p) => p.includes('$.countries[0].iso2')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('$.countries[0].lat') && p.includes('above 90')));
  assert.ok(problems.some((p) => p.includes('$.places[0]') && p.includes('featureCode')));
  assert.ok(problems.some((p) => p.includes('unexpected "extra"')));
});

test('rules beyond the schema: duplicates, unknown countries, missing coordinates', () => {
  const c = { iso2: 'AZ', iso3: 'AZE', name: 'Azerbaijan', lat: 40.5, lon: 47.5 };
  const s = { version: '1', countries: [c, c], places: [{ name: 'Somewhere', featureCode: 'RGN', country: 'QQ' }], aliases: [{ of: 'X', country: 'QQ', names: ['Y'] }] };
  const problems = checkSupplement(s, schema);
  assert.ok(problems.some((p) => p.includes('AZ listed twice')));
  assert.ok(problems.some((p) => p.includes('only ADM1/ADM2 entries may leave out coordinates')));
  assert.ok(problems.some((p) => p.includes('unknown country QQ')));
});

test('a missing or broken file is an error naming the file', () => {
  assert.throws(() => loadSupplement('/no/such/supplement.json'), (e: Error) => e instanceof SupplementError && e.message.includes('/no/such/supplement.json'));
});

test('the validator handles types, enums, patterns and refs', () => {
  const s: JsonSchema = { type: 'object', required: ['a'], properties: { a: { $ref: '#/$defs/code' } }, $defs: { code: { type: 'string', pattern: '^[A-Z]{2}$' } } };
  assert.deepEqual(validateJson(s, { a: 'AZ' }), []);
  assert.equal(validateJson(s, { a: 'az' }).length, 1);
  assert.equal(validateJson(s, {}).length, 1);
  assert.equal(validateJson({ type: 'integer' }, 1.5).length, 1);
  assert.equal(validateJson({ enum: ['x'] }, 'y').length, 1);
});

test('demonym plurals and short division names', () => {
  assert.equal(pluralDemonym('Afghan'), 'Afghans');
  assert.equal(pluralDemonym('Iraqi'), 'Iraqis');
  assert.equal(pluralDemonym('Chinese'), undefined);
  assert.equal(pluralDemonym('French'), undefined);
  assert.equal(pluralDemonym('Swiss'), undefined);
  assert.equal(shortDivisionKey('kharkiv oblast'), 'kharkiv');
  assert.equal(shortDivisionKey('idlib governorate'), 'idlib');
  assert.equal(shortDivisionKey('kabul'), '');
});
