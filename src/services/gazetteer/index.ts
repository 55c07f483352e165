import { readFileSync, existsSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';
import { decodeGazetteer } from './format.js';
import { Gazetteer } from './gazetteer.js';

export { Gazetteer, type GazetteerEntry, type CountryInfo } from './gazetteer.js';
export { foldName } from './fold.js';
export type { MatchKind } from './format.js';
export { loadSupplement, type Supplement } from './supplement.js';

declare module '../../core/services.js' {
  interface Services {
    gazetteer?: Gazetteer;
  }
}

export const GAZETTEER_PATH = dataPath('gazetteer', 'gazetteer.bin');

export class GazetteerMissingError extends Error {}

/** Load the index built by scripts/build-gazetteer.mjs: one read and a few typed views. */
export function loadGazetteer(path: string = GAZETTEER_PATH): Gazetteer {
  if (!existsSync(path)) {
    throw new GazetteerMissingError(`${path} not found: build it with "node scripts/build-gazetteer.mjs" (npm install runs it)`);
  }
  const { header, columns } = decodeGazetteer(readFileSync(path));
  return new Gazetteer(header, columns);
}
