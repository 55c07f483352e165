import { dataFileError as fail, readDataFile, stringList } from '../../core/data-file.js';
import { dataPath } from '../../core/paths.js';
import { PLOVER_TYPES, type EventRecord } from '../../core/layers/index.js';
import { UNREALISED_MODES } from './modality.js';
import { objectKind, roles, sectorOf, targetKind } from './acled-roles.js';

/** ACLED event types and their sub-event types (the ACLED codebook, 2023). */
export const ACLED_SUB_EVENTS: Record<string, string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Shelling/artillery/missile attack', 'Air/drone strike', 'Suicide bomb', 'Remote explosive/landmine/IED', 'Grenade', 'Chemical weapon'],
  'Violence against civilians': ['Attack', 'Abduction/forced disappearance', 'Sexual violence'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};

export interface AcledRule {
  any?: RegExp;
  all?: RegExp[];
  types?: string[];
  sourceState?: boolean;
  targetArmed?: boolean;
  targetCivilian?: boolean;
  /** the source is a crowd, residents or rioters rather than an organised armed group */
  sourceCrowd?: boolean;
  clash?: boolean;
  /** test `any`/`all` against the sentence and the ones after it (the note around a protest) */
  wide?: boolean;
  /** none of these words may occur */
  none?: RegExp;
  /** one of these phrase patterns (regular expressions, case-insensitive) occurs: word order the word lists cannot tell */
  patterns?: RegExp[];
  eventType: string;
  subEventType: string;
}

export interface AcledLexicon {
  version: number;
  sectorCodes: Record<string, number>;
  stateSectors: string[];
  /** sectors whose members carry arms: a target from them makes a battle */
  armedSectors: string[];
  /** sectors of unorganised crowds: their violence is a riot */
  crowdSectors: string[];
  crowd: RegExp;
  armed: RegExp;
  civilian: RegExp;
  clash: RegExp;
  unidentified: RegExp;
  actorNames: Record<string, string>;
  /** lower-cased sub-event names a note may open with ("Movement of forces: ..."), and their type */
  notePrefixes: Record<string, { eventType: string; subEventType: string }>;
  rules: AcledRule[];
}

/** Words as one case-insensitive regular expression; a trailing * matches any word ending. */
export function wordsPattern(words: readonly string[]): RegExp {
  const alts = words.map((w) => {
    const star = w.endsWith('*');
    const body = (star ? w.slice(0, -1) : w).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]+');
    return star ? `${body}[\\w-]*` : body;
  });
  return new RegExp(`(?<![\\w-])(?:${alts.join('|') || '(?!)'})(?![\\w])`, 'iu');
}

function phrasePattern(path: string, where: string, source: string): RegExp {
  try {
    return new RegExp(source, 'iu');
  } catch (err) {
    return fail(path, `${where}: not a regular expression (${(err as Error).message})`);
  }
}

