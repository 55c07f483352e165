import { makeSpan, spansOverlap } from '../../core/span.js';
import type { ActorMention, EventParticipant, PloverType } from '../../core/layers/index.js';
import { actorAfter, actorBefore, byAgent, closingSpeaker, isInstrumentPhrase, isPassive, npAfter, npBefore, participantOf, prevWord, quoteSpeaker, relativeAntecedent, subjectBeforeComma, type SentenceView } from './arguments.js';
import { agentAfterNoun, compoundTarget, isObjectOfVerb, objectBeforeInfinitive, objectBeforeOf, objectBeforePlace, ownerOfNoun, partiesBetween } from './noun-arguments.js';
import type { TriggerHit } from './triggers.js';
import { afterPreposition, clauseSubject, quantifiedHead, quantifiedObject, passiveSubjectBeforeApposition, verbBeforeComma } from './subject.js';
import { underAttack } from './context.js';
import { countObject, withHeadNoun } from './phrase-heads.js';
import { coordinated } from './coordination.js';
import { decisionOwner } from './decision-owner.js';
import { laterVerbObject, recipientAfterObject } from './objects.js';

/**
 * Source and target of one event (a group of triggers of one type in one clause).
 * - source: "by X" after a passive trigger; else the nearest actor before the trigger in the
 *   clause (not one that is a verb's object before a noun trigger), the noun phrase before it,
 *   the speaker of a quote holding it, an actor earlier in the sentence; an agent noun nearer
 *   than that ("a suspect ... a device that exploded").
 * - target: the subject of a passive trigger; else the first actor after it in the clause, the
 *   object noun phrase; noun triggers have their own rules (noun-arguments.ts).
 */
