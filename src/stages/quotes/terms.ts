/**
 * Scare quotes and quoted names: a short phrase in quotation marks inside the writer's own
 * sentence ("the “rigged system”", "an economy in “free fall”", "a show called “Hannity”")
 * is a term the writer uses or mentions, not an utterance someone is reported to have made.
 */
import type { QuoteContext } from './context.js';
import type { MarkedQuote } from './marks.js';

/** Longest quoted phrase read as a term after an article, a possessive or "so-called". */
const MARKED_TERM_WORDS = 5;
/** Longest quoted phrase read as a term wherever it stands inside a sentence. */
const BARE_TERM_WORDS = 2;
/** How far back a verb of saying still introduces a short quote ("called the plan “a disaster”"). */
const CUE_REACH_WORDS = 8;

function wordsOf(content: string): string[] {
  return content.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** The quote opens its sentence or follows a comma or colon: "… one message: “Dump Trump.”" */
export function opensUtterance(ctx: QuoteContext, q: MarkedQuote): boolean {
  const lead = ctx.text.slice(ctx.paragraphOf(q.outerStart).start, q.outerStart);
  return /(?:^|[.!?]["'”’]*)\s*$/.test(lead) || /[,:]\s*$/.test(lead);
}

/** A verb of saying right before the marks: chanting “Dump Trump.” */
export function afterSpeechVerb(ctx: QuoteContext, q: MarkedQuote): boolean {
  const w = /([\p{L}'’-]+)\s*$/u.exec(ctx.text.slice(Math.max(0, q.outerStart - 30), q.outerStart))?.[1];
  return w !== undefined && w === w.toLowerCase() && ctx.lex.byForm.has(w);
}

/**
 * Is this quote a term rather than speech? A quote that opens its sentence, follows a comma
 * or colon ("told reporters simply, “We lost.”"), asks or exclaims, or comes shortly after a
 * verb of saying ("called the blast an “attack”") is speech, unless a namer of the lexicon
 * ("so-called", "titled") comes right before. Otherwise up to two words are a term, and up
 * to five right after a term marker ("the", "his").
 */
export function isQuotedTerm(ctx: QuoteContext, q: MarkedQuote): boolean {
  const content = ctx.text.slice(q.start, q.end);
  const n = wordsOf(content).length;
  if (n > MARKED_TERM_WORDS) return false;
  if (opensUtterance(ctx, q)) return false;
  const lead = ctx.text.slice(ctx.paragraphOf(q.outerStart).start, q.outerStart);
  const sentenceLead = lead.split(/[.!?;]["'”’]*\s+/).pop() ?? '';
  const before = sentenceLead.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  // “Lock her up!”, “Why now?”: a question or a cry is an utterance, wherever it stands
  if (/[?!]["'”’,]*$/.test(content)) return false;
  const last = (before[before.length - 1] ?? '').toLowerCase();
  if (ctx.lex.termNamers.has(last)) return true;
  // "called for an “immediate end”", "expressed its “concern”": words someone chose, a partial quote
  // (lower case only: "States", "Note" as names are not verbs)
  if (before.slice(-CUE_REACH_WORDS).some((w) => w === w.toLowerCase() && ctx.lex.byForm.has(w))) return false;
  return n <= BARE_TERM_WORDS || ctx.lex.termMarkers.has(last);
}
