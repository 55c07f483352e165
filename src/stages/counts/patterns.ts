import type { CountKind } from '../../core/layers/index.js';
import { requiredStringsFilter } from '../../core/required-strings.js';
import { KindRegex } from './kind-regex.js';
import { alternation, type CountsLexicon } from './lexicon.js';

/** The regular expressions the extractor uses, compiled once from the lexicon. */
export interface CountPatterns {
  kinds: CountKind[];
  /** after a number: [who] [of/in ...] [aux] PARTICIPLE, anchored at the start */
  right: KindRegex;
  /** `right` without the active-voice check, for a participle after "were", "was", "been" */
  rightPassive: KindRegex;
  /**
   * after a number: a who noun, a long modifier (a relative or participle clause, an
   * apposition) and then [aux] PARTICIPLE: "Five policemen escorting a bus have been killed"
   */
  far: KindRegex;
  /** before a number: VERB [the|all], anchored at the end */
  left: Map<CountKind, RegExp>;
  /** the last word of each kind's verbs, to skip the `left` regex cheaply where it cannot match */
  verbLastWords: Map<CountKind, Set<string>>;
  /** where a kind's participle can start (its leading space), to skip `right` where it cannot match */
  participleAt: Map<CountKind, RegExp>;
  /**
   * Any word every count pattern needs (a participle, a verb, a toll) or a lone victim's
   * wording: a sentence with none holds no count, and most sentences are skipped on
   * `hasCountCue`. The victim patterns are tested one by one: V8 runs several short scans
   * faster than one scan for their alternation; they are `singleVictims`' own (global) regexes.
   */
  cue: {
    words: RegExp;
    victims: RegExp[];
    /**
     * false: the sentence holds none of the strings every cue or victim match needs (one
     * plain regex over the lower-cased text, far cheaper than the cues' own case-blind,
     * look-behind-first regexes, which most sentences would run through); undefined: no such strings
     */
    mayHold?: (s: string) => boolean;
    /** the same for the victims alone: a sentence with a cue word but none of theirs */
    victimMayHold?: (s: string) => boolean;
  };
  /** the `(?!…)` that `right` adds to `rightPassive`, tested on its own at a match's end (sticky) */
  activeAt: RegExp;
  /** one victim told without a number ("He later died", "lynched him"), with a `who` group */
  singleVictims: { kind: CountKind; re: RegExp }[];
  /** before a number: "death toll rose to", anchored at the end */
  toll: Map<CountKind, RegExp>;
  /** after a number: an optional who phrase */
  who: RegExp;
  singularWho: RegExp;
  /** right after a lone victim: "… and his assistant", "… along with her driver" — a second victim */
  companion: RegExp;
  singularWhoSet: Set<string>;
  /** a participle after a proper name: "X was also detained", "X – shot dead" */
  named: KindRegex;
  /** "Police officer shot dead ..." at the start of a sentence (ACLED notes, headlines) */
  headline: KindRegex;
  claimVerb: RegExp;
  claimStop: Set<string>;
  /** nouns heading a claimant, lower-cased (the lexicon's claimantHeads) */
  claimantHeads: Set<string>;
  whoNouns: Set<string>;
  trapUnits: Set<string>;
  kindOnlyWho: Map<string, CountKind[]>;
}

const WORD = "[\\p{L}][\\p{L}’'-]*";

export const hasCountCue = (p: CountPatterns, s: string): boolean =>
  (!p.cue.mayHold || p.cue.mayHold(s)) &&
  (p.cue.words.test(s) || ((!p.cue.victimMayHold || p.cue.victimMayHold(s)) && p.cue.victims.some((re) => testFromStart(re, s))));

/** `re.test(s)` for a global regex, leaving its `lastIndex` at 0 (a later `matchAll` starts there). */
function testFromStart(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const found = re.test(s);
  re.lastIndex = 0;
  return found;
}

