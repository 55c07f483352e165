import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';
import type { ActorFile } from './types.js';

/**
 * Checks the actor file against the rules of data/actors/actors.schema.json by hand
 * (no schema library in the dependencies), reporting every problem with its path so
 * an analyst who edited the file can fix it.
 */
export class ActorFileError extends Error {}

const CODE = /^[A-Z]{2,4}( [A-Z]{2,4}){0,2}$/;
const ISO3 = /^[A-Z]{3}$/;
const SECTOR = /^(|GOV|MIL|REB|INS|IGO|CVL|PRO|COP|PTY|JUD|LEG|MED|NGO|BUS|SPY)$/;

type Obj = Record<string, unknown>;

function check(problems: string[], cond: boolean, where: string, message: string): void {
  if (!cond) problems.push(`${where}: ${message}`);
}

function isNames(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim().length > 0);
}

function checkItems(problems: string[], file: Obj, key: string, fields: Record<string, (v: unknown) => boolean>, optional: Record<string, (v: unknown) => boolean> = {}): void {
  const items = file[key];
  if (!Array.isArray(items)) {
    problems.push(`${key}: must be an array`);
    return;
  }
  items.forEach((item, i) => {
    const where = `${key}[${i}]`;
    if (!item || typeof item !== 'object') return void problems.push(`${where}: must be an object`);
    const o = item as Obj;
    for (const [f, ok] of Object.entries(fields)) check(problems, ok(o[f]), `${where}.${f}`, o[f] === undefined ? 'is required' : `invalid value ${JSON.stringify(o[f])}`);
    for (const [f, ok] of Object.entries(optional)) if (o[f] !== undefined) check(problems, ok(o[f]), `${where}.${f}`, `invalid value ${JSON.stringify(o[f])}`);
    for (const f of Object.keys(o)) check(problems, f in fields || f in optional, `${where}.${f}`, 'unknown field');
  });
}

const str = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const iso3 = (v: unknown) => typeof v === 'string' && ISO3.test(v);
const code = (v: unknown) => typeof v === 'string' && CODE.test(v);
const sector = (v: unknown) => typeof v === 'string' && SECTOR.test(v);
const bool = (v: unknown) => typeof v === 'boolean';

export function validateActorFile(value: unknown, source = 'actors.json'): ActorFile {
  const problems: string[] = [];
  if (!value || typeof value !== 'object') throw new ActorFileError(`${source}: not a JSON object`);
  const file = value as Obj;
  check(problems, typeof file.version === 'string' && /^\d+\.\d+\.\d+$/.test(file.version as string), 'version', 'must be a semantic version string');
  checkItems(problems, file, 'countries', { id: iso3, name: str, aliases: isNames, capitals: isNames, demonyms: isNames }, { seats: isNames });
  checkItems(problems, file, 'organisations', { id: str, name: str, code, aliases: isNames }, { country: iso3, armed: bool, title: bool, descriptions: isNames });
  checkItems(problems, file, 'regions', { id: str, name: str, aliases: isNames, country: iso3, rebels: (v) => !!v && typeof v === 'object' && code((v as Obj).code) && str((v as Obj).name) }, { descriptions: isNames });
  checkItems(problems, file, 'groups', { name: str, kind: (v) => v === 'religious' || v === 'ethnic' || v === 'political' });
  checkItems(problems, file, 'titles', { name: str, sector, aliases: isNames });
  checkItems(problems, file, 'institutions', { id: str, sector, name: str, nouns: isNames }, { localNouns: isNames });
  const rules = file.entityRules as Obj | undefined;
  if (!rules || typeof rules !== 'object') problems.push('entityRules: is required');
  else {
    for (const k of ['orgTails', 'placeTails', 'directionWords', 'locationPrepositions', 'policeModifiers', 'acronymStop']) check(problems, isNames(rules[k]), `entityRules.${k}`, 'must be a list of names');
    if (rules.orgTailSectors !== undefined) check(problems, !!rules.orgTailSectors && typeof rules.orgTailSectors === 'object' && Object.values(rules.orgTailSectors as Obj).every(sector), 'entityRules.orgTailSectors', 'must map words to sectors');
    if (rules.placeHeads !== undefined) check(problems, isNames(rules.placeHeads), 'entityRules.placeHeads', 'must be a list of names');
    for (const k of ['notNameWords', 'knownOrganisations', 'partyMemberNouns', 'nicknameCues']) if (rules[k] !== undefined) check(problems, isNames(rules[k]), `entityRules.${k}`, 'must be a list of names');
    const tails = rules.lowercasePlaceTails as Obj | undefined;
    check(problems, !!tails && typeof tails === 'object' && Object.values(tails).every((v) => v === 'LOC' || v === 'GPE'), 'entityRules.lowercasePlaceTails', 'must map words to LOC or GPE');
  }
  // ids must be unique: they are what actor mentions point back to
  for (const key of ['countries', 'organisations', 'regions', 'institutions']) {
    const seen = new Set<string>();
    const items = Array.isArray(file[key]) ? (file[key] as Obj[]) : [];
    for (const item of items) {
      const id = item?.id as string;
      check(problems, !seen.has(id), `${key}`, `duplicate id "${id}"`);
      seen.add(id);
    }
  }
  if (problems.length) throw new ActorFileError(`${source}: ${problems.length} problem(s):\n  ${problems.slice(0, 30).join('\n  ')}`);
  return file as unknown as ActorFile;
}

export function readActorFile(path = dataPath('actors', 'actors.json')): ActorFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ActorFileError(`${path}: ${(err as Error).message}`);
  }
  return validateActorFile(parsed, path);
}

/** One name per line, '#' comments: the NER gazetteer lists in data/ner/gazetteers. */
export function readNameList(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  } catch {
    return [];
  }
}
