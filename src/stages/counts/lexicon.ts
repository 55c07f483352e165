import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';
import type { CountKind, CountQualifier } from '../../core/layers/index.js';

export interface KindWords {
  participles: string[];
  participlePatterns: string[];
  verbs: string[];
  nouns: string[];
  tolls: string[];
}

export interface CountsLexicon {
  version: number;
  kinds: Partial<Record<CountKind, KindWords>>;
  auxiliaries: string[];
  qualifiers: Record<string, CountQualifier>;
  numberWords: Record<string, number>;
  multipliers: Record<string, number>;
  vague: Record<string, number>;
  whoNouns: string[];
  singularWho: string[];
  kindOnlyWho: Record<string, CountKind[]>;
  trapUnits: string[];
  trapPrefixes: string[];
  monthNames: string[];
  claimVerbs: string[];
  claimantStopWords: string[];
  /** nouns heading a claimant: "police and witnesses said" joins two claimants after one */
  claimantHeads: string[];
  /** one victim told without a number: "He later died", "lynched him" (patterns with a `who` group) */
  singleVictims: { kind: CountKind; pattern: string }[];
}

const KINDS = new Set<string>(['killed', 'injured', 'displaced', 'evacuated', 'arrested', 'detained', 'missing', 'kidnapped', 'captured']);
const QUALIFIERS = new Set<string>(['exact', 'at_least', 'more_than', 'approximately', 'up_to', 'less_than']);

function fail(path: string, message: string): never {
  throw new Error(`${path}: ${message}`);
}

function strings(path: string, where: string, v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.length > 0)) fail(path, `"${where}" must be an array of non-empty strings`);
  return v as string[];
}

function numbers(path: string, where: string, v: unknown): Record<string, number> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail(path, `"${where}" must be an object`);
  for (const [k, n] of Object.entries(v)) if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) fail(path, `"${where}.${k}" must be a non-negative number`);
  return v as Record<string, number>;
}

function singleVictims(path: string, v: unknown): { kind: CountKind; pattern: string }[] {
  if (!Array.isArray(v)) fail(path, '"singleVictims" must be an array');
  return v.map((x: any, i) => {
    if (!x || !KINDS.has(x.kind)) fail(path, `singleVictims[${i}]: unknown kind "${String(x?.kind)}"`);
    if (typeof x.pattern !== 'string') fail(path, `singleVictims[${i}]: "pattern" must be a string`);
    let re: RegExp;
    try {
      re = new RegExp(x.pattern, 'iu');
    } catch (err) {
      fail(path, `singleVictims[${i}]: invalid pattern (${(err as Error).message})`);
    }
    if (!re.source.includes('(?<who>')) fail(path, `singleVictims[${i}]: the pattern needs a named group "who"`);
    return { kind: x.kind as CountKind, pattern: x.pattern as string };
  });
}

/** Load and check the counts lexicon (a data file analysts edit; see counts.schema.json). */
export function loadCountsLexicon(path = dataPath('lexicons', 'counts.json')): CountsLexicon {
  let json: Record<string, any>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  } catch (err) {
    fail(path, `cannot read (${(err as Error).message})`);
  }
  if (typeof json.version !== 'number') fail(path, '"version" must be a number');
  if (!json.kinds || typeof json.kinds !== 'object') fail(path, '"kinds" must be an object');
  const kinds: Partial<Record<CountKind, KindWords>> = {};
  for (const [k, w] of Object.entries(json.kinds as Record<string, any>)) {
    if (!KINDS.has(k)) fail(path, `unknown kind "${k}"`);
    const words: KindWords = {
      participles: strings(path, `kinds.${k}.participles`, w.participles),
      participlePatterns: strings(path, `kinds.${k}.participlePatterns`, w.participlePatterns ?? []),
      verbs: strings(path, `kinds.${k}.verbs`, w.verbs),
      nouns: strings(path, `kinds.${k}.nouns`, w.nouns),
      tolls: strings(path, `kinds.${k}.tolls`, w.tolls),
    };
    for (const p of words.participlePatterns) {
      try {
        new RegExp(p, 'iu');
      } catch (err) {
        fail(path, `kinds.${k}.participlePatterns: invalid pattern ${p} (${(err as Error).message})`);
      }
    }
    kinds[k as CountKind] = words;
  }
  if (!json.qualifiers || typeof json.qualifiers !== 'object') fail(path, '"qualifiers" must be an object');
  for (const [k, q] of Object.entries(json.qualifiers as Record<string, unknown>)) {
    if (typeof q !== 'string' || !QUALIFIERS.has(q)) fail(path, `qualifier "${k}" maps to unknown "${String(q)}"`);
  }
  const kindOnlyWho = (json.kindOnlyWho ?? {}) as Record<string, unknown>;
  for (const [w, ks] of Object.entries(kindOnlyWho)) {
    for (const k of strings(path, `kindOnlyWho.${w}`, ks)) if (!KINDS.has(k)) fail(path, `kindOnlyWho.${w}: unknown kind "${k}"`);
  }
  return {
    version: json.version,
    kinds,
    auxiliaries: strings(path, 'auxiliaries', json.auxiliaries),
    qualifiers: json.qualifiers as Record<string, CountQualifier>,
    numberWords: numbers(path, 'numberWords', json.numberWords),
    multipliers: numbers(path, 'multipliers', json.multipliers),
    vague: numbers(path, 'vague', json.vague),
    whoNouns: strings(path, 'whoNouns', json.whoNouns),
    singularWho: strings(path, 'singularWho', json.singularWho),
    kindOnlyWho: kindOnlyWho as Record<string, CountKind[]>,
    trapUnits: strings(path, 'trapUnits', json.trapUnits),
    trapPrefixes: strings(path, 'trapPrefixes', json.trapPrefixes),
    monthNames: strings(path, 'monthNames', json.monthNames),
    claimVerbs: strings(path, 'claimVerbs', json.claimVerbs),
    claimantStopWords: strings(path, 'claimantStopWords', json.claimantStopWords),
    claimantHeads: strings(path, 'claimantHeads', json.claimantHeads),
    singleVictims: singleVictims(path, json.singleVictims ?? []),
  };
}

/** Escape a phrase for a regular expression; spaces match any run of white space. */
export function phrase(p: string): string {
  return p
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/['’]/g, "['’]")
    .replace(/\s+/g, '\\s+');
}

/** An alternation of phrases, longest first so "more than" beats "more". */
export function alternation(list: readonly string[]): string {
  const uniq = [...new Set(list)].sort((a, b) => b.length - a.length);
  return uniq.length ? `(?:${uniq.map(phrase).join('|')})` : '(?!)';
}
