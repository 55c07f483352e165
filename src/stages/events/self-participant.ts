import type { EventParticipant, PloverType, Quote } from '../../core/layers/index.js';
import { isVerbal } from './participants.js';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The same mention, or the same named person, on both sides. */
export function sameParticipant(a: EventParticipant, b: EventParticipant): boolean {
  if (a.actorMentionId !== undefined && a.actorMentionId === b.actorMentionId) return true;
  return overlaps(a.span, b.span);
}

/**
 * Nobody attacks, aids or threatens themselves in news prose: when the two sides of an event
 * are one participant, the argument finder has taken one phrase twice. The target goes; and
 * when that participant is who is reporting the event ("..., the city's mayor said"), the
 * source goes too, since the speaker is a witness, not the agent.
 */
export function withoutSelfParticipant<T extends { source?: EventParticipant; target?: EventParticipant }>(sides: T, quotes: readonly Quote[]): T {
  const { source, target } = sides;
  if (!source || !target || !sameParticipant(source, target)) return sides;
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
  if (!sides.source || isVerbal(type) || !/^MED\b/.test(sides.source.actorCode ?? '')) return sides;
  const out = { ...sides };
  delete out.source;
  return out;
}
