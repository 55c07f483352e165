import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';

export interface SpeechVerb {
  lemma: string;
  forms: string[];
  /** takes a reported clause or direct content */
  clause: boolean;
  addressee?: boolean;
  particle?: string;
  /** a to-infinitive after the verb is a deed, not what was said ("agreed to reopen the border") */
  infinitiveIsAction?: boolean;
}

export interface SpeechLexicon {
  version: string;
  verbs: SpeechVerb[];
  prepositional: string[];
  /** words before a short quoted phrase that make it the writer's term ("the “rigged system”", "his “open door” policy") */
  termMarkers: Set<string>;
  /** words that make the quoted phrase after them a name or title ("so-called", "titled") */
  termNamers: Set<string>;
  /** form (lower case) -> the verbs it may belong to, particle entries first */
  byForm: Map<string, SpeechVerb[]>;
}

/** Check the shape the schema describes; a broken data file is a bug, so it throws. */
export function parseSpeechLexicon(json: unknown): SpeechLexicon {
  const o = json as Record<string, unknown>;
  if (!o || typeof o.version !== 'string' || !Array.isArray(o.verbs) || !Array.isArray(o.prepositional)) {
    throw new Error('speech-verbs lexicon: needs version, verbs and prepositional');
  }
  const verbs: SpeechVerb[] = [];
  for (const v of o.verbs as Record<string, unknown>[]) {
    if (typeof v.lemma !== 'string' || !Array.isArray(v.forms) || typeof v.clause !== 'boolean') {
      throw new Error(`speech-verbs lexicon: bad entry ${JSON.stringify(v)}`);
    }
    const verb: SpeechVerb = { lemma: v.lemma, forms: (v.forms as string[]).map((f) => f.toLowerCase()), clause: v.clause };
    if (v.addressee === true) verb.addressee = true;
    if (typeof v.particle === 'string') verb.particle = v.particle.toLowerCase();
    if (v.infinitiveIsAction === true) verb.infinitiveIsAction = true;
    verbs.push(verb);
  }
  const byForm = new Map<string, SpeechVerb[]>();
  for (const v of verbs) {
    for (const f of v.forms) {
      const list = byForm.get(f) ?? [];
      list.push(v);
      // a particle verb ("called on") must be tried before the bare one ("called")
      list.sort((a, b) => Number(b.particle !== undefined) - Number(a.particle !== undefined));
      byForm.set(f, list);
    }
  }
  const words = (key: string) => new Set(Array.isArray(o[key]) ? (o[key] as unknown[]).filter((w): w is string => typeof w === 'string').map((w) => w.toLowerCase()) : []);
  const prepositional = (o.prepositional as string[]).map((p) => p.toLowerCase());
  return { version: o.version, verbs, prepositional, termMarkers: words('termMarkers'), termNamers: words('termNamers'), byForm };
}

let cached: SpeechLexicon | undefined;
/** the shipped lexicon's path, joined once: the stage asks for the lexicon on every document */
const SHIPPED = dataPath('lexicons', 'speech-verbs.json');
export function loadSpeechLexicon(path = SHIPPED): SpeechLexicon {
  if (path === SHIPPED && cached) return cached;
  const lex = parseSpeechLexicon(JSON.parse(readFileSync(path, 'utf8')));
  if (path === SHIPPED) cached = lex;
  return lex;
}
