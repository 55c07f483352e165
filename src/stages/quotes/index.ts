import { diagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { SitrepDocument } from '../../core/document.js';
import type { Quote } from '../../core/layers/index.js';
import { makeSpan } from '../../core/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { attributeAfter, attributeBefore, attributeByColon, attributeClauseSubject, attributeSentenceEnd, isShort, type Attribution } from './attribution.js';
import { QuoteContext } from './context.js';
import { loadSpeechLexicon, type SpeechLexicon } from './lexicon.js';
import { findMarkedQuotes, type MarkedQuote } from './marks.js';
import { quoteMode, type QuoteWithMode } from './mode.js';
import { afterSpeechVerb, isQuotedTerm, opensUtterance } from './terms.js';
import { findReported } from './reported.js';
import { SpeakerResolver } from './speaker.js';
import type { Cue, Phrase } from './tokens.js';

const STAGE = 'quotes';
const SPEECH_DOCUMENTS = /^(statement|communiqu[eé]|report|release|interview|post|tweet|letter)s?$/i;

interface Candidate {
  start: number;
  end: number;
  direct: boolean;
  speaker?: Phrase;
  cue?: Cue;
  closed: boolean;
}

/** Speakers of direct quotes, a continued quote's fragments sharing one. */
function attributeDirect(ctx: QuoteContext): (Attribution | undefined)[] {
  const marked = ctx.marked;
  const out: (Attribution | undefined)[] = marked.map(() => undefined);
  const groups = new Map<number, number[]>();
  marked.forEach((q, i) => groups.set(q.group, [...(groups.get(q.group) ?? []), i]));
  for (const idx of groups.values()) {
    const firstQ = marked[idx[0]!]!;
    const lastQ = marked[idx[idx.length - 1]!]!;
    let after = attributeAfter(ctx, lastQ);
    // "…”, according to a statement": a document is a weaker speaker than a named subject before
    if (after && SPEECH_DOCUMENTS.test(ctx.tokens[after.speaker.to]!.span.text)) after = attributeBefore(ctx, firstQ) ?? after;
    const found = after ?? attributeBefore(ctx, firstQ) ?? attributeByColon(ctx, firstQ) ?? attributeSentenceEnd(ctx, lastQ)
      ?? idx.map((i) => attributeAfter(ctx, marked[i]!) ?? attributeBefore(ctx, marked[i]!)).find((a) => a)
      ?? attributeClauseSubject(ctx, firstQ);
    for (const i of idx) out[i] = found;
  }
  // a paragraph that is only a quote continues the previous paragraph's speaker
  for (let i = 1; i < marked.length; i++) {
    if (out[i]) continue;
    const prev = marked[i - 1]!;
    const prevPara = ctx.paragraphOf(prev.outerStart);
    const thisPara = ctx.paragraphOf(marked[i]!.outerStart);
    const samePara = prevPara === thisPara && (/^[\s.,!?]*$/.test(text(ctx, prev.outerEnd, marked[i]!.outerStart).replace(/^[^.!?]*[.!?]/, '')) || wholeSentence(ctx, marked[i]!));
    const adjacent = ctx.paras.indexOf(thisPara) - ctx.paras.indexOf(prevPara) === 1 && standsAlone(ctx, marked[i]!);
    if ((samePara || adjacent) && out[i - 1]) out[i] = { speaker: out[i - 1]!.speaker };
  }
  return out;
}

const text = (ctx: QuoteContext, a: number, b: number) => ctx.text.slice(a, b);

/** A quote that is a sentence of its own: "… skip elections. “In El Paso, she won.” Next …" */
function wholeSentence(ctx: QuoteContext, q: MarkedQuote): boolean {
  const para = ctx.paragraphOf(q.outerStart);
  const before = ctx.text.slice(para.start, q.outerStart).trimEnd();
  const after = ctx.text.slice(q.outerEnd, para.end).replace(/^[.!?]+/, '');
  return (before === '' || /[.!?:]$/.test(before)) && (after.trim() === '' || /^\s+[\p{Lu}“"‘(]/u.test(after)) && /[.!?]$/.test(ctx.text.slice(q.start, q.outerEnd + 1).replace(/[\s”"’»']+$/, ''));
}

/** “Mr. Roe?” and “Eww.”: an utterance, however short, not a term */
function endsSentence(ctx: QuoteContext, q: MarkedQuote): boolean {
  return /[.!?]$/.test(ctx.text.slice(q.start, q.end));
}

const MINOR_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'is', 'as', '&']);

/**
 * Two to seven words, each capitalised but for minor ones, with no closing punctuation:
 * "13 Hours: The Secret Soldiers" (a colon parts a subtitle). `stopInside`: a full stop
 * inside the marks may be the sentence's, American style ("on Sirius XM's “News Daily.”").
 */
export function isTitle(content: string, stopInside = false): boolean {
  const trimmed = stopInside ? content.trim().replace(/(?<![.\p{Lu}])\.$/u, '') : content.trim();
  const words = trimmed.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < 2 || words.length > 7 || /[.!?,;:]$/.test(trimmed)) return false;
  return /^[\p{Lu}\p{N}]/u.test(words[0]!) && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || MINOR_WORDS.has(w.toLowerCase()));
}