export function participants(v: SentenceView, group: readonly TriggerHit[], type: PloverType): { source?: EventParticipant; target?: EventParticipant } {
  // the verb of a group carries the grammar ("the killer, shot dead by police")
  const h = group.find((g) => isPassive(v, g.first)) ?? group.find((g) => v.tokens[g.first]!.pos === 'VERB') ?? group[0]!;
  let source: EventParticipant | undefined;
  let target: EventParticipant | undefined;
  const rel = relativeAntecedent(v, h.first);
  if (isPassive(v, h.first)) {
    source = byAgent(v, h.last);
    // "police said five men were detained": the speaker's side acted
    const told = quoteSpeaker(v, h.first, h.last);
    const speaker = told?.speaker;
    // a rights group, a news outlet or the UN reports arrests; it does not make them
    if (!source && speaker && v.grammar.speakerActsTypes.includes(type) && !speaker.actorCode?.split(/\s+/).some((w) => v.grammar.speakerNotAgentCodes.includes(w))) source = speaker;
    // "Human Rights Watch said five men were detained": who says it is not who suffered it
    const named = actorBefore(v, h.first, true);
    const before = named && !(speaker && spansOverlap(named.span, speaker.span)) ? named : undefined;
    // "the gunman, shot dead by police": the noun the participle is set off from
    const setOff = h.first > 0 && /^[,–—-]$/.test(v.tokens[h.first - 1]!.span.text) ? npBefore(v, h.first - 1) : undefined;
    const subject = npBefore(v, h.first);
    // "spokesman Mahmud Bassal said 11 of the dead … were killed": who tells of the deed did not suffer it
    // (an actor before that is the speaker is already left out of `before`)
    const tells = (m: { span: { start: number; end: number } }) => !!told && spansOverlap(m.span, told.speaker.span) && spansOverlap(told.quote.span, v.tokens[h.first]!.span);
    target = passiveSubjectBeforeApposition(v, h.first) ?? (before && !subjectNearer(v, subject, before) ? participantOf(v.text, before) : (subject ?? setOff));
    if (target && tells(target)) target = undefined;
  } else {
    // "rejected and condemned": coordinated verbs share their subject
    let first = h.first;
    for (let p = prevWord(v, first); p > 0 && ['and', 'or'].includes(v.tokens[p]!.span.text.toLowerCase()) && v.tokens[p - 1]!.pos === 'VERB'; p = prevWord(v, first)) first = p - 1;
    // "They killed 23 soldiers and injured another 15": the second verb has the first one's subject
    first = coordinatedVerb(v, first) ?? verbBeforeComma(v, first) ?? first;
    const quoted = quoteSpeaker(v, h.first, h.last);
    const pw = prevWord(v, first);
    const firstPerson = pw >= 0 && v.grammar.firstPerson.includes(v.tokens[pw]!.span.text.toLowerCase());
    const nominal = isNoun(v, h.first) || v.tokens[h.first - 1]?.pos === 'DET';
    const skipObjects = nominal ? (m: ActorMention) => isObjectOfVerb(v, m) : undefined;
    // "police searching for the man behind the blast", "Macron responded to the attack": an
    // attack noun's doer is only who launched or carried it out, else its owner or the story's attacker
    const deedNoun = nominal && type === 'ASSAULT';
    const near = actorBefore(v, first, true, skipObjects);
    // ("their posts came under intense gunfire": who is named before suffered it, see underAttack)
    let before = near && deedNoun && !launches(v, near, first) && !underAttack(v.tokens, h.first, v.grammar) ? undefined : near;
    // "officials said al-Shabaab had carried out the bombing", "blamed ETA for the blast": a verb's
    // object may still be the one who did the deed
    if (deedNoun && !before) {
      const object = actorBefore(v, first, true);
      if (object && launches(v, object, first)) before = object;
    }
    const afterComma = isNoun(v, h.first) ? undefined : subjectBeforeComma(v, first);
    if (quoted && firstPerson) source = quoted.speaker;
    // ("Eva, a student who witnessed the blast": an attack noun's doer only if the clause's verb carried it out)
    else if (rel?.role === 'source' && !(before && rel.who && before.span.start > rel.who.span.start) && !(deedNoun && rel.who && !launches(v, rel.who, first))) source = rel.who;
    // ("Pakistan, a key U.S. ally, has refused": an actor inside the apposition is not the subject)
    else if (before && (!quoted || before.span.start >= quoted.quote.span.start) && !(afterComma && before.span.start >= afterComma.span.end)) source = participantOf(v.text, before);
    else if (afterComma) source = afterComma;
    else if (quoted && group.some((g) => g.speech || isVerbal(type))) source = quoted.speaker;
    else if (!deedNoun) source = (isNoun(v, first) ? undefined : npBefore(v, first)) ?? (quoted?.speaker) ?? optional(actorBefore(v, first, false, skipObjects), v);
    else {
      // "Al Shabaab continues to hold hostages": the subject of the verb the deed's clause depends on
      const outer = actorBefore(v, first, false, skipObjects);
      if (outer && launches(v, outer, first)) source = participantOf(v.text, outer);
    }
    // "youths at a rally in Kakamega assaulted", "gunmen on motorcycles killed …, police said": the clause's subject, not the noun after it
    if (source && source !== quoted?.speaker && !rel && afterPreposition(v, source)) {
      const subject = clauseSubject(v, first);
      if (subject && subject.span.end <= source.span.start) source = subject;
    }
    source = quantifiedHead(v, source, first);
    // what is said reaches further: "described as legitimate the concerns that led Azerbaijan to act"
    // "police shot militiamen who had killed civilians": a harmful act's own object beats an actor in the next clause
    const object = HARM.has(type) ? npAfter(v, h.last) : undefined;
    const far = actorAfter(v, h.last, false, isVerbal(type) ? 12 : 8);
    const ofObject = (m: ActorMention) => /^of\s*$/i.test(v.text.slice(object!.span.end, m.span.start).replace(/^\s+/, '').replace(/\b(?:the|a|an)\s+/gi, ''));
    // "killed three officers and injured 7, the army said": a bare number is the object, the actor after it is not
    const count = HARM.has(type) && v.tokens[h.last]!.pos === 'VERB' ? countObject(v, h.last) : undefined;
    // ("exploded, killing the three, police said": a later verb's object before the actor beats it)
    const later = HARM.has(type) && !object ? laterVerbObject(v, group, h) : undefined;
    const actor = count ? undefined : (actorAfter(v, h.last, true) ?? (far && object && !ofObject(far) ? undefined : far));
    const after = later && actor && actor.span.start >= later.span.end ? undefined : actor;
    const extra = isNoun(v, h.last) ? v.grammar.nounTargetPrepositions : [];
    target = objectBeforeOf(v, h.last, after) ?? (HARM.has(type) ? objectBeforePlace(v, h.last, after) : type === 'REQUEST' ? objectBeforeInfinitive(v, h.last, after) : undefined) ?? (after && after.span.start !== source?.span.start ? participantOf(v.text, after) : npAfter(v, h.last, extra));
    if (!target && extra.length) target = npAfter(v, h.last, extra);
    target ??= count ?? later;
    if (v.grammar.recipientTypes.includes(type)) target = recipientAfterObject(v, group.at(-1)!.last) ?? target;
    if (rel?.role === 'target' && rel.who) target = rel.who;
    // "the toll from the missile strike has risen, the mayor said", "'the device detonated, killing
    // three,' the police said": who tells of an act did not suffer it
    if (quoted && target && spansOverlap(target.span, quoted.speaker.span) && spansOverlap(quoted.quote.span, v.tokens[h.first]!.span)) target = undefined;
    // a gerund after a determiner ("the negotiating table") is used as a noun
    if (nominal) {
      const owner = ownerOfNoun(v, h.first);
      const agent = agentAfterNoun(v, h.last) ?? (owner?.role === 'source' ? owner.who : undefined);
      if (agent) {
        source = agent;
        if (target && spansOverlap(target.span, agent.span)) target = undefined;
      }
      target = (owner?.role === 'target' ? owner.who : undefined) ?? compoundTarget(v, h.first) ?? target;
      // "the negotiating table": the noun right after a noun trigger is its head, not its target
      if (target && !target.actorMentionId && target.span.start === v.tokens[h.last + 1]?.span.start) target = undefined;
      // "bring Armenia and Azerbaijan back to the negotiating table": the parties named before it
      if (!target && isVerbal(type)) target = optional(actorBetween(v, source, h.first), v);
    }
  }
  // "three soldiers were killed in Sunday's Taliban attack": the actor naming a noun of the
  // same deed ("Taliban attack", "the IRA's bombing") did it
  if (!source) source = group.map((g) => (g !== h && isNoun(v, g.first) ? actorModifying(v, g.first) : undefined)).find((x) => x);
  // "police are hunting a suspect believed to have planted a device that exploded": with no
  // subject in its own clause, an agent noun earlier in the sentence did it
  const clauseOf = (p: EventParticipant) => v.clause[v.tokens.findIndex((t) => t.span.end > p.span.start)];
  if (!source || clauseOf(source) !== v.clause[h.first]) {
    const k = findLastIndex(v.tokens.slice(0, h.first), (t) => t.pos === 'NOUN' && v.lemmas(t).some((l) => v.grammar.agentNounSet.has(l)));
    const agent = k >= 0 ? npBefore(v, k + 1) : undefined;
    if (agent && !(source && agent.span.start <= source.span.end) && !(target && spansOverlap(agent.span, target.span))) source = agent;
  }
  // an agent noun as trigger ("demonstrators", "the attackers") is its own source; a noun naming
  // the doers ("police dispersed thousands of protesters") is so whoever else the sentence names
  if (['NOUN', 'PROPN'].includes(v.tokens[h.first]!.pos)) {
    const m = v.actors.find((a) => spansOverlap(a.span, v.tokens[h.first]!.span));
    const doers = v.lemmas(v.tokens[h.first]!).some((l) => v.grammar.doerNouns.includes(l));
    if (m && (!source || doers)) {
      source = participantOf(v.text, m);
      if (target && spansOverlap(target.span, m.span)) target = undefined;
    }
  }
  // "the number of people involved in the attack": the noun a participle modifies is the accused, the teller the accuser
  const accused = type === 'ACCUSE' ? accusedBefore(v, h.first) : undefined;
  if (accused) {
    target = accused;
    const at = v.tokens.findIndex((t) => t.span.start >= accused.span.start);
    const say = findLastIndex(v.tokens.slice(0, at), (t) => v.lemmas(t).some((l) => v.grammar.speechVerbs.includes(l)));
    source = quoteSpeaker(v, h.first, h.last)?.speaker ?? optional(actorBefore(v, at, false), v) ?? (say > 0 ? npBefore(v, say) : undefined);
  }
  // "fighting between the army and the militia": the two parties are the two sides
  const parties = partiesBetween(v, h.last);
  if (parties) ({ source, target } = parties);
  if (target && source && target.span.start === source.span.start) target = undefined;
  // "UNHCR said it had ...": a pronoun standing for the source is not its target
  const pronoun = target?.actorMentionId && v.actors.find((a) => a.id === target!.actorMentionId);
  if (target && source && pronoun && pronoun.via === 'coreference' && /^it(self)?$/i.test(pronoun.span.text) && target.actorCode === source.actorCode) target = undefined;
  // "a parcel bomb exploded", "the explosion targeted a bakery": a weapon or a deed is no doer
  // ("An airstrike by Myanmar's military … killed 30": the deed's own agent did it)
  if (source && !source.actorMentionId && isInstrumentPhrase(v, source)) {
    const head = v.tokens.findLastIndex((t) => t.span.end <= source!.span.end);
    source = head >= 0 ? agentAfterNoun(v, head) : undefined;
  }
  // "opened a probe into the explosion": who is accused is the deed's doer (see context.ts), not the deed
  if (type === 'ACCUSE' && target && !target.actorMentionId && isInstrumentPhrase(v, target)) target = undefined;
  // "fired rockets at the town", "fired 145 drones and 11 missiles at the country": the weapons are
  // no target, what they were fired at is (past any weapons joined to the first)
  if (HARM.has(type) && target && !target.actorMentionId && isInstrumentPhrase(v, target)) {
    let k = v.tokens.findIndex((t) => t.span.start >= target!.span.end);
    const from = k;
    const at = (j: number) => v.tokens[j]!.span.text.toLowerCase();
    while (k > 0 && k < v.tokens.length && k - from < 8 && !v.grammar.targetPrepositions.includes(at(k)) && !/^[,;:.]$/.test(at(k))) k++;
    const aimedAt = k > 0 && k < v.tokens.length && v.grammar.targetPrepositions.includes(at(k)) ? npAfter(v, k - 1, v.grammar.targetPrepositions) : undefined;
    if (aimedAt) target = aimedAt;
  }
  // "the government must do more, the opposition leader said": the speaker demands it of the government
  if (type === 'REQUEST' && v.grammar.obligationModals.includes(v.tokens[h.first]!.span.text.toLowerCase())) {
    const speaker = quoteSpeaker(v, h.first, h.last)?.speaker ?? closingSpeaker(v, h.last);
    if (speaker && !(source && spansOverlap(source.span, speaker.span))) {
      target = source;
      source = speaker;
    }
  }
  // "protested against the government's decision to suspend talks": the decision's owner acts
  const decider = decisionOwner(v, h.first);
  if (decider) {
    source = decider;
    if (target && spansOverlap(target.span, decider.span)) target = undefined;
  }
  if (source) source = withCoordinatedActors(v, withHeadNoun(v, source)!);
  ({ source, target } = coordinated(v, source, withHeadNoun(v, quantifiedObject(v, target)), h.first));
  return { ...(source ? { source } : {}), ...(target ? { target } : {}) };
}

