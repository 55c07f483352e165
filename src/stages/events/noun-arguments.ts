import type { ActorMention, EventParticipant } from '../../core/layers/index.js';
import { spansOverlap } from '../../core/span.js';
import { byAgent, npAfter, npBefore, participantOf, type SentenceView } from './arguments.js';

/**
 * Arguments of a noun trigger ("the attack", "a protest"), which has no subject of its own:
 * - "the ringleader of Saturday's attack": an agent noun owning it is its source, a victim noun its target;
 * - "an attack by Taliban militants", "a protest organized by X": the agent after it;
 * - "the concert bombing": a noun before it names its target (not "terror attack", "drone strike").
 */
const isNominal = (v: SentenceView, i: number) => ['NOUN', 'PROPN'].includes(v.tokens[i]?.pos ?? '');
const MODIFIER = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART']);

export function ownerOfNoun(v: SentenceView, first: number): { role: 'source' | 'target'; who: EventParticipant } | undefined {
  let j = first - 1;
  while (j >= 0 && first - j <= 5 && MODIFIER.has(v.tokens[j]!.pos) && v.tokens[j]!.span.text.toLowerCase() !== 'of') j--;
  if (j < 1 || v.tokens[j]!.span.text.toLowerCase() !== 'of' || !isNominal(v, j - 1)) return undefined;
  const lemmas = v.lemmas(v.tokens[j - 1]!);
  const role = lemmas.some((l) => v.grammar.agentNounSet.has(l)) ? 'source' : lemmas.some((l) => v.grammar.victimNouns.includes(l)) ? 'target' : undefined;
  const who = role && npBefore(v, j);
  return role && who ? { role, who } : undefined;
}

/**
 * "attack by X", "protest organized by X", "attack on a checkpoint by X": the agent after a noun
 * trigger (or after its target phrase); "the attack is
 * believed to have been carried out by X": the agent of a deed verb (grammar.deedVerbs) the noun
 * is the subject of.
 */
export function agentAfterNoun(v: SentenceView, last: number): EventParticipant | undefined {
  const w = (k: number) => v.tokens[last + k]?.span.text.toLowerCase();
  if (w(1) === 'by') return byAgent(v, last);
  if (w(2) === 'by' && v.tokens[last + 1]!.pos === 'VERB' && /ed$/i.test(w(1)!)) return byAgent(v, last + 1);
  // "an attack on a police checkpoint by al-Shabaab": the by-phrase after the noun's target
  // phrase, when that names people or a post, which have no agent of their own (not "protests
  // against the violations by the army", "investigation into an allegation by X")
  if (v.grammar.targetPrepositions.includes(w(1) ?? '')) {
    const target = npAfter(v, last + 1);
    const next = target ? v.tokens.findIndex((t) => t.span.start >= target.span.end) : -1;
    const head = v.tokens[next - 1];
    if (next > 0 && v.tokens[next]!.span.text.toLowerCase() === 'by' && head && v.lemmas(head).some((l) => v.grammar.groupHeads.includes(l))) return byAgent(v, next - 1);
  }
  // the noun must be the subject: an auxiliary right after it ("the attack was ...", "is widely believed")
  if (v.tokens[last + 1]?.pos !== 'AUX') return undefined;
  for (let k = last + 2; k < v.tokens.length && k - last <= 10 && v.clause[k] === v.clause[last]; k++) {
    const t = v.tokens[k]!;
    if (t.pos === 'VERB' && /ed$/i.test(t.span.text) && v.lemmas(t).some((l) => v.grammar.deedVerbs.includes(l))) return byAgent(v, k);
  }
  return undefined;
}

/** "the May 22 concert bombing": the noun right before a noun trigger, unless it names a kind, a time or an actor. */
export function compoundTarget(v: SentenceView, first: number): EventParticipant | undefined {
  const j = first - 1;
  if (j < 0 || v.tokens[j]!.pos !== 'NOUN') return undefined;
  const tok = v.tokens[j]!;
  if (v.lemmas(tok).some((l) => v.grammar.notTargetModifiers.includes(l))) return undefined;
  if (v.actors.some((a) => spansOverlap(a.span, tok.span)) || v.dates.some((d) => spansOverlap(d.span, tok.span))) return undefined;
  return { span: tok.span, name: tok.span.text };
}

/**
 * "condemned the leak of videos of X": the object noun phrase is the target, not an actor
 * deep inside its "of" complements.
 */
export function objectBeforeOf(v: SentenceView, last: number, actor: ActorMention | undefined): EventParticipant | undefined {
  if (!actor) return undefined;
  const ti = v.tokens.findIndex((t) => t.span.start === actor.span.start);
  if (ti < 1 || v.tokens[ti - 1]!.span.text.toLowerCase() !== 'of') return undefined;
  const np = npAfter(v, last);
  if (!np || np.span.end > v.tokens[ti - 1]!.span.start) return undefined;
  // "the release of X" is about X; only a deeper complement ("the leak of videos of X") is not the target
  const between = v.tokens.filter((t) => t.span.start >= np.span.end && t.span.end <= v.tokens[ti - 1]!.span.start);
  return between.some((t) => t.pos === 'NOUN') ? np : undefined;
}

/**
 * "gunmen killed a woman near a police station", "shot a herder at Kapedo": the object right
 * after a verb is its target, not an actor named later behind a preposition of place (an
 * "of" complement still names whose it is: "killed three members of the police").
 */
