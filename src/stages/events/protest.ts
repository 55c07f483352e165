import type { EventRecord, EventParticipant } from '../../core/layers/index.js';
import { spansOverlap } from '../../core/span.js';
import { participantOf, type SentenceView } from './arguments.js';

/**
 * "clashes broke out between the police and demonstrators": of the two sides named after a
 * protest trigger, the protesters' (a protester sector, `grammar.protesterSectors`) is its source.
 */
export function protesterBetween(v: SentenceView, last: number): EventParticipant | undefined {
  const b = v.tokens.findIndex((t, i) => i > last && i <= last + 5 && t.span.text.toLowerCase() === 'between');
  if (b < 0) return undefined;
  const from = v.tokens[b]!.span.end;
  const clauseEnd = v.tokens.filter((t, i) => i > b && v.clause[i] === v.clause[b]).pop()?.span.end ?? from;
  const sides = v.actors.filter((a) => a.span.start >= from && a.span.end <= clauseEnd);
  const protesters = sides.find((a) => v.grammar.protesterSectors.includes(a.actor.sector ?? ''));
  return protesters ? participantOf(v.text, protesters) : undefined;
}

/** A protest is against whom its protesters accuse or make demands of in the same sentence. */
export function targetFromGrievance(made: EventRecord[], grievanceTypes: readonly string[]): void {
  for (const p of made) {
    if (p.type !== 'PROTEST' || !p.source) continue;
    const g = made.find((e) => grievanceTypes.includes(e.type) && e.target && e.source && spansOverlap(e.source.span, p.source!.span));
    // "Varga dismissed the protest": a grievance about the protest itself names no target of it
    if (g?.target && !spansOverlap(g.target.span, p.source.span) && !spansOverlap(g.target.span, p.trigger)) p.target = g.target;
  }
}
