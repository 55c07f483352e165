import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';

let cached: Map<string, Set<string>> | undefined;

/** The things named after places (data/lexicons/named-after-places.json), by the folded place name. */
function thingTable(): Map<string, Set<string>> {
  if (cached) return cached;
  const path = dataPath('lexicons', 'named-after-places.json');
  const json = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; things?: unknown };
  if (typeof json.version !== 'number' || !json.things || typeof json.things !== 'object') throw new Error(`${path}: needs "version" and "things"`);
  const table = new Map<string, Set<string>>();
  for (const [place, words] of Object.entries(json.things as Record<string, unknown>)) {
    if (!Array.isArray(words) || words.some((w) => typeof w !== 'string')) throw new Error(`${path}: "${place}" needs a list of words`);
    table.set(place.toLowerCase(), new Set((words as string[]).map((w) => w.toLowerCase())));
  }
  cached = table;
  return table;
}

/** "Bermuda shorts", "a Panama hat", "Ebola virus", "AK-47": the place name (or code) names a thing by the word after it. */
export function namesAThing(text: string, start: number, end: number): boolean {
  const words = thingTable().get(text.slice(start, end).toLowerCase());
  const next = /^[\s-]+([\p{L}\p{N}]+)/u.exec(text.slice(end, end + 30));
  return !!words && !!next && words.has(next[1]!.toLowerCase());
}
