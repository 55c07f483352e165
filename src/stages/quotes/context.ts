import type { ActorMention, Sentence, Token } from '../../core/layers/index.js';
import type { SpeechLexicon } from './lexicon.js';
import type { MarkedQuote } from './marks.js';
import { paragraphs } from './marks.js';
import { lower } from './tokens.js';

/** What the finders share: the text, tokens, paragraphs and the direct quotes found. */
export class QuoteContext {
  readonly paras: { start: number; end: number }[];
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly sentences: readonly Sentence[],
    readonly lex: SpeechLexicon,
    readonly actors: readonly ActorMention[],
    readonly marked: readonly MarkedQuote[],
  ) {
    this.paras = paragraphs(text);
    this.disjoint = marked.every((q, i) => i === 0 || marked[i - 1]!.outerEnd <= q.outerStart);
    this.mayCue = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const w = lower(tokens[i]);
      if (w === 'according' || lex.byForm.has(w)) this.mayCue[i] = 1;
    }
  }

  /** 1 where cueAt may find a cue: a form of a verb of saying, or "according" (most tokens are neither) */
  readonly mayCue: Uint8Array;

  /** the marked quotes are in text order and do not overlap: a position is looked up by halving */
  private readonly disjoint: boolean;

  /** index of the first token starting at or after `pos` (tokens.length when none) */
  tokenAtOrAfter(pos: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.span.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** index of the last token ending at or before `pos` (-1 when none) */
  tokenBefore(pos: number): number {
    let i = this.tokenAtOrAfter(pos) - 1;
    while (i >= 0 && this.tokens[i]!.span.end > pos) i--;
    return i;
  }

  paragraphOf(pos: number): { start: number; end: number } {
    for (const p of this.paras) if (pos >= p.start && pos < p.end) return p;
    return { start: pos, end: pos };
  }

  /** first and last token (inclusive) inside a character range */
  tokenRange(start: number, end: number): [number, number] {
    return [this.tokenAtOrAfter(start), this.tokenBefore(end)];
  }

  /** is the position inside a direct quote (between its marks)? */
  insideMarked(pos: number): MarkedQuote | undefined {
    const marked = this.marked;
    if (!this.disjoint) return marked.find((q) => pos >= q.outerStart && pos < q.outerEnd);
    // the last quote opening at or before pos is the only one that may hold it
    let lo = 0;
    let hi = marked.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marked[mid]!.outerStart <= pos) lo = mid + 1;
      else hi = mid;
    }
    const q = marked[lo - 1];
    return q && pos < q.outerEnd ? q : undefined;
  }

  sentenceOf(pos: number): number {
    for (const s of this.sentences) if (pos < s.span.end) return s.index;
    return Math.max(0, this.sentences.length - 1);
  }
}
