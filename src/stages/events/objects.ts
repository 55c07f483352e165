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

/**
 * "delivered goods to the medical school", "offered its troops to the new president": a giving
 * verb's target is who receives, named after "to" behind the thing given; its actor when one
 * starts the phrase.
 */
export function recipientAfterObject(v: SentenceView, last: number): EventParticipant | undefined {
  // the thing given comes first ("agreed to a truce" names no recipient): a phrase, or a list
  // ("aerial photographs and other intelligence to Macedonia", "$50,000 worth of goods to …")
  let to = last + 1;
  while (to < v.tokens.length && to - last < 14 && v.clause[to] === v.clause[last] && v.tokens[to]!.span.text.toLowerCase() !== 'to' && !['VERB', 'AUX', 'PUNCT', 'SCONJ'].includes(v.tokens[to]!.pos)) to++;
  if (to <= last + 1 || v.tokens[to]?.span.text.toLowerCase() !== 'to') return undefined;
  // (an infinitive has no noun phrase after "to": "offered troops to help")
  const who = npAfter(v, to);
  const m = who && v.actors.find((a) => a.span.start >= v.tokens[to + 1]!.span.start && a.span.start < who.span.end);
  return m ? participantOf(v.text, m) : who;
}
