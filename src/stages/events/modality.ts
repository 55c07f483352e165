import type { PloverType, Token } from '../../core/layers/index.js';
import type { EventsGrammar } from './lexicon.js';
import type { TriggerHit } from './triggers.js';

/**
 * What stands before a trigger can change the event PLOVER codes:
 * - an intention ("will support", "is ready to contribute", "promised to return") turns a
 *   cooperative act into a promise (AGREE) and a hostile one into a threat ("would boycott" → THREATEN);
 * - a negation of a cooperative act ("will not accept", "failed to reach agreement") is a REJECT,
 *   and a negated hostile act ("did not fire", "without firing a shot") is no event.
 * The word classes are data (events.json grammar: intentMarkers, negations, intentGap, promiseTypes, threatTypes).
 */
export interface Modality {
  kind: 'intent' | 'negated';
  /** token index of the leftmost marker word */
  from: number;
}

const SKIP_POS = new Set(['ADV', 'PART', 'AUX']);
const NOUN_SKIP_POS = new Set(['DET', 'ADJ', 'NUM']);

export function modalityOf(tokens: readonly Token[], clause: readonly number[], hit: TriggerHit, lemmas: (t: Token) => string[], g: EventsGrammar): Modality | undefined {
  const nounTrigger = tokens[hit.first]!.pos === 'NOUN';
  const is = (t: Token, words: readonly string[]) => words.includes(t.span.text.toLowerCase()) || lemmas(t).some((l) => words.includes(l));
  let intent: number | undefined;
  let negated: number | undefined;
  for (let j = hit.first - 1, seen = 0; j >= 0 && seen < 7 && clause[j] === clause[hit.first]; j--, seen++) {
    const t = tokens[j]!;
    if (is(t, g.negations)) negated = j;
    else if (is(t, g.intentMarkers)) intent = j;
    else if (!(SKIP_POS.has(t.pos) || is(t, g.intentGap) || (nounTrigger && NOUN_SKIP_POS.has(t.pos)))) break;
  }
  if (negated !== undefined) return { kind: 'negated', from: negated };
  if (negated === undefined && intent !== undefined) return { kind: 'intent', from: intent };
  return undefined;
}

/**
 * What a modality makes of a trigger's event: another type (a refusal, a promise, a threat),
 * or `dropped` for a hostile act that did not happen ("without firing a shot").
 */
export function modalType(m: Modality, type: PloverType, g: EventsGrammar): { type: PloverType; mode: string } | 'dropped' | undefined {
  if (m.kind === 'negated') return g.promiseTypes.includes(type) ? { type: 'REJECT', mode: 'refused' } : g.threatTypes.includes(type) ? 'dropped' : undefined;
  if (g.promiseTypes.includes(type) && type !== 'AGREE') return { type: 'AGREE', mode: 'promised' };
  if (g.threatTypes.includes(type)) return { type: 'THREATEN', mode: 'threatened' };
  return undefined;
}

/** The mode of the act an intention is about: not done yet, only proposed or threatened. */
export const UNREALISED_MODES = ['proposed', 'threatened'];