/**
 * "Egypt and Qatar, which have mediated, called for ...": an actor joined by "and" to actors right
 * before it acts with them; the source's span takes them in (its code stays the nearest one's).
 */
function withCoordinatedActors(v: SentenceView, p: EventParticipant): EventParticipant {
  if (!p.actorMentionId) return p;
  let start = p.span.start;
  for (;;) {
    const ti = v.tokens.findIndex((t) => t.span.start >= start);
    const joint = v.tokens[ti - 1]?.span.text.toLowerCase();
    if (ti < 2 || (joint !== 'and' && joint !== ',')) break;
    const end = v.tokens[ti - 2]!.span.end;
    const m = v.actors.find((a) => a.span.end === end);
    if (!m || (joint === ',' && !v.tokens.slice(ti).some((t) => t.span.start < p.span.start && t.span.text.toLowerCase() === 'and'))) break;
    start = m.span.start;
  }
  return start === p.span.start ? p : { ...p, span: makeSpan(v.text, start, p.span.end) };
}

/**
 * "(coded as Mado Gashi) two herders were killed": the noun phrase right before a passive verb
 * is its subject, not an actor further back, unless a verb stands between them or the phrase
 * sits behind a preposition ("at a lunch hosted by X").
 */
function subjectNearer(v: SentenceView, subject: EventParticipant | undefined, before: ActorMention): boolean {
  if (!subject || before.span.end >= subject.span.start || v.actors.some((a) => spansOverlap(a.span, subject.span))) return false;
  let lead = v.tokens.findIndex((t) => t.span.start >= subject.span.start) - 1;
  while (lead >= 0 && v.tokens[lead]!.pos === 'DET') lead--;
  if (lead >= 0 && v.tokens[lead]!.pos === 'ADP') return false;
  return !v.tokens.some((t) => t.span.start >= before.span.end && t.span.end <= subject.span.start && (t.pos === 'VERB' || t.pos === 'AUX'));
}

