import type { ActorMention, EventParticipant } from '../../core/layers/index.js';
import { participantOf } from './arguments.js';
import type { EventsGrammar } from './lexicon.js';

/**
 * "Requesens was charged with treason": a legal act with no agent named was done by the legal
 * authority the article named last before it (a prosecutor, a court): a judicial actor, or one
 * whose mention or title ("Attorney General Tarek William Saab") carries a legal word.
 */
export function legalAuthority(actors: readonly ActorMention[], text: string, before: number, g: EventsGrammar, reach = 1500): EventParticipant | undefined {
  const legal = new RegExp(`\\b(?:${g.legalWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)'})\\b`, 'i');
  for (let i = actors.length - 1; i >= 0; i--) {
    const m = actors[i]!;
    if (m.span.end > before) continue;
    if (before - m.span.end > reach) break;
    const title = text.slice(Math.max(0, m.span.start - 40), m.span.end).split(/[.!?]\s/).pop()!;
    if (m.actor.sector === 'JUD' || legal.test(title)) return participantOf(text, m);
  }
  return undefined;
}