export function loadAcledLexicon(path = dataPath('lexicons', 'acled.json')): AcledLexicon {
  const json = readDataFile(path);
  if (!Number.isInteger(json.version)) fail(path, '"version" must be an integer');
  if (!Array.isArray(json.rules)) fail(path, '"rules" must be an array');
  const rules = (json.rules as Record<string, any>[]).map((r, i): AcledRule => {
    const where = `rules[${i}]`;
    const subs = ACLED_SUB_EVENTS[r.eventType as string];
    if (!subs) fail(path, `${where}: unknown ACLED event type "${String(r.eventType)}"`);
    if (!subs.includes(r.subEventType)) fail(path, `${where}: "${String(r.subEventType)}" is no sub-event type of ${r.eventType}`);
    const types = r.types === undefined ? undefined : stringList(path, `${where}.types`, r.types);
    for (const t of types ?? []) if (!(PLOVER_TYPES as readonly string[]).includes(t)) fail(path, `${where}: unknown PLOVER type "${t}"`);
    if (r.all !== undefined && !Array.isArray(r.all)) fail(path, `${where}.all must be an array of word lists`);
    return {
      ...(r.any ? { any: wordsPattern(stringList(path, `${where}.any`, r.any)) } : {}),
      ...(r.all ? { all: (r.all as unknown[]).map((g, j) => wordsPattern(stringList(path, `${where}.all[${j}]`, g))) } : {}),
      ...(types ? { types } : {}),
      ...(typeof r.sourceState === 'boolean' ? { sourceState: r.sourceState } : {}),
      ...(typeof r.targetArmed === 'boolean' ? { targetArmed: r.targetArmed } : {}),
      ...(typeof r.targetCivilian === 'boolean' ? { targetCivilian: r.targetCivilian } : {}),
      ...(typeof r.clash === 'boolean' ? { clash: r.clash } : {}),
      ...(typeof r.sourceCrowd === 'boolean' ? { sourceCrowd: r.sourceCrowd } : {}),
      ...(r.wide === true ? { wide: true } : {}),
      ...(r.none ? { none: wordsPattern(stringList(path, `${where}.none`, r.none)) } : {}),
      ...(r.patterns ? { patterns: stringList(path, `${where}.patterns`, r.patterns).map((p, j) => phrasePattern(path, `${where}.patterns[${j}]`, p)) } : {}),
      eventType: r.eventType,
      subEventType: r.subEventType,
    };
  });
  const notePrefixes: AcledLexicon['notePrefixes'] = {};
  for (const [prefix, pair] of Object.entries((json.notePrefixes ?? {}) as Record<string, unknown>)) {
    const [eventType, subEventType] = Array.isArray(pair) ? (pair as string[]) : [];
    if (!eventType || !ACLED_SUB_EVENTS[eventType]?.includes(subEventType!)) fail(path, `notePrefixes.${prefix}: not an ACLED event type and sub-event type`);
    notePrefixes[prefix.toLowerCase()] = { eventType, subEventType: subEventType! };
  }
  const codes = (json.sectorCodes ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(codes)) if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 8) fail(path, `sectorCodes.${k} must be 1..8`);
  return {
    version: json.version,
    sectorCodes: codes as Record<string, number>,
    stateSectors: stringList(path, 'stateSectors', json.stateSectors),
    armedSectors: stringList(path, 'armedSectors', json.armedSectors),
    crowdSectors: stringList(path, 'crowdSectors', json.crowdSectors),
    crowd: wordsPattern(stringList(path, 'crowdWords', json.crowdWords)),
    armed: wordsPattern(stringList(path, 'armedWords', json.armedWords)),
    civilian: wordsPattern(stringList(path, 'civilianWords', json.civilianWords)),
    clash: wordsPattern(stringList(path, 'clashWords', json.clashWords)),
    unidentified: wordsPattern(stringList(path, 'unidentifiedWords', json.unidentifiedWords)),
    actorNames: (json.actorNames ?? {}) as Record<string, string>,
    notePrefixes,
    rules,
  };
}


/**
 * The ACLED event type, sub-event type and interaction code of one event, read from its sentence.
 * `following` is the text around the sentence in its note or paragraph: how a protest ended
 * ("Police fired tear gas to disperse the crowd") is often told in the next sentence.
 */
export type AcledEventView = Pick<EventRecord, 'type' | 'source' | 'target'> & Partial<Pick<EventRecord, 'trigger' | 'sentenceSpan'>>;

export function acledView(e: AcledEventView, sentence: string, lex: AcledLexicon, following = ''): NonNullable<EventRecord['acled']> {
  const rule = lex.rules[acledRuleIndex(e, sentence, lex, following)];
  // the label opens the note: the sentence itself, or the one before it, which `following` starts with
  const labelOf = (text: string) => lex.notePrefixes[/^\s*([A-Za-z][\w /-]{2,40}?)\s*:/.exec(text)?.[1]?.toLowerCase() ?? ''];
  const named = labelOf(sentence) ?? labelOf(following);
  const view: NonNullable<EventRecord['acled']> = named ? { ...named } : { eventType: rule?.eventType ?? 'Strategic developments', subEventType: rule?.subEventType ?? 'Other' };
  const codeOf = (p: EventRecord['source']) => {
    const sector = sectorOf(p?.actorCode);
    return sector ? lex.sectorCodes[sector] : undefined;
  };
  const a = codeOf(e.source);
  const b = codeOf(e.target);
  if (a !== undefined || b !== undefined) {
    const [x, y] = [a ?? b!, a !== undefined ? b : undefined];
    view.interaction = y === undefined ? x * 10 : Math.min(x, y) * 10 + Math.max(x, y);
  }
  return view;
}