/** The noun phrase a participle trigger modifies ("people involved in", "men suspected of"), as an actor when one. */
function accusedBefore(v: SentenceView, first: number): EventParticipant | undefined {
  const tok = v.tokens[first]!;
  if (!['ADJ', 'VERB'].includes(tok.pos) || !/ed$/i.test(tok.span.text) || !isNoun(v, first - 1)) return undefined;
  // the phrase is a modifier only if the clause's own verb comes later ("people involved in X have been arrested")
  if (!['in', 'of'].includes(v.tokens[first + 1]?.span.text.toLowerCase() ?? '') || !v.tokens.slice(first + 2).some((t) => t.pos === 'AUX' || t.pos === 'VERB')) return undefined;
  const np = npBefore(v, first);
  if (!np) return undefined;
  const m = v.actors.find((a) => spansOverlap(a.span, np.span));
  return m ? participantOf(v.text, m) : np;
}

/** The actor nearest before token `first` in its clause, after the source. */
function actorBetween(v: SentenceView, source: EventParticipant | undefined, first: number) {
  const start = v.tokens[first]!.span.start;
  const inClause = (m: { span: { start: number } }) => v.clause[v.tokens.findIndex((t) => t.span.start >= m.span.start)] === v.clause[first];
  return [...v.actors].reverse().find((m) => m.span.end <= start && (!source || m.span.start >= source.span.end) && inClause(m));
}