export function compilePatterns(lex: CountsLexicon): CountPatterns {
  const kinds = Object.keys(lex.kinds) as CountKind[];
  // a participle followed by its object is an active verb: the number counts the killers
  const objectStart = alternation(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'dozens', 'scores', 'hundreds', 'thousands', ...Object.keys(lex.numberWords), ...Object.keys(lex.qualifiers), ...Object.keys(lex.vague)]);
  const ACTIVE = `(?!\\s+(?:${objectStart}(?![\\p{L}])|\\d))`;
  const who = alternation(lex.whoNouns);
  const single = alternation(lex.singularWho);
  const aux = alternation(lex.auxiliaries);
  // "IS militants": a case-blind "is" would stop the who phrase at the group's name
  const auxNotIs = alternation(lex.auxiliaries.filter((a) => a.toLowerCase() !== 'is'));
  const parts = new Map<CountKind, string>();
  const partsOnly = new Map<CountKind, string>();
  const left = new Map<CountKind, RegExp>();
  const toll = new Map<CountKind, RegExp>();
  const allParticiples = kinds.flatMap((k) => [...lex.kinds[k]!.participles, ...lex.kinds[k]!.nouns]);
  const verbLastWords = new Map<CountKind, Set<string>>();
  const participleAt = new Map<CountKind, RegExp>();
  // a who phrase: lexicon nouns or any words that are not themselves the verb group
  const generic = `(?!(?:${auxNotIs}|${alternation(allParticiples)}|${alternation(lex.claimVerbs)}|${alternation(Object.keys(lex.numberWords))}|and|or|of|in|on|at|to|by|with|from|for|that|who|which|had|has|have|were|was|are)(?![\\p{L}]))(?!is\\s+(?:${aux}\\s+)*${alternation(allParticiples)})${WORD}`;
  // a participle in a list before the kind's own, not itself a count's: "maimed," but not "killed,"
  const otherEd = `(?!(?:${alternation(allParticiples)})(?![\\p{L}]))\\p{L}+ed`;
  // "were lightly wounded", "were reportedly killed"; never "nearly killed" (they were not)
  const manner = `(?:\\s+(?!(?:nearly|barely|hardly|narrowly)(?![\\p{L}]))\\p{L}{2,}ly(?![\\p{L}]))?`;
  const rightBody = (part: string) =>
    `^(?:\\s+of(?=\\s))?(?<who>\\s+(?:${generic}\\s+(?:and\\s+(?=\\p{Lu}))?){0,5}?(?:${who}|${generic})(?![\\p{L}]))?` +
    `(?<pp>\\s+(?:of|from|in|at|on|near|inside|across)\\s+(?:[\\p{L}\\p{N}’',-]+\\s+){0,3}?[\\p{L}\\p{N}’'-]+)?` +
    // "(22 according to Taliban sources)", ", including a teenage girl,"
    `(?<inc>\\s*\\([^()]{0,160}\\)|\\s*,?\\s+(?:including|among them)\\s+[^,.;()]{1,60}?(?:,|(?=\\s+(?:were|was|have|had|are)\\s)))?` +
    // "were maimed and injured", "were maimed, burned and injured", "were maimed, injured and scarred"
    `(?<aux>(?:\\s*,?\\s+${aux}(?![\\p{L}])){0,4})(?:(?:\\s+${otherEd},){0,3}\\s+\\p{L}+ed,?\\s+and|(?:\\s+${otherEd},){1,3})?${manner}\\s+(?<kind>${part})(?![\\p{L}])`;
  // the modifier opens with a comma, a relative pronoun or a participle, and holds no other clause
  const stop = `(?:${alternation(lex.claimVerbs)}|but|while|after|before|when|as|because|although)`;
  const mod = `(?:\\s*,|\\s+(?:who|that|which|\\p{L}+ing|\\p{L}+ed|linked|from|of|in|on|at))(?:(?!\\s${stop}(?![\\p{L}]))[^.;:!?()]){0,100}?`;
  for (const k of kinds) {
    const w = lex.kinds[k]!;
    const part = [alternation([...w.participles, ...w.nouns]), ...w.participlePatterns.map((p) => `(?:${p})`)].join('|');
    const partOnly = [alternation(w.participles), ...w.participlePatterns.map((p) => `(?:${p})`)].join('|');
    parts.set(k, part);
    partsOnly.set(k, partOnly);
    if (w.verbs.length) {
      left.set(k, new RegExp(`(?<![\\p{L}-])(?<verb>${alternation(w.verbs)})\\s+(?:(?:all\\s+the|all|the|another|a\\s+further|an\\s+additional|some)\\s+)?$`, 'iu'));
      verbLastWords.set(k, new Set(w.verbs.map((v) => v.trim().split(/\s+/).pop()!.toLowerCase())));
    }
    // the same `\s+(?<kind>…)(?![\p{L}])` tail as `right`, found anywhere: a lookahead reports every start
    participleAt.set(k, new RegExp(`(?=\\s(?:${part})(?![\\p{L}]))`, 'giu'));
    if (w.tolls.length) {
      toll.set(k, new RegExp(`(?<![\\p{L}])(?<toll>${alternation(w.tolls)})(?![\\p{L}])(?:[^.;!?]{0,120}?(?<![\\p{L}])(?:risen|rose|rises|rising|raised|revised|climbed|climbs|climbing|reached|reaches|stands|stood|increased|jumped|hit|hits|now)(?:\\s+(?:to|at))?|\\s+(?:of|is|was|at))\\s+$`, 'iu'));
    }
  }
  // "Three militants shot dead a driver": active voice, the number counts the killers
  const right = new KindRegex(kinds, parts, (part) => rightBody(part) + ACTIVE, 'diu');
  // "were killed over two days": after a passive auxiliary the participle takes no object
  const rightPassive = new KindRegex(kinds, parts, rightBody, 'diu');
  const far = new KindRegex(kinds, partsOnly, (part) => `^(?<who>\\s+(?:${WORD}\\s+){0,3}?${who})(?![\\p{L}])${mod}(?<aux>(?:\\s*,?\\s+${aux}(?![\\p{L}])){1,4})(?:\\s+\\p{L}+ed\\s+and)?\\s+(?<kind>${part})(?![\\p{L}])${ACTIVE}`, 'diu');
  const named = new KindRegex(kinds, partsOnly, (part) => `^\\s*(?:,?\\s*[–—-]\\s*|,?\\s+(?:was|has\\s+been|had\\s+been|is)\\s+(?:(?:also|reportedly|later|allegedly|then|subsequently|fatally)\\s+)?)(?<kind>${part})(?![\\p{L}])${ACTIVE}`, 'iu');
  const headline = new KindRegex(kinds, partsOnly, (part) => `^(?<who>(?:${WORD}\\s+){0,2}?${single})(?:\\s+(?:was|is|has\\s+been|reportedly|fatally))?\\s+(?<kind>${part})(?![\\p{L}])${ACTIVE}`, 'iu');
  const cueWords = kinds.flatMap((k) => [...lex.kinds[k]!.participles, ...lex.kinds[k]!.nouns, ...lex.kinds[k]!.verbs, ...lex.kinds[k]!.tolls]);
  const cuePatterns = kinds.flatMap((k) => lex.kinds[k]!.participlePatterns.map((p) => `(?:${p})`));
  const singleVictims = lex.singleVictims.map((v) => ({ kind: v.kind, re: new RegExp(v.pattern, 'giu') }));
  // the joined cue only asks whether one matches: its groups are left unnamed (names may repeat);
  // tested one by one, the victims' own regexes serve (one compilation each, not two)
  const singleVictimSources = lex.singleVictims.map((v) => `(?:${v.pattern.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:')})`);
  const cueWordsSource = `(?<![\\p{L}])(?:${[alternation(cueWords), ...cuePatterns].join('|')})(?![\\p{L}])`;
  // a back-reference would count groups across the whole alternation: then keep it whole
  const cue = singleVictimSources.some((v) => /\\[1-9]/.test(v))
    ? { words: new RegExp([cueWordsSource, ...singleVictimSources].join('|'), 'iu'), victims: [] }
    : { words: new RegExp(cueWordsSource, 'iu'), victims: singleVictims.map((v) => v.re) };
  const mayHold = requiredStringsFilter([cue.words, ...cue.victims]);
  const victimMayHold = cue.victims.length ? requiredStringsFilter(cue.victims) : undefined;
  if (mayHold) Object.assign(cue, { mayHold });
  if (victimMayHold) Object.assign(cue, { victimMayHold });
  return {
    kinds,
    cue,
    activeAt: new RegExp(ACTIVE, 'iuy'),
    singleVictims,
    right,
    rightPassive,
    far,
    left,
    verbLastWords,
    participleAt,
    toll,
    who: new RegExp(`^\\s+(?:${WORD}\\s+){0,3}?${who}(?![\\p{L}])`, 'iu'),
    singularWho: new RegExp(`^\\s+(?:${WORD}\\s+){0,3}?${single}(?![\\p{L}])`, 'iu'),
    companion: new RegExp(`^,?\\s+(?:and|along\\s+with|together\\s+with)\\s+(?:his|her)\\s+(?:${WORD}\\s+){0,2}?${single}(?![\\p{L}])`, 'iu'),
    singularWhoSet: new Set(lex.singularWho.map((w) => w.toLowerCase())),
    named,
    headline,
    claimVerb: new RegExp(`(?<![\\p{L}])${alternation(lex.claimVerbs)}(?![\\p{L}])`, 'giu'),
    claimStop: new Set(lex.claimantStopWords.map((s) => s.toLowerCase())),
    claimantHeads: new Set(lex.claimantHeads.map((s) => s.toLowerCase())),
    whoNouns: new Set(lex.whoNouns.map((s) => s.toLowerCase())),
    trapUnits: new Set(lex.trapUnits.map((s) => s.toLowerCase())),
    kindOnlyWho: new Map(Object.entries(lex.kindOnlyWho).map(([w, ks]) => [w.toLowerCase(), ks])),
  };
}
