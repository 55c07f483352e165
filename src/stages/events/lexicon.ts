import { dataFileError as fail, readDataFile, stringList } from '../../core/data-file.js';
import { dataPath } from '../../core/paths.js';
import { PLOVER_TYPES, type PloverType } from '../../core/layers/index.js';

/** One trigger of data/lexicons/events.json (see events.schema.json). */
export interface TriggerEntry {
  /** lemmas of a one-word trigger or a phrase ("call for") */
  words: string[];
  type: PloverType;
  mode?: string;
  pos?: string[];
  next?: string[];
  prev?: string[];
  /** none of these lemmas may stand in the window before ("air strike" is no labour strike) */
  notPrev?: string[];
  /** none of these lemmas may stand in the window after ("riot police" is no riot) */
  notNext?: string[];
  window: number;
  sentenceHas?: string[];
  lowercase: boolean;
  speech: boolean;
  /** how specific the entry is: a conditional trigger beats a bare one on the same token */
  specificity: number;
}

/** Small closed word classes the argument rules use. */
export interface EventsGrammar {
  clauseBreaks: string[];
  /** clauseBreaks as a set, made by the loader */
  clauseBreakSet: ReadonlySet<string>;
  beForms: string[];
  targetPrepositions: string[];
  ignoreActorSectors: string[];
  speechVerbs: string[];
  /** "with France calling for": a preposition that can stand before the subject of an -ing clause */
  absolutePrepositions: string[];
  relativePronouns: string[];
  /** "I would accept": first-person words that make a quote's speaker the source */
  firstPerson: string[];
  /** prepositions that introduce the target after a noun trigger ("an appeal for witnesses") */
  nounTargetPrepositions: string[];
  /** types whose agent is the speaker when a passive names none ("police said five were detained") */
  speakerActsTypes: string[];
  /** code words of speakers who report a passive deed without doing it ("about 400 were arrested, Human Rights Watch said") */
  speakerNotAgentCodes: string[];
  /** "will", "ready", "promise": an intention before a trigger (see modality.ts) */
  intentMarkers: string[];
  /** "not", "never", "fail": a negation before a trigger */
  negations: string[];
  /** words that may stand between a marker and its trigger ("to", "continue", "help") */
  intentGap: string[];
  /** types an intention makes a promise (AGREE) and a negation a REJECT */
  promiseTypes: string[];
  /** types an intention makes a THREATEN */
  threatTypes: string[];
  /** words that may stand between a be-form and a passive participle ("were all indicted") */
  passiveGap: string[];
  /** verbs that need an object: without one after them they are headline passives ("man killed in Garissa") */
  transitiveOnly: string[];
  /** weapons and means: never an agent ("killed by a mortar shell") nor a target ("drone strike") */
  instrumentNouns: string[];
  /** "the ringleader of the attack": nouns naming who did a deed */
  agentNouns: string[];
  /** agentNouns as a set, made by the loader */
  agentNounSet: ReadonlySet<string>;
  /** trigger nouns that name the doers themselves ("protesters", "attackers"): their own event's source */
  /** nouns whose owner does the act of their infinitive ("the government's decision to suspend talks") */
  decisionNouns: string[];
  doerNouns: string[];
  /** "the victims of the attack": nouns naming who suffered it */
  victimNouns: string[];
  /** "six NATO service members": nouns naming people, a group or their post, which a name or demonym before them stands for */
  groupHeads: string[];
  /** types of giving, whose target is who receives ("delivered aid to the hospital") */
  recipientTypes: string[];
  /** nouns before a noun trigger that name its kind or time, not its target ("terror attack", "night raid") */
  notTargetModifiers: string[];
  /** trigger modes of legal acts ("charge", "indictment") done by a legal authority when no agent is named */
  legalModes: string[];
  /** words naming a legal authority ("prosecutor", "court") */
  legalWords: string[];
  /** actor sectors of protesters ("clashes between police and demonstrators") */
  protesterSectors: string[];
  /** types whose target is a protest's target when its protesters are their source ("demonstrators who accused him") */
  grievanceTypes: string[];
  /** "X launched an attack", "X carried out the bombing": verbs whose subject did the deed their object names */
  deedVerbs: string[];
  /** "a reservist implicated in the murder", "men convicted of the bombing": participles whose subject is the deed's alleged doer */
  allegedDoerVerbs: string[];
  /** "those responsible": phrases naming who did a deed, besides the agent nouns */
  perpetratorPhrases: string[];
  /** the perpetrator phrases split into words, listed by their first word (made by the loader) */
  perpetratorsByFirst: ReadonlyMap<string, readonly { phrase: string; words: string[] }[]>;
  /** "under heavy fire": a word before a trigger that makes its subject the one who suffered it */
  victimMarkers: string[];
  /** types whose missing source is taken from the sentences around (context.ts) */
  contextSourceTypes: string[];
  /** types whose missing target is a perpetrator named just before (context.ts) */
  contextTargetTypes: string[];
  /** actor sectors that suffer deeds rather than do them: never the story's attacker */
  victimSectors: string[];
  /** a modal of obligation as a demand ("X must do more, Y said"): the speaker demands, of the modal's subject */
  obligationModals: string[];
}