/**
 * "gunmen stormed the hotel and took 20 people hostage": the verb a subjectless verb after "and"
 * is coordinated with, across the first verb's object; undefined when something other than an
 * object phrase stands between them (another subject, a clause of its own).
 */
function coordinatedVerb(v: SentenceView, first: number): number | undefined {
  const and = prevWord(v, first);
  if (and <= 0 || v.tokens[first]!.pos !== 'VERB' || /ing$/i.test(v.tokens[first]!.span.text) || v.tokens[and]!.span.text.toLowerCase() !== 'and' || v.clause[and] !== v.clause[first]) return undefined;
  for (let j = and - 1, nouns = 0; j >= 0 && v.clause[j] === v.clause[first]; j--) {
    const t = v.tokens[j]!;
    if (t.pos === 'VERB') return nouns > 0 && !/ing$/i.test(t.span.text) && !isPassive(v, j) ? j : undefined;
    if (['NOUN', 'PROPN', 'NUM'].includes(t.pos)) nouns++;
    else if (!OBJECT_PART.has(t.pos)) return undefined;
  }
  return undefined;
}
/** what a verb's object phrase is made of ("another 15 Afghan soldiers in the south") */
const OBJECT_PART = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'ADV']);

/**
 * Does the actor before a deed noun do it: nothing but a possessive or modifiers between them
 * ("the IRA's bombing", "Taliban attack"), or verbs of doing a deed ("launched a series of
 * attacks", "had carried out the bombing"), or "was behind / responsible for"?
 */
