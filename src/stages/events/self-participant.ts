import type { EventParticipant, PloverType, Quote } from '../../core/layers/index.js';
import { spansOverlap as overlaps, type Span } from '../../core/span.js';
import { isVerbal } from './participants.js';

const POSSESSIVE = /^(?:his|her|its|their)$/i;
/** A news organisation: sector MED, alone ("MED AP") or with its country ("RUS MED" for Tass). */
const isNewsOutlet = (p: EventParticipant) => /\bMED\b/.test(p.actorCode ?? '');

/** The same mention, or the same named person, on both sides. */
function sameParticipant(a: EventParticipant, b: EventParticipant): boolean {
  if (a.actorMentionId !== undefined && a.actorMentionId === b.actorMentionId) return true;
  return overlaps(a.span, b.span);
}

/**
 * Nobody attacks, aids or threatens themselves in news prose: when the two sides of an event
 * are one participant, the argument finder has taken one phrase twice. The target goes; and
 * when that participant is who is reporting the event ("..., the city's mayor said"), the
 * source goes too, since the speaker is a witness, not the agent.
 */
export function withoutSelfParticipant<T extends { source?: EventParticipant; target?: EventParticipant }>(sides: T, quotes: readonly Quote[], type?: PloverType): T {
  const { source, target } = sides;
  if (!source || !target) return sides;
  // "Belarus's Foreign Ministry condemned the decision and said Minsk would respond": one actor
  // (by its code) does not accuse, ask or threaten itself; a second phrase for it was taken as the target
  if (type && isVerbal(type) && source.actorCode && source.actorCode === target.actorCode && source.name === target.name && !source.actorCode.includes('---')) {
    const out = { ...sides };
    delete out.target;
    return out;
  }
  // "called on his supporters": a possessive standing for the source owns the one acted on
  if (POSSESSIVE.test(target.span.text) && target.name === source.name) {
    const out = { ...sides };
    delete out.target;
    return out;
  }
  if (!sameParticipant(source, target)) return sides;
  const out = { ...sides };
  delete out.target;
  const speaks = quotes.some((q) => q.speaker && (q.speaker.actorMentionId === source.actorMentionId && source.actorMentionId !== undefined || overlaps(q.speaker.span, source.span)));
  if (speaks) delete out.source;
  return out;
}

/**
 * "KHARTOUM (Reuters) - Heavy fighting …", "told Reuters that …": the outlet is how we know,
 * never who fought, raided or deployed. A news organisation (sector MED) loses the source
 * role of a material (not verbal) act; it may still accuse or demand (an editorial), or be attacked.
 */
export function withoutReporterAsAgent<T extends { source?: EventParticipant }>(sides: T, type: PloverType): T {
  if (!sides.source || isVerbal(type) || !isNewsOutlet(sides.source)) return sides;
  const out = { ...sides };
  delete out.source;
  return out;
}

/**
 * '"The attackers came in numbers," a resident told AFP': what a direct quote recounts is not
 * done by the one quoted, nor to the outlet told. A material act inside quotation marks loses a
 * source named outside them that is the quote's speaker, and a participant outside them that is a
 * news outlet. A verbal act may still be the speaker's own ("We condemn …", the minister said),
 * the speaker may be the victim told of ('"They tried to kill me," Ruiz said'), and participants
 * named inside the quote (a pronoun there stands for its antecedent) stay.
 */
export function withoutQuotedSpeakerAsParticipant<T extends { source?: EventParticipant; target?: EventParticipant }>(sides: T, trigger: Span, type: PloverType, speech: readonly Quote[]): T {
  if (isVerbal(type)) return sides;
  const quote = speech.find((q) => q.direct && q.span.start <= trigger.start && trigger.end <= q.span.end);
  if (!quote) return sides;
  const speaker = quote.speaker;
  const outside = (p: EventParticipant) => p.span.end <= quote.span.start || p.span.start >= quote.span.end;
  const outlet = (p: EventParticipant) => outside(p) && isNewsOutlet(p);
  const quoted = (p: EventParticipant) =>
    outside(p) && !!speaker && ((p.actorMentionId !== undefined && p.actorMentionId === speaker.actorMentionId) || overlaps(p.span, speaker.span));
  const out = { ...sides };
  if (out.source && (outlet(out.source) || quoted(out.source))) delete out.source;
  if (out.target && outlet(out.target)) delete out.target;
  return out;
}

/**
 * '"We will not negotiate," the minister told Reuters': the outlet a statement was given to is
 * how we know of the act, not whom it was done to.
 */
export function withoutOutletAsTarget<T extends { target?: EventParticipant }>(sides: T, text: string): T {
  if (!sides.target || !isNewsOutlet(sides.target) || !TOLD.test(text.slice(Math.max(0, sides.target.span.start - 40), sides.target.span.start))) return sides;
  const out = { ...sides };
  delete out.target;
  return out;
}
const TOLD = /\b(?:told|tells?|telling|said\s+to|speaking\s+to|spoke\s+to|interview\s+with)\s+(?:the\s+)?$/i;

/** ", police and local residents said on Monday." closing a sentence: who tells what came before */
const CLOSING_ATTRIBUTION = /,\s+(?:[\p{L}\p{N}'’.-]+\s+){1,8}?(?:said|says|say|told|reported|confirmed|added|announced)\b[^,.;!?]{0,60}[.!?]?["”’]?\s*$/u;

/** Where a closing attribution clause starts in a sentence, if it has one. */
export function closingAttributionStart(sentence: Span): number | undefined {
  const m = CLOSING_ATTRIBUTION.exec(sentence.text);
  return m ? sentence.start + m.index : undefined;
}

/**
 * 'Gunmen stormed a church, killing 12 worshippers, police and local residents said': who tells of
 * a material act told before a closing attribution is neither its doer nor its target.
 */
export function withoutAttributionParticipants<T extends { source?: EventParticipant; target?: EventParticipant }>(sides: T, trigger: Span, type: PloverType, attributionStart: number | undefined): T {
  if (attributionStart === undefined || isVerbal(type) || trigger.end > attributionStart) return sides;
  const inClause = (p: EventParticipant) => p.span.start >= attributionStart;
  const out = { ...sides };
  if (out.source && inClause(out.source)) delete out.source;
  if (out.target && inClause(out.target)) delete out.target;
  return out;
}