export interface EventsLexicon {
  version: number;
  irregular: Record<string, string>;
  grammar: EventsGrammar;
  triggers: TriggerEntry[];
}

const TYPES = new Set<string>(PLOVER_TYPES);
const KEYS = new Set(['lemma', 'type', 'mode', 'pos', 'next', 'prev', 'window', 'sentenceHas', 'lowercase', 'speech', 'notPrev', 'notNext']);

function optStrings(path: string, where: string, v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  return stringList(path, where, v).map((x) => x.toLowerCase());
}

function ploverList(path: string, where: string, v: unknown): string[] {
  const list = (optStrings(path, where, v) ?? []).map((x) => x.toUpperCase());
  for (const t of list) if (!TYPES.has(t)) fail(path, `${where}: unknown PLOVER type "${t}"`);
  return list;
}

/** Load and check the event trigger lexicon (a data file analysts edit). */
export function loadEventsLexicon(path = dataPath('lexicons', 'events.json')): EventsLexicon {
  const json = readDataFile(path);
  if (!Number.isInteger(json.version)) fail(path, '"version" must be an integer');
  if (!Array.isArray(json.triggers)) fail(path, '"triggers" must be an array');
  const irregular: Record<string, string> = {};
  for (const [k, v] of Object.entries((json.irregular ?? {}) as Record<string, unknown>)) {
    if (typeof v !== 'string' || !v) fail(path, `irregular.${k} must be a non-empty string`);
    irregular[k.toLowerCase()] = v.toLowerCase();
  }
  const triggers = (json.triggers as Record<string, any>[]).map((t, i): TriggerEntry => {
    const where = `triggers[${i}]`;
    for (const k of Object.keys(t)) if (!KEYS.has(k)) fail(path, `${where}: unknown field "${k}"`);
    if (typeof t.lemma !== 'string' || !t.lemma.trim()) fail(path, `${where}.lemma must be a non-empty string`);
    if (!TYPES.has(t.type)) fail(path, `${where}: unknown PLOVER type "${String(t.type)}"`);
    if (t.mode !== undefined && typeof t.mode !== 'string') fail(path, `${where}.mode must be a string`);
    if (t.window !== undefined && (!Number.isInteger(t.window) || t.window < 1)) fail(path, `${where}.window must be a positive integer`);
    const pos = t.pos === undefined ? undefined : (optStrings(path, `${where}.pos`, t.pos) ?? []).map((p) => p.toUpperCase());
    const next = optStrings(path, `${where}.next`, t.next);
    const prev = optStrings(path, `${where}.prev`, t.prev);
    const sentenceHas = optStrings(path, `${where}.sentenceHas`, t.sentenceHas);
    const notPrev = optStrings(path, `${where}.notPrev`, t.notPrev);
    const notNext = optStrings(path, `${where}.notNext`, t.notNext);
    return {
      words: t.lemma.toLowerCase().trim().split(/\s+/),
      type: t.type as PloverType,
      ...(t.mode ? { mode: t.mode as string } : {}),
      ...(pos ? { pos } : {}),
      ...(next ? { next } : {}),
      ...(prev ? { prev } : {}),
      window: t.window ?? 3,
      ...(sentenceHas ? { sentenceHas } : {}),
      ...(notPrev ? { notPrev } : {}),
      ...(notNext ? { notNext } : {}),
      lowercase: t.lowercase === true,
      speech: t.speech === true,
      specificity: (next || prev || sentenceHas ? 2 : 0) + (t.lemma.trim().includes(' ') ? 1 : 0),
    };
  });
  const g = (json.grammar ?? fail(path, '"grammar" must be an object')) as Record<string, unknown>;
  const list = (k: string) => optStrings(path, `grammar.${k}`, g[k]) ?? fail(path, `grammar.${k} is required`);
  const clauseBreaks = list('clauseBreaks');
  const agentNouns = optStrings(path, 'grammar.agentNouns', g.agentNouns) ?? [];
  const perpetratorPhrases = optStrings(path, 'grammar.perpetratorPhrases', g.perpetratorPhrases) ?? [];
  const grammar: EventsGrammar = {
    clauseBreaks,
    clauseBreakSet: new Set(clauseBreaks),
    beForms: list('beForms'),
    targetPrepositions: list('targetPrepositions'),
    ignoreActorSectors: list('ignoreActorSectors').map((x) => x.toUpperCase()),
    speechVerbs: list('speechVerbs'),
    absolutePrepositions: optStrings(path, 'grammar.absolutePrepositions', g.absolutePrepositions) ?? [],
    relativePronouns: optStrings(path, 'grammar.relativePronouns', g.relativePronouns) ?? [],
    firstPerson: optStrings(path, 'grammar.firstPerson', g.firstPerson) ?? [],
    nounTargetPrepositions: optStrings(path, 'grammar.nounTargetPrepositions', g.nounTargetPrepositions) ?? [],
    speakerActsTypes: (optStrings(path, 'grammar.speakerActsTypes', g.speakerActsTypes) ?? []).map((x) => x.toUpperCase()),
    speakerNotAgentCodes: (optStrings(path, 'grammar.speakerNotAgentCodes', g.speakerNotAgentCodes) ?? []).map((x) => x.toUpperCase()),
    intentMarkers: optStrings(path, 'grammar.intentMarkers', g.intentMarkers) ?? [],
    negations: optStrings(path, 'grammar.negations', g.negations) ?? [],
    intentGap: optStrings(path, 'grammar.intentGap', g.intentGap) ?? [],
    promiseTypes: ploverList(path, 'grammar.promiseTypes', g.promiseTypes),
    threatTypes: ploverList(path, 'grammar.threatTypes', g.threatTypes),
    passiveGap: optStrings(path, 'grammar.passiveGap', g.passiveGap) ?? [],
    transitiveOnly: optStrings(path, 'grammar.transitiveOnly', g.transitiveOnly) ?? [],
    instrumentNouns: optStrings(path, 'grammar.instrumentNouns', g.instrumentNouns) ?? [],
    agentNouns,
    agentNounSet: new Set(agentNouns),
    decisionNouns: optStrings(path, 'grammar.decisionNouns', g.decisionNouns) ?? [],
    doerNouns: optStrings(path, 'grammar.doerNouns', g.doerNouns) ?? [],
    victimNouns: optStrings(path, 'grammar.victimNouns', g.victimNouns) ?? [],
    groupHeads: optStrings(path, 'grammar.groupHeads', g.groupHeads) ?? [],
    recipientTypes: ploverList(path, 'grammar.recipientTypes', g.recipientTypes),
    notTargetModifiers: optStrings(path, 'grammar.notTargetModifiers', g.notTargetModifiers) ?? [],
    legalModes: optStrings(path, 'grammar.legalModes', g.legalModes) ?? [],
    legalWords: optStrings(path, 'grammar.legalWords', g.legalWords) ?? [],
    protesterSectors: (optStrings(path, 'grammar.protesterSectors', g.protesterSectors) ?? []).map((x) => x.toUpperCase()),
    grievanceTypes: ploverList(path, 'grammar.grievanceTypes', g.grievanceTypes),
    deedVerbs: optStrings(path, 'grammar.deedVerbs', g.deedVerbs) ?? [],
    allegedDoerVerbs: optStrings(path, 'grammar.allegedDoerVerbs', g.allegedDoerVerbs) ?? [],
    perpetratorPhrases,
    perpetratorsByFirst: byFirstWord(perpetratorPhrases),
    victimMarkers: optStrings(path, 'grammar.victimMarkers', g.victimMarkers) ?? [],
    contextSourceTypes: ploverList(path, 'grammar.contextSourceTypes', g.contextSourceTypes),
    contextTargetTypes: ploverList(path, 'grammar.contextTargetTypes', g.contextTargetTypes),
    victimSectors: (optStrings(path, 'grammar.victimSectors', g.victimSectors) ?? []).map((x) => x.toUpperCase()),
    obligationModals: optStrings(path, 'grammar.obligationModals', g.obligationModals) ?? [],
  };
  return { version: json.version, irregular, grammar, triggers };
}

/** Phrases split into words and listed by their first word, in the order given. */
function byFirstWord(phrases: readonly string[]): Map<string, { phrase: string; words: string[] }[]> {
  const byFirst = new Map<string, { phrase: string; words: string[] }[]>();
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const list = byFirst.get(words[0]!);
    if (list) list.push({ phrase, words });
    else byFirst.set(words[0]!, [{ phrase, words }]);
  }
  return byFirst;
}

/**
 * Candidate lemmas of a word form: the form itself and either its irregular lemma or the
 * regular suffix strips. A listed form has only its listed lemma: "aides" is no plural of "aid".
 */
export function lemmaCandidates(word: string, irregular: Record<string, string>): string[] {
  const w = word.toLowerCase().replace(/[’']s$/, '');
  const out = new Set<string>([w]);
  const irr = irregular[w];
  if (irr) return [...out.add(irr)];
  const add = (s: string) => {
    if (s.length >= 2) out.add(s);
  };
  if (w.endsWith('ies')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (/([bdgklmnprt])\1ed$/.test(w)) add(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(w.slice(0, -3) + 'e');
    if (/([bdgklmnprt])\1ing$/.test(w)) add(w.slice(0, -4));
  }
  return [...out];
}
