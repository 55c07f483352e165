import type { EventParticipant } from '../../core/layers/index.js';
import { participantOf, type SentenceView } from './arguments.js';

/**
 * "the government's decision to suspend talks", "Russia's move to annex the region": an act told
 * as the infinitive of a decision noun is done by the decision's owner, whoever the clause's
 * subject is ("Thousands protested against the government's decision to suspend talks").
 */
export function decisionOwner(v: SentenceView, first: number): EventParticipant | undefined {
  const word = (k: number) => v.tokens[k]?.span.text.toLowerCase() ?? '';
  if (first < 4 || word(first - 1) !== 'to') return undefined;
  const noun = v.tokens[first - 2]!;
  if (!v.lemmas(noun).some((l) => v.grammar.decisionNouns.includes(l))) return undefined;
  if (!/^['’]s?$/.test(word(first - 3))) return undefined;
  const ownerEnd = v.tokens[first - 4]!.span.end;
  const owner = v.actors.find((a) => a.span.end === ownerEnd);
  return owner ? participantOf(v.text, owner) : undefined;
}
