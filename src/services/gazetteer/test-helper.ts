import { existsSync } from 'node:fs';
import { GAZETTEER_PATH, loadGazetteer, type Gazetteer } from './index.js';

let cached: Gazetteer | undefined;

/**
 * The built gazetteer for tests, or undefined (with a message) when it has not been
 * built: `npm install` runs scripts/build-gazetteer.mjs.
 */
export function testGazetteer(): Gazetteer | undefined {
  if (cached) return cached;
  if (!existsSync(GAZETTEER_PATH)) {
    console.warn(`# ${GAZETTEER_PATH} missing: run node scripts/build-gazetteer.mjs; gazetteer tests skip`);
    return undefined;
  }
  cached = loadGazetteer();
  return cached;
}