function standsAlone(ctx: QuoteContext, q: MarkedQuote): boolean {
  const para = ctx.paragraphOf(q.outerStart);
  return ctx.text.slice(para.start, q.outerStart).trim() === '' && ctx.text.slice(q.outerEnd, para.end).replace(/[\s.,!?]/g, '') === '';
}

/**
 * Quotes and statements: `quotes` holds words in quotation marks (direct quotes, and reported
 * speech carrying quoted words), `statements` reported speech in the writer's words only. Ids
 * run across both, in text order.
 */
export function extractQuotes(doc: SitrepDocument, lex: SpeechLexicon = loadSpeechLexicon()): { quotes: Quote[]; statements: Quote[]; diagnostics: Diagnostic[] } {
  const text = doc.text;
  const marked = findMarkedQuotes(text);
  const ctx = new QuoteContext(text, doc.get('tokens'), doc.get('sentences'), lex, doc.maybe('actors') ?? [], marked);
  const diagnostics: Diagnostic[] = [];
  const candidates: Candidate[] = [];
  const direct = attributeDirect(ctx);
  marked.forEach((q, i) => {
    const a = direct[i];
    // a quoted term with nobody saying it is a scare quote or a name, not a quote
    if (!a && isShort(ctx, q) && !standsAlone(ctx, q) && !endsSentence(ctx, q)) return;
    // “Good Morning America”, “Make America Great Again”: a title or slogan names a work, nobody says it here
    const content = ctx.text.slice(q.start, q.end);
    if ((isTitle(content) || (isTitle(content, true) && !opensUtterance(ctx, q) && !afterSpeechVerb(ctx, q))) && !standsAlone(ctx, q)) return;
    // “rigged system”, his “Mexican heritage”: a scare quote inside the writer's sentence
    if (!standsAlone(ctx, q) && !wholeSentence(ctx, q) && isQuotedTerm(ctx, q)) return;
    candidates.push({ start: q.start, end: q.end, direct: true, speaker: a?.speaker, cue: a?.cue, closed: q.closed });
    if (!q.closed) {
      diagnostics.push(diagnostic(STAGE, 'quote-unclosed', 'warning', 'quotation mark not closed: the quote is cut at the paragraph end', makeSpan(text, q.outerStart, q.outerEnd)));
    }
  });
  const reported = findReported(ctx);
  for (const r of reported) candidates.push({ start: r.start, end: r.end, direct: false, speaker: r.speaker, cue: r.cue, closed: true });
  // 'A statement … said the elders had met. "They condemned the killing …"': a quote that is
  // a sentence of its own, with no speaker, goes on with what the sentence before reported
  marked.forEach((q, i) => {
    const c = candidates.find((x) => x.direct && x.start === q.start);
    if (!c || c.speaker || direct[i] || !(wholeSentence(ctx, q) || standsAlone(ctx, q))) return;
    const before = ctx.sentenceOf(q.outerStart) - 1;
    const r = reported.find((x) => x.sentence === before && x.end <= q.outerStart);
    if (r && ctx.text.slice(r.end, q.outerStart).split('\n').length <= 2) c.speaker = r.speaker;
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);

  const resolver = new SpeakerResolver(ctx);
  const quotes: Quote[] = [];
  const statements: Quote[] = [];
  for (const c of candidates) {
    const span = makeSpan(text, c.start, c.end);
    const speaker = c.speaker ? resolver.resolve(c.speaker, ctx.sentenceOf(c.start)) : null;
    const quote: QuoteWithMode = { id: `q${quotes.length + statements.length + 1}`, span, direct: c.direct, mode: quoteMode(c.direct, c.start, c.end, marked), speaker, sentence: ctx.sentenceOf(c.start) };
    if (c.cue) quote.cue = makeSpan(text, ctx.tokens[c.cue.from]!.span.start, ctx.tokens[c.cue.to]!.span.end);
    if (!speaker) diagnostics.push(diagnostic(STAGE, 'quote-speaker-unresolved', 'info', 'no speaker found for this quote', span));
    (quote.mode === 'reported' ? statements : quotes).push(quote);
  }
  return { quotes, statements, diagnostics };
}

export function createQuotesStage(options: { lexicon?: SpeechLexicon } = {}): Stage {
  return {
    name: STAGE,
    // 12: ", saying …" reports what follows, said by the subject of the clause before it
    version: '12',
    requires: ['sentences', 'tokens', 'entities', 'actors'],
    provides: ['quotes', 'statements'],
    run(doc) {
      const { quotes, statements, diagnostics } = extractQuotes(doc, options.lexicon ?? loadSpeechLexicon());
      return { layers: { quotes, statements }, diagnostics };
    },
  };
}