/** `re.test(text)` for one text, each regex tested once */
type Tests = (re: RegExp) => boolean;

/**
 * The rules' regex tests of the texts read last. The events of one sentence, and an event
 * read again once its participants are filled in, read the same texts with the same rules;
 * the rules' regexes are neither global nor sticky, so a test depends on the text alone.
 */
const testsByText = new Map<string, Map<RegExp, boolean>>();

function testsOf(text: string): Tests {
  let done = testsByText.get(text);
  if (!done) {
    if (testsByText.size >= 8) testsByText.clear();
    testsByText.set(text, (done = new Map()));
  }
  const known = done;
  return (re) => {
    let found = known.get(re);
    if (found === undefined) known.set(re, (found = re.test(text)));
    return found;
  };
}

/** The index of the first rule of the lexicon that matches the event (-1: none), so a pick can be explained. */
export function acledRuleIndex(e: AcledEventView, sentence: string, lex: AcledLexicon, following = ''): number {
  const { srcSector, tgtSector, srcText, tgtText, object } = roles(e, sentence);
  const sourceState = srcSector ? lex.stateSectors.includes(srcSector) : undefined;
  const triggerEnd = e.trigger && e.sentenceSpan ? e.trigger.end - e.sentenceSpan.start : undefined;
  // what only some rules ask is read when the first of them does (most events stop at a rule before)
  let kind: { targetArmed: boolean; targetCivilian: boolean } | undefined;
  const kindOf = () => (kind ??= (object && objectKind(lex, object)) || targetKind(lex, sentence, tgtText, tgtSector, srcText, triggerEnd));
  let sourceCrowd: boolean | undefined;
  const crowdOf = () => (sourceCrowd ??= srcSector ? lex.crowdSectors.includes(srcSector) || lex.crowd.test(srcText) : lex.crowd.test(srcText));
  let clash: boolean | undefined;
  const clashOf = () => (clash ??= lex.clash.test(withoutCodedElsewhere(sentence)));
  const read = (text: string) => withoutRiotPolice(withoutCodedElsewhere(e.type === 'PROTEST' ? withoutGrievance(text) : text));
  let own: Tests | undefined;
  let wide: Tests | undefined;
  let ownText: string | undefined;
  const ownTests = () => (own ??= testsOf((ownText = read(sentence))));
  const wideTests = () => (wide ??= testsOf(`${ownText ?? read(sentence)} ${read(following)}`));
  // phrase patterns see the grievance too: "a group protesting against the results attacks an aide"
  let raw: Tests | undefined;
  let rawWide: Tests | undefined;
  let rawText: string | undefined;
  const rawTests = () => (raw ??= testsOf((rawText = withoutRiotPolice(withoutCodedElsewhere(sentence)))));
  const rawWideTests = () => (rawWide ??= testsOf(`${rawText ?? withoutRiotPolice(withoutCodedElsewhere(sentence))} ${withoutRiotPolice(withoutCodedElsewhere(following))}`));
  return lex.rules.findIndex((r) => {
    if (r.types && !r.types.includes(e.type)) return false;
    // known already: asked before the word lists
    if (r.sourceState !== undefined && sourceState !== r.sourceState) return false;
    if (r.any || r.all || r.none) {
      const test = r.wide ? wideTests() : ownTests();
      if (r.any && !test(r.any)) return false;
      if (r.all && !r.all.every(test)) return false;
      if (r.none && test(r.none)) return false;
    }
    if (r.patterns) {
      const test = r.wide ? rawWideTests() : rawTests();
      if (!r.patterns.some(test)) return false;
    }
    if (r.targetArmed !== undefined && kindOf().targetArmed !== r.targetArmed) return false;
    if (r.targetCivilian !== undefined && kindOf().targetCivilian !== r.targetCivilian) return false;
    if (r.sourceCrowd !== undefined && crowdOf() !== r.sourceCrowd) return false;
    if (r.clash !== undefined && clashOf() !== r.clash) return false;
    return true;
  });
}