function launches(v: SentenceView, actor: Pick<EventParticipant, 'span'>, first: number): boolean {
  const from = v.tokens.findIndex((t) => t.span.start >= actor.span.end);
  for (let k = from; k >= 0 && k < first; k++) {
    const t = v.tokens[k]!;
    // "warnings were given to the police thirty minutes before each explosion": another clause's actor
    const w = t.span.text.toLowerCase();
    if (v.grammar.clauseBreakSet.has(w) && !v.grammar.relativePronouns.includes(w)) return false;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    // "its long-threatened invasion": a participle inside the noun phrase modifies the deed
    const prev = v.tokens[k - 1];
    if (t.pos === 'VERB' && prev && (['DET', 'ADJ'].includes(prev.pos) || prev.span.text === '-' || POSSESSIVES.has(prev.span.text.toLowerCase()))) continue;
    // "easy-to-buy drones": a verb inside a hyphenated compound is a modifier too
    if (v.text[t.span.start - 1] === '-' || v.text[t.span.end] === '-') continue;
    const lemmas = v.lemmas(t);
    // "the truck used in the bombing": a participle after a thing names its part in the deed, not a doer
    const thing = prev && ['NOUN', 'PROPN'].includes(prev.pos) && !v.actors.some((a) => spansOverlap(a.span, prev.span));
    const accusedOf = lemmas.some((l) => v.grammar.allegedDoerVerbs.includes(l));
    if (t.pos === 'VERB' && thing && !accusedOf && /ed$/i.test(t.span.text) && ['in', 'during', 'for', 'by'].includes(v.tokens[k + 1]?.span.text.toLowerCase() ?? '')) return false;
    if (v.grammar.beForms.includes(t.span.text.toLowerCase())) {
      // "were engaged in", "is responsible for": the verb after it, or the word, decides
      const next = v.tokens.slice(k + 1, first).find((x) => x.pos !== 'ADV');
      if (next && (next.pos === 'VERB' || ['behind', 'responsible'].includes(next.span.text.toLowerCase()))) continue;
      return false;
    }
    // "a reservist implicated in the murder" (not "Kenya accused Somalia of attacks": an object follows)
    const alleged = accusedOf && /ed$/i.test(t.span.text) && v.tokens[k + 1]?.pos === 'ADP';
    if (!alleged && !lemmas.some((l) => v.grammar.deedVerbs.includes(l))) return false;
  }
  return true;
}

/** The actor among the modifiers right before a noun trigger: "Sunday's Taliban attack", "the IRA's bombing". */
function actorModifying(v: SentenceView, first: number): EventParticipant | undefined {
  let j = first - 1;
  while (j >= 0 && first - j <= 5 && (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART'].includes(v.tokens[j]!.pos) || /^[’']s$/i.test(v.tokens[j]!.span.text))) j--;
  const from = v.tokens[j + 1]?.span.start ?? Infinity;
  const end = v.tokens[first]!.span.start;
  const m = [...v.actors].reverse().find((a) => a.span.start >= from && a.span.end <= end && !v.grammar.victimSectors.includes(a.actor.sector ?? ''));
  return m ? participantOf(v.text, m) : undefined;
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const findLastIndex = <T>(xs: readonly T[], f: (x: T) => boolean) => {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
};
const isNoun = (v: SentenceView, i: number) => ['NOUN', 'PROPN'].includes(v.tokens[i]!.pos);
// acts done to someone: their object is the victim even when a place with an actor's name follows
const HARM = new Set<PloverType>(['ASSAULT', 'COERCE']);
const VERBAL = new Set<PloverType>(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SUPPORT', 'AGREE', 'CONSULT']);
/** Is the type a verbal act (said, asked, refused), not a material one (done)? */
export const isVerbal = (t: PloverType) => VERBAL.has(t);
const optional = (m: ReturnType<typeof actorBefore>, v: SentenceView) => (m ? participantOf(v.text, m) : undefined);

