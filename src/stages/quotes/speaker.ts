/**
 * Turning a speaker phrase into a SpeakerRef: the span stays on the words in the text
 * (a pronoun stays "he"); the actors layer says who it is. Without an actor mention, a
 * pronoun borrows the name of the nearest earlier named speaker, and a named phrase
 * (one with a proper noun) is its own name. Nothing else is guessed.
 */
import type { ActorMention, SpeakerRef } from '../../core/layers/index.js';
import { makeSpan } from '../../core/span.js';
import type { QuoteContext } from './context.js';
import { cueAt, PERSONAL_PRONOUNS, speakerAfter, subjectBefore, type Cue, type Phrase } from './tokens.js';
import { GLUED_OPENER_ALTERNATION } from '../../core/glued-openers.js';
import { matchAll } from '../../core/match-all.js';

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

/** a determiner or pronoun glued to the word before it opens the real phrase */
const GLUED_OPENER = new RegExp(String.raw`\p{Ll}{4,}(?=(?:${GLUED_OPENER_ALTERNATION})\s)`, 'gu');

/**
 * "Security strategy reviewA senior official": a subheading glued to the next sentence by
 * whoever flattened the page. The length of what comes before the glued word, else 0.
 */
/** a word run into the next one over a lost quote mark or full stop: "area'Reinforce security'French Interior Minister" */
const GLUED_OVER_MARK = /\p{Ll}{3,}['’.](?=\p{Lu})/gu;

export function gluedHeadingLength(phrase: string): number {
  let cut = 0;
  for (const m of matchAll(GLUED_OPENER, phrase)) cut = m.index! + m[0].length;
  for (const m of matchAll(GLUED_OVER_MARK, phrase)) cut = Math.max(cut, m.index! + m[0].length);
  return cut;
}

const CLOSING_MARKS = new Set(['"', '”', '’', "'", '»', ',']);

/** "“…,” declared Eldon Roe": after a closing quote the speaker follows the cue */
function invertedSpeaker(ctx: QuoteContext, i: number, cue: Cue): Phrase | undefined {
  const { tokens } = ctx;
  if (i === 0 || !CLOSING_MARKS.has(tokens[i - 1]!.span.text)) return undefined;
  let hi = cue.to;
  while (hi + 1 < tokens.length && tokens[hi + 1]!.sentence === tokens[i]!.sentence) hi++;
  return speakerAfter(tokens, cue, hi);
}

export class SpeakerResolver {
  private readonly byId: Map<string, ActorMention>;
  /** named speakers seen so far, in text order, for pronouns the actors layer left open */
  private readonly named: { at: number; name: string; ref: SpeakerRef }[] = [];

  /** subjects of every verb of saying, quoted or not, for "…,” he added" */
  private readonly sayers: { at: number; sentence: number; phrase: Phrase }[] = [];

  constructor(private readonly ctx: QuoteContext) {
    this.byId = new Map(ctx.actors.map((a) => [a.id, a]));
    const { tokens, lex } = ctx;
    for (let i = 0; i < tokens.length; i++) {
      if (!ctx.mayCue[i] || ctx.insideMarked(tokens[i]!.span.start)) continue;
      const cue = cueAt(tokens, i, lex, tokens.length);
      if (!cue || cue.prepositional) continue;
      const sentence = ctx.sentences[tokens[i]!.sentence];
      const lo = sentence ? ctx.tokenAtOrAfter(sentence.span.start) : 0;
      const subject = subjectBefore(tokens, i, lo) ?? invertedSpeaker(ctx, i, cue);
      if (subject && !isPronounPhrase(ctx, subject)) this.sayers.push({ at: tokens[subject.from]!.span.start, sentence: tokens[i]!.sentence, phrase: subject });
    }
  }

  /** The last one who said something in this sentence or the one before. */
  private lastSayer(at: number, sentence: number): Phrase | undefined {
    return [...this.sayers].reverse().find((x) => x.at < at && x.sentence >= sentence - 1)?.phrase;
  }

  /** pronoun speakers resolved through the speaker chain */
  private readonly pronouns: { at: number; sentence: number; ref: SpeakerRef }[] = [];
  private remember(ref: SpeakerRef, sentence: number): SpeakerRef {
    this.pronouns.push({ at: ref.span.start, sentence, ref });
    return ref;
  }

  private sayerNames(before: number): Set<string> {
    const out = new Set<string>();
    for (const x of this.sayers) {
      if (x.at >= before) break;
      const m = this.mentionIn(this.ctx.tokens[x.phrase.from]!.span.start, this.ctx.tokens[x.phrase.to]!.span.end);
      if (m) out.add(mentionName(this.byId, m));
    }
    return out;
  }

  /** a sayer a "he" or "she" can be: a named person, or a phrase no actor was found in ("one source") */
  private personLike(p: Phrase): boolean {
    const m = this.mentionIn(this.ctx.tokens[p.from]!.span.start, this.ctx.tokens[p.to]!.span.end);
    return !m || !!m.person;
  }

  /** where `name` last spoke before `before`, as a subject of saying or a resolved speaker; -1 if never */
  private lastTurnOf(name: string, before: number): number {
    let at = -1;
    for (const x of this.sayers) {
      if (x.at >= before) break;
      const m = this.mentionIn(this.ctx.tokens[x.phrase.from]!.span.start, this.ctx.tokens[x.phrase.to]!.span.end);
      if (m && mentionName(this.byId, m) === name) at = x.at;
    }
    for (const x of [...this.named, ...this.pronouns]) if (x.at < before && x.at > at && (x.ref.name === name)) at = x.at;
    return at;
  }

  private mentionIn(start: number, end: number): ActorMention | undefined {
    // the mention inside the phrase that covers most of it, preferring the later (head) one
    let best: ActorMention | undefined;
    let bestOverlap = 0;
    for (const m of this.ctx.actors) {
      const overlap = Math.min(m.span.end, end) - Math.max(m.span.start, start);
      if (overlap > 0 && overlap >= bestOverlap) {
        best = m;
        bestOverlap = overlap;
      }
    }
    return best;
  }

  /** `anchor`: the sentence the quote starts in, for a pronoun after a long quote */
  resolve(p: Phrase, anchor?: number): SpeakerRef {
    const { tokens, text } = this.ctx;
    const start = tokens[p.from]!.span.start;
    const end = tokens[p.to]!.span.end;
    const span = makeSpan(text, start + gluedHeadingLength(text.slice(start, end)), end);
    const ref: SpeakerRef = { span };
    const pronoun = isPronounPhrase(this.ctx, p);
    // a pronoun speaker is whoever spoke just before ("The friend said …. “…,” he told the BBC"),
    // which beats general coreference; then the actors layer; then the last named speaker
    const own = pronoun ? this.mentionIn(span.start, span.end) : undefined;
    let sayer = pronoun ? this.lastSayer(span.start, Math.min(anchor ?? Infinity, tokens[p.from]!.sentence)) : undefined;
    // coreference that lands on someone who spoke earlier is trusted
    // unless someone else spoke since: "One source said he believed …. “…,” he added" is the source
    if (own && sayer && this.sayerNames(span.start).has(mentionName(this.byId, own)) && !(this.personLike(sayer) && this.lastTurnOf(mentionName(this.byId, own), span.start) < tokens[sayer.from]!.span.start)) sayer = undefined;
    // "…,” he told the BBC. “…,” he added": the pronoun before carries on
    const prior = pronoun ? this.pronouns.filter((x) => x.at < span.start && x.sentence >= Math.min(anchor ?? Infinity, tokens[p.from]!.sentence) - 1).pop() : undefined;
    if (prior && (!sayer || tokens[sayer.from]!.span.start < prior.at) && !(own && this.sayerNames(span.start).has(mentionName(this.byId, own)))) {
      if (prior.ref.name) ref.name = prior.ref.name;
      if (prior.ref.actorMentionId) ref.actorMentionId = prior.ref.actorMentionId;
      if (prior.ref.actorCode) ref.actorCode = prior.ref.actorCode;
      return this.remember(ref, tokens[p.from]!.sentence);
    }
    if (sayer) {
      const s0 = tokens[sayer.from]!.span.start;
      const s1 = tokens[sayer.to]!.span.end;
      const m = this.mentionIn(s0, s1);
      if (m) {
        ref.actorMentionId = m.id;
        ref.actorCode = m.actor.code;
        ref.name = mentionName(this.byId, m);
      } else ref.name = text.slice(s0, s1).replace(/^(the|a|an)\s+/i, '');
      return this.remember(ref, tokens[p.from]!.sentence);
    }
    const best = this.mentionIn(span.start, span.end);
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
