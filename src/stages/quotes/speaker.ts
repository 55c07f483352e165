/**
 * Turning a speaker phrase into a SpeakerRef: the span stays on the words in the text
 * (a pronoun stays "he"); the actors layer says who it is. Without an actor mention, a
 * pronoun borrows the name of the nearest earlier named speaker, and a named phrase
 * (one with a proper noun) is its own name. Nothing else is guessed.
 */
import type { ActorMention, SpeakerRef } from '../../core/layers/index.js';
import { makeSpan } from '../../core/span.js';
import type { QuoteContext } from './context.js';
import { PERSONAL_PRONOUNS, type Phrase } from './tokens.js';

export function isPronounPhrase(ctx: QuoteContext, p: Phrase): boolean {
  return p.from === p.to && PERSONAL_PRONOUNS.has(ctx.tokens[p.from]!.span.text.toLowerCase());
}

function mentionName(byId: Map<string, ActorMention>, m: ActorMention): string {
  const seen = new Set<string>();
  let cur: ActorMention | undefined = m;
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    if (cur.person) return cur.person;
    if (!cur.antecedentId) break;
    const next = byId.get(cur.antecedentId);
    if (!next) break;
    cur = next;
  }
  return cur?.actor.name ?? m.actor.name;
}

export class SpeakerResolver {
  private readonly byId: Map<string, ActorMention>;
  /** named speakers seen so far, in text order, for pronouns the actors layer left open */
  private readonly named: { at: number; name: string; ref: SpeakerRef }[] = [];

  constructor(private readonly ctx: QuoteContext) {
    this.byId = new Map(ctx.actors.map((a) => [a.id, a]));
  }

  resolve(p: Phrase): SpeakerRef {
    const { tokens, text } = this.ctx;
    const span = makeSpan(text, tokens[p.from]!.span.start, tokens[p.to]!.span.end);
    const ref: SpeakerRef = { span };
    const pronoun = isPronounPhrase(this.ctx, p);
    // the mention inside the phrase that covers most of it, preferring the later (head) one
    let best: ActorMention | undefined;
    let bestOverlap = 0;
    for (const m of this.ctx.actors) {
      const overlap = Math.min(m.span.end, span.end) - Math.max(m.span.start, span.start);
      if (overlap > 0 && overlap >= bestOverlap) {
        best = m;
        bestOverlap = overlap;
      }
    }
    if (best) {
      ref.actorMentionId = best.id;
      ref.actorCode = best.actor.code;
      ref.name = mentionName(this.byId, best);
    } else if (pronoun) {
      const prior = [...this.named].reverse().find((n) => n.at < span.start);
      if (prior) {
        ref.name = prior.name;
        if (prior.ref.actorMentionId) ref.actorMentionId = prior.ref.actorMentionId;
        if (prior.ref.actorCode) ref.actorCode = prior.ref.actorCode;
      }
    } else if (tokens.slice(p.from, p.to + 1).some((t) => t.pos === 'PROPN')) {
      ref.name = span.text.replace(/^(the|a|an)\s+/i, '');
    }
    if (!pronoun && ref.name) this.named.push({ at: span.start, name: ref.name, ref });
    return ref;
  }
}
