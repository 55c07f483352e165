import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';

export interface RetrospectiveCue {
  id: string;
  regex: RegExp;
  reason: string;
  /** gives way to any recent date in the sentence, not only an adverbial one */
  weak: boolean;
  /** a running total up to now: "now" or "so far" (a present reference) does not make it today's news */
  holdsNow?: boolean;
}

/** The background stage's cues, loaded from data/lexicons/background.json. */
export interface BackgroundCues {
  version: number;
  thresholdDays: number;
  retrospective: RetrospectiveCue[];
  pluperfect: RegExp;
  presentCues: Set<string>;
  prepositions: Set<string>;
  recentRefs: Set<string>;
  /** a verb in the past tense, for the continuation of a past account */
  pastTense: RegExp;
  /** how many dateless past-tense sentences in a row may continue a marked one */
  continuationMax: number;
  /** words that keep a sentence out of a continued past account ("recently", "would") */
  continuationBlockers: Set<string>;
  /** words naming a violent incident, for an article whose incident is dated in the past */
  pastIncidentWords: Set<string>;
}

function fail(path: string, message: string): never {
  throw new Error(`${path}: ${message}`);
}

function compile(path: string, where: string, pattern: unknown): RegExp {
  if (typeof pattern !== 'string') fail(path, `${where}: pattern must be a string`);
  try {
    return new RegExp(pattern, 'iu');
  } catch (err) {
    fail(path, `${where}: invalid pattern (${(err as Error).message})`);
  }
}

function words(path: string, json: Record<string, unknown>, key: string): Set<string> {
  const v = json[key];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(path, `"${key}" must be an array of strings`);
  return new Set((v as string[]).map((s) => (key.endsWith('Refs') ? s : s.toLowerCase())));
}

function continuationMax(path: string, v: unknown): number {
  const max = (v as { maxSentences?: unknown } | undefined)?.maxSentences;
  if (typeof max !== 'number' || max < 0) fail(path, '"continuation.maxSentences" must be a number ≥ 0');
  return max;
}

/** Load and check the background cue file (a data file, edited by analysts). */
export function loadBackgroundCues(path = dataPath('lexicons', 'background.json')): BackgroundCues {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  if (typeof json.version !== 'number') fail(path, '"version" must be a number');
  if (typeof json.thresholdDays !== 'number' || json.thresholdDays < 0) fail(path, '"thresholdDays" must be a number ≥ 0');
  if (!Array.isArray(json.retrospective)) fail(path, '"retrospective" must be an array');
  const retrospective = (json.retrospective as Record<string, unknown>[]).map((c, i): RetrospectiveCue => {
    const where = `retrospective[${i}]`;
    if (typeof c.id !== 'string' || typeof c.reason !== 'string') fail(path, `${where}: "id" and "reason" must be strings`);
    return { id: c.id, regex: compile(path, where, c.pattern), reason: c.reason, weak: c.weak === true, ...(c.holdsNow === true ? { holdsNow: true } : {}) };
  });
  return {
    version: json.version,
    thresholdDays: json.thresholdDays,
    retrospective,
    pluperfect: compile(path, 'pluperfect', json.pluperfect),
    presentCues: words(path, json, 'presentCues'),
    prepositions: words(path, json, 'prepositions'),
    recentRefs: words(path, json, 'recentRefs'),
    pastTense: compile(path, 'pastTense', json.pastTense),
    continuationMax: continuationMax(path, json.continuation),
    continuationBlockers: words(path, (json.continuation ?? {}) as Record<string, unknown>, 'blockers'),
    pastIncidentWords: words(path, (json.pastIncident ?? {}) as Record<string, unknown>, 'words'),
  };
}

let cached: BackgroundCues | undefined;
export function defaultBackgroundCues(): BackgroundCues {
  cached ??= loadBackgroundCues();
  return cached;
}