/**
 * "after one of theirs died in clashes with police (coded in a separate event)": the coder's remark
 * says the clause it closes is another event, so its words do not tell what this one was.
 */
const CODED_ELSEWHERE = /[^,;()]*\(\s*(?:coded|recorded)\s+(?:separately|seperately|separatly|as\s+(?:a\s+)?separate\s+event|in\s+(?:a\s+|an\s+)?(?:separate|other|another|different)\s+event)[^()]*\)/gi;
/** the remark's opening, which the whole pattern needs: a text without it is left as it is (the pattern scans from every character) */
const CODED_OPENING = /\(\s*(?:coded|recorded)\s/i;
const withoutCodedElsewhere = (text: string) => (CODED_OPENING.test(text) ? text.replace(CODED_ELSEWHERE, ' ') : text);

/**
 * "protested after classes had been disrupted", "protested the burning of two villages": what the
 * protest is about is no act of the protesters, so its words do not make the protest violent. The
 * grievance runs to the end of its clause or to a participle ("against the law, burning tyres",
 * "… involving clashes"); what follows is kept, and so is the rest of a sentence whose protest is a
 * relative clause ("residents who were protesting against insecurity beat a thief").
 */
const GRIEVANCE = /(?<!\bwho\s+(?:were|was|are|is|had\s+been|have\s+been)\s+)\b((?:protest|demonstrat|march|rall|riot)\w*)\s+(?:(?:after|over|against|following|about|because\s+of)\b|(?:the|a|an)\s+\w+ing\s+of\b)(?:(?!\b\w+ing\b)[^.;,])*/gi;
const withoutGrievance = (text: string) => text.replace(GRIEVANCE, '$1');

/** "riot police", "anti-riot units" name a police force, not a riot. */
const withoutRiotPolice = (text: string) => text.replace(/\b(?:anti-?)?riot[\s-]+(police\w*|officers?|squads?|units?|gear)\b/gi, '$1');


/**
 * The event an ACLED record codes among a note's events: a protest leads (ACLED files force
 * against protesters and violent protest under the protest), then violence, arrests, the rest;
 * acts only intended come last; among equals the earliest. Their ACLED views refine the pick: a
 * riot told later in the note beats a peaceful protest, a blast beats an attack on civilians.
 */
const MAIN_ORDER = ['PROTEST', 'ASSAULT', 'COERCE', 'MOBILIZE', 'RETREAT', 'AGREE', 'SANCTION'];

export function mainAcledEvent<E extends Pick<EventRecord, 'type' | 'trigger' | 'mode'> & Partial<Pick<EventRecord, 'acled'>>>(events: readonly E[]): E | undefined {
  // an act only proposed or threatened ("will withdraw", "threatened to attack") did not happen
  const unrealised = (e: E) => !!e.mode && UNREALISED_MODES.includes(e.mode);
  const rank = (e: E) => {
    const i = MAIN_ORDER.indexOf(e.type);
    return (i < 0 ? MAIN_ORDER.length : i) + (unrealised(e) ? MAIN_ORDER.length + 1 : 0);
  };
  const main = [...events].sort((a, b) => rank(a) - rank(b) || a.trigger.start - b.trigger.start)[0];
  // one note is one event: a protest that turns violent later in the note ("During the protest
  // students vandalised and looted shops") is a riot
  if (main?.type === 'PROTEST' && main.acled?.eventType === 'Protests') {
    const violent = events.find((e) => e.type === 'PROTEST' && !unrealised(e) && e.acled?.eventType === 'Riots');
    if (violent) return violent;
  }
  // "one patron is killed when militants attack a bar … two blasts": an attack on civilians carried
  // out with explosives is explosions/remote violence in the ACLED codebook, so the blast leads
  if (main?.type === 'ASSAULT' && main.acled?.eventType === 'Violence against civilians') {
    const blast = events.find((e) => e.type === 'ASSAULT' && !unrealised(e) && e.acled?.eventType === 'Explosions/Remote violence');
    if (blast) return blast;
  }
  return main;
}
