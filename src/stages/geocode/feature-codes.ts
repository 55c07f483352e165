/**
 * GeoNames feature codes grouped by the size of what they name, one meaning a set, shared by
 * the geocode files (each used to keep its own copy, three of them under one name).
 */

/** a country, independent or dependent, or a territory */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(['PCLI', 'PCLD', 'TERR']);

/** areas wider than a country or across borders: continents, regions, seas, oceans, gulfs, straits */
const BEYOND_COUNTRY = ['CONT', 'RGN', 'SEA', 'OCN', 'GULF', 'STRT'];

/** a country, a territory or anything wider: a name too wide to place a street or to be the article's town */
export const WIDE_CODES: ReadonlySet<string> = new Set([...COUNTRY_CODES, ...BEYOND_COUNTRY]);

/** a country or a territory, or its first-level division: whose short alternate names are abbreviations ("DRC", "NSW") */
export const COUNTRY_OR_ADM1_CODES: ReadonlySet<string> = new Set([...COUNTRY_CODES, 'ADM1']);