export function objectBeforePlace(v: SentenceView, last: number, actor: ActorMention | undefined): EventParticipant | undefined {
  const np = actor && objectRightAfter(v, last);
  if (!actor || !np) return undefined;
  const ti = v.tokens.findIndex((t) => t.span.start >= actor.span.start);
  let p = ti - 1;
  while (p > last && ['DET', 'ADJ', 'NUM'].includes(v.tokens[p]!.pos)) p--;
  // "attacked Camp Shorabak in Helmand Province, Afghanistan": the place phrase may name the actor further on
  // (not "charged a camp outside Afgoye, hosting government forces": after a verb, or a comma
  // that opens no place name, the actor belongs to another act)
  const after = v.tokens.findIndex((t) => t.span.start >= np.span.end);
  // ("the occupied West Bank": a participle after a determiner is a modifier)
  const placeWords = (from: number) => v.tokens.slice(from, ti).every((t, i) => (t.pos !== 'VERB' || v.tokens[from + i - 1]?.pos === 'DET') && (t.span.text !== ',' || v.tokens[from + i + 1]?.pos === 'PROPN'));
  const inPlacePhrase = after > 0 && isPlacePreposition(v.tokens[after]) && !aims(v, v.tokens[after]!) && after < ti && placeWords(after);
  const beforeActor = v.tokens[p];
  const prep = beforeActor?.pos === 'ADP' && beforeActor.span.text.toLowerCase() !== 'of' && p > last + 1 ? beforeActor : inPlacePhrase ? v.tokens[after]! : undefined;
  return prep && np.span.end <= prep.span.start ? np : undefined;
}

/**
 * "called on Muslims to take up arms against Russia", "urged residents to flee to Kenya": the
 * object right after a verb of asking is its target, not an actor in the infinitive that
 * follows it (the caller asks it only of requests: "blocked a road to show …" is a purpose).
 */
export function objectBeforeInfinitive(v: SentenceView, last: number, actor: ActorMention | undefined): EventParticipant | undefined {
  const np = actor && objectRightAfter(v, last);
  if (!actor || !np) return undefined;
  const to = v.tokens.findIndex((t) => t.span.start >= np.span.end);
  const infinitive = to > 0 && v.tokens[to]!.span.text.toLowerCase() === 'to' && v.tokens[to + 1]?.pos === 'VERB';
  return infinitive && actor.span.start > v.tokens[to]!.span.start ? np : undefined;
}

/** The noun phrase right after a verb trigger (its object); "beat up detainees": a particle may end the trigger. */
function objectRightAfter(v: SentenceView, last: number): EventParticipant | undefined {
  const verb = v.tokens[last]!.pos === 'VERB' || (['ADP', 'PART'].includes(v.tokens[last]!.pos) && v.tokens[last - 1]?.pos === 'VERB');
  const np = verb ? npAfter(v, last) : undefined;
  return np && np.span.start === v.tokens.slice(last + 1).find((t) => t.pos !== 'DET')?.span.start ? np : undefined;
}

// "of" says whose the object is, "by" who did it ("repel incursions by militants")
const isPlacePreposition = (t: SentenceView['tokens'][number] | undefined) => !!t && t.pos === 'ADP' && !['of', 'by'].includes(t.span.text.toLowerCase());
/** a preposition naming what an act was aimed at ("fired shots at police"), not where it was; "on" names both */
const aims = (v: SentenceView, t: SentenceView['tokens'][number]) => t.span.text.toLowerCase() !== 'on' && v.grammar.targetPrepositions.includes(t.span.text.toLowerCase());

/** "bring Armenia and Azerbaijan back to the table": an actor right after a verb is its object, not the subject of a noun trigger. */
export function isObjectOfVerb(v: SentenceView, m: ActorMention): boolean {
  let j = v.tokens.findIndex((t) => t.span.end > m.span.start) - 1;
  while (j >= 0 && ['DET', 'ADJ', 'NUM', 'PROPN', 'CCONJ'].includes(v.tokens[j]!.pos)) j--;
  return j >= 0 && v.tokens[j]!.pos === 'VERB';
}

/**
 * "fighting between the army and the militia", "talks between Kyiv and Moscow": the two parties
 * after "between" are the two sides (the first as source), whatever stands before the trigger.
 */
export function partiesBetween(v: SentenceView, last: number): { source: EventParticipant; target: EventParticipant } | undefined {
  if (v.tokens[last + 1]?.span.text.toLowerCase() !== 'between') return undefined;
  let and = -1;
  for (let k = last + 2; k < v.tokens.length && k <= last + 14; k++) {
    const w = v.tokens[k]!.span.text.toLowerCase();
    if (w === 'and') { and = k; break; }
    if (/^[,;.]$/.test(w)) return undefined;
  }
  if (and < 0) return undefined;
  const side = (from: number, to: number): EventParticipant | undefined => {
    const m = v.actors.find((a) => a.span.start >= v.tokens[from]!.span.start && a.span.end <= v.tokens[to - 1]!.span.end);
    return m ? participantOf(v.text, m) : npAfter(v, from - 1);
  };
  const source = side(last + 2, and);
  const target = and + 1 < v.tokens.length ? side(and + 1, Math.min(v.tokens.length, and + 8)) : undefined;
  return source && target ? { source, target } : undefined;
}
