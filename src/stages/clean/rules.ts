import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';
import type { BoilerplateBlock } from '../../core/layers/index.js';

export interface BoilerplateRule {
  id: string;
  kind: BoilerplateBlock['kind'];
  extend: 'match' | 'line';
  regex: RegExp;
}

export interface BoilerplateRules {
  version: number;
  rules: BoilerplateRule[];
  videoAnchors: RegExp;
  videoMaxGap: number;
  captionBeforeCredit: RegExp;
  bioFirstPerson: RegExp;
  bioProfession: RegExp;
  bioThirdPerson: RegExp;
  bioTailLines: number;
  bioMaxChars: number;
}

const KINDS = new Set(['byline', 'author-bio', 'credit', 'related-links', 'share', 'caption', 'subscription', 'video-player', 'dateline', 'other']);

function fail(path: string, message: string): never {
  throw new Error(`${path}: ${message}`);
}

function compile(path: string, where: string, pattern: unknown, flags: string): RegExp {
  if (typeof pattern !== 'string') fail(path, `${where}: pattern must be a string`);
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    fail(path, `${where}: invalid pattern (${(err as Error).message})`);
  }
}

/** Load and check the boilerplate rule file (a data file, edited by analysts). */
export function loadBoilerplateRules(path = dataPath('lexicons', 'boilerplate.json')): BoilerplateRules {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  if (typeof json.version !== 'number') fail(path, '"version" must be a number');
  if (!Array.isArray(json.rules)) fail(path, '"rules" must be an array');
  const rules = json.rules.map((r: any, i: number): BoilerplateRule => {
    const where = `rules[${i}]`;
    if (typeof r.id !== 'string') fail(path, `${where}: "id" must be a string`);
    if (!KINDS.has(r.kind)) fail(path, `${where}: unknown kind "${r.kind}"`);
    if (r.extend !== 'match' && r.extend !== 'line') fail(path, `${where}: "extend" must be "match" or "line"`);
    return { id: r.id, kind: r.kind, extend: r.extend, regex: compile(path, where, r.pattern, r.ignoreCase ? 'gmui' : 'gmu') };
  });
  const video = json.videoPlayer ?? {};
  const anchors: string[] = Array.isArray(video.anchors) ? video.anchors : [];
  const bio = json.authorBio ?? {};
  return {
    version: json.version,
    rules,
    videoAnchors: compile(path, 'videoPlayer.anchors', anchors.map((a) => `(?:${a})`).join('|') || '(?!)', 'gu'),
    videoMaxGap: typeof video.maxGap === 'number' ? video.maxGap : 160,
    captionBeforeCredit: compile(path, 'captionBeforeCredit', json.captionBeforeCredit ?? '(?!)', 'iu'),
    bioFirstPerson: compile(path, 'authorBio.firstPerson', bio.firstPerson ?? '(?!)', 'gu'),
    bioProfession: compile(path, 'authorBio.profession', bio.profession ?? '(?!)', 'iu'),
    bioThirdPerson: compile(path, 'authorBio.thirdPerson', bio.thirdPerson ?? '(?!)', 'mu'),
    bioTailLines: typeof bio.tailLines === 'number' ? bio.tailLines : 3,
    bioMaxChars: typeof bio.maxChars === 'number' ? bio.maxChars : 600,
  };
}
