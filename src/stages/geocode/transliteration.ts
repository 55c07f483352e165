import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';

/** [as written, as GeoNames spells it] */
type Pair = [string, string];

let cached: Map<string, string[]> | undefined;

/** The variant table (data/lexicons/transliteration.json), by the written word. */
function variantTable(): Map<string, string[]> {
  if (cached) return cached;
  const path = dataPath('lexicons', 'transliteration.json');
  const json = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; pairs?: unknown };
  if (typeof json.version !== 'number' || !Array.isArray(json.pairs)) throw new Error(`${path}: needs "version" and "pairs"`);
  const table = new Map<string, string[]>();
  for (const p of json.pairs as unknown[]) {
    if (!Array.isArray(p) || p.length !== 2 || p.some((w) => typeof w !== 'string')) throw new Error(`${path}: each pair is [written, gazetteer]`);
    const [from, to] = p as Pair;
    if (from !== to) table.set(from, [...(table.get(from) ?? []), to]);
  }
  cached = table;
  return table;
}

/**
 * Other spellings of an Arabic place name ("Deir al-Balah" → "Dayr al-Balah", "Deir el-Balah"),
 * one word changed at a time and then all at once, for a name the gazetteer lacks as written.
 */
export function transliterationVariants(name: string): string[] {
  const table = variantTable();
  const words = name.split(/([\s-]+)/);
  const out = new Set<string>();
  const all = [...words];
  words.forEach((w, i) => {
    const alts = table.get(w.toLowerCase());
    if (!alts) return;
    for (const alt of alts) {
      const v = [...words];
      v[i] = alt;
      out.add(v.join(''));
    }
    all[i] = alts[0]!;
  });
  out.add(all.join(''));
  out.delete(name);
  return [...out];
}
