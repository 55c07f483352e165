import { dataFileError as fail, readDataFile, stringList } from '../../core/data-file.js';
import { dataPath } from '../../core/paths.js';

/** Which side of a fight a count's victims are on, by their head noun (data/lexicons/victim-groups.json). */
export interface VictimGroups {
  version: number;
  /** the side a victim noun names, or undefined for people of no named side */
  groupOf(who: string): string | undefined;
}

export function loadVictimGroups(path = dataPath('lexicons', 'victim-groups.json')): VictimGroups {
  const json = readDataFile(path);
  if (!Number.isInteger(json.version) || json.version < 1) fail(path, 'version must be a whole number from 1');
  if (!json.groups || typeof json.groups !== 'object' || Array.isArray(json.groups)) fail(path, 'groups must map a side to its nouns');
  const side = new Map<string, string>();
  for (const [group, nouns] of Object.entries(json.groups as Record<string, unknown>)) {
    for (const noun of stringList(path, `groups.${group}`, nouns)) {
      const known = side.get(noun);
      if (known && known !== group) fail(path, `"${noun}" is listed under both "${known}" and "${group}"`);
      side.set(noun, group);
    }
  }
  return {
    version: json.version,
    // the head is the last word of the phrase ("Afghan soldiers", "pro-regime fighters")
    groupOf: (who) => side.get(who.toLowerCase().match(/[\p{L}-]+(?=[^\p{L}-]*$)/u)?.[0] ?? ''),
  };
}
