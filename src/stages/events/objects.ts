import type { EventParticipant } from '../../core/layers/index.js';
import { spansOverlap } from '../../core/span.js';
import { npAfter, participantOf, type SentenceView } from './arguments.js';
import { countObject } from './phrase-heads.js';
import type { TriggerHit } from './triggers.js';

/**
 * "a car bomb exploded in the market, killing three policemen": the triggers of one clause make
 * one event, and when the verb that carries its grammar takes no object, a later verb of the
 * group may ("killing three policemen", "killing the three"); its actor when it is one.
 */
export function laterVerbObject(v: SentenceView, group: readonly TriggerHit[], h: TriggerHit): EventParticipant | undefined {
  for (const g of group) {
    if (g.first <= h.last || v.tokens[g.last]!.pos !== 'VERB') continue;
    const object = npAfter(v, g.last) ?? countObject(v, g.last);
    if (!object) continue;
    const m = v.actors.find((a) => spansOverlap(a.span, object.span));
    return m ? participantOf(v.text, m) : object;
  }
  return undefined;
}
