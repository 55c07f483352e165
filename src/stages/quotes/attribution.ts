/**
 * Who said a direct quote: the attribution right after the closing mark ("…,” he said",
 * "…,” said Saab", "…”, two sources told AFP"), else the nearest verb of saying before
 * the opening mark in its sentence ("Yerevan denounced “…”", "Saab said: “…”"), else a
 * preceding line ending with a colon.
 */
import type { QuoteContext } from './context.js';
import type { MarkedQuote } from './marks.js';
import { cueAt, mainSubject, phraseEndingAt, phraseStartingAt, skipAdverbs, skipAsides, speakerAfter, subjectBefore, type Cue, type Phrase } from './tokens.js';

export interface Attribution {
  speaker: Phrase;
  cue?: Cue;
}

const QUOTE_TOKEN = /^[“”"«»„‘’'`]+$/;
const STOP = new Set(['.', '!', '?', ';']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

export function attributeAfter(ctx: QuoteContext, q: MarkedQuote): Attribution | undefined {
  const { tokens } = ctx;
  const para = ctx.paragraphOf(q.outerStart);
  let a = ctx.tokenAtOrAfter(q.outerEnd);
  const paraLast = ctx.tokenBefore(para.end);
  while (a <= paraLast && /^[,—–-]$/.test(tokens[a]!.span.text)) a++;
  // the attribution runs to the sentence end; a full stop inside "(D-Ore.)" does not end it
  let hi = a;
  let depth = 0;
  for (; hi <= paraLast && hi < a + 24; hi++) {
    const w = tokens[hi]!.span.text;
    if (w === '(') depth++;
    else if (w === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (STOP.has(w) || QUOTE_TOKEN.test(w) || ctx.insideMarked(tokens[hi]!.span.start))) break;
  }
  hi--;
  if (a > hi) return undefined;
  const first = cueAt(tokens, a, ctx.lex, hi + 1);
  if (first) {
    const speaker = speakerAfter(tokens, first, hi);
    return speaker ? { speaker, cue: first } : undefined;
  }
  // "…,” he said", "…,” Ann Roe (D-Ore.), who …, said", "…?” Trump went on"
  const subject = phraseStartingAt(tokens, a, hi);
  if (subject) {
    const v = skipAdverbs(tokens, skipAsides(tokens, subject.to + 1, hi), hi);
    if (v <= hi) {
      const cue = cueAt(tokens, v, ctx.lex, hi + 1) ?? finalCue(ctx, v, hi);
      // "… are reported to …" is passive; after a quote closed by a full stop only a short
      // attribution ("Roe said on Monday.") belongs to it, not the next sentence
      const passive = tokens.slice(subject.to + 1, v).some((t) => BE_FORMS.has(t.span.text.toLowerCase()));
      const closedSentence = /\.$/.test(ctx.text.slice(q.start, q.end)) && hi - (cue?.to ?? v) > 6;
      if (passive || closedSentence) return undefined;
      if (cue && !cue.prepositional) return { speaker: subject, cue };
      // a quote closed by a comma, ? or ! leaves its sentence open for the attribution
      if (tokens[v]!.pos === 'VERB' && !cue && endsOpen(ctx, q) && !isShort(ctx, q)) return { speaker: subject, cue: { from: v, to: v, prepositional: false } };
    }
  }
  for (let v = a + 1; v <= Math.min(hi, a + 8); v++) {
    const cue = cueAt(tokens, v, ctx.lex, hi + 1);
    if (!cue) continue;
    if (cue.prepositional) {
      const speaker = speakerAfter(tokens, cue, hi);
      return speaker ? { speaker, cue } : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** a quoted term of one to three words */
export function isShort(ctx: QuoteContext, q: MarkedQuote): boolean {
  return ctx.text.slice(q.start, q.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length <= 3;
}

/** "“…,” X said" and "“…?” X asked": the quote ends on a comma, ? or ! (inside or just after the marks). */
function endsOpen(ctx: QuoteContext, q: MarkedQuote): boolean {
  return /[,?!—–]/.test(ctx.text.slice(Math.max(q.start, q.end - 1), Math.min(ctx.text.length, q.outerEnd + 1)));
}

/**
 * "“…” and against the law, Clinton said." — the quote's sentence ends with a comma, a
 * subject and a verb of saying, and little after it.
 */
export function attributeSentenceEnd(ctx: QuoteContext, q: MarkedQuote): Attribution | undefined {
  const { tokens } = ctx;
  const para = ctx.paragraphOf(q.outerStart);
  const paraLast = ctx.tokenBefore(para.end);
  const a = ctx.tokenAtOrAfter(q.outerEnd);
  let end = a;
  while (end <= paraLast && end < a + 40 && !STOP.has(tokens[end]!.span.text) && !QUOTE_TOKEN.test(tokens[end]!.span.text)) end++;
  if (end > paraLast || !STOP.has(tokens[end]!.span.text)) return undefined;
  for (let v = end - 1; v > a && v >= end - 8; v--) {
    const cue = cueAt(tokens, v, ctx.lex, end);
    if (!cue || cue.prepositional) continue;
    const speaker = subjectBefore(tokens, v, a);
    if (speaker && speaker.from - 1 > a && tokens[speaker.from - 1]!.span.text === ',') return { speaker, cue };
    return undefined;
  }
  return undefined;
}

export function attributeBefore(ctx: QuoteContext, q: MarkedQuote): Attribution | undefined {
  const { tokens } = ctx;
  const para = ctx.paragraphOf(q.outerStart);
  const opener = ctx.tokenBefore(q.outerStart + 1);
  const before = opener - 1;
  if (before < 0 || tokens[before]!.span.start < para.start) return undefined;
  const sentence = ctx.sentences[tokens[before]!.sentence];
  const lo = Math.max(ctx.tokenAtOrAfter(para.start), sentence ? ctx.tokenAtOrAfter(sentence.span.start) : 0);
  for (let v = before; v >= lo; v--) {
    if (ctx.insideMarked(tokens[v]!.span.start)) continue;
    const cue = cueAt(tokens, v, ctx.lex, opener);
    if (!cue) continue;
    if (cue.prepositional) {
      const speaker = speakerAfter(tokens, cue, before);
      if (speaker) return { speaker, cue };
      continue;
    }
    const speaker = subjectBefore(tokens, v, lo);
    // "Kell sent a letter demanding “…”": the participle's noun is an object; its clause's subject speaks
    if (speaker && /ing$/i.test(tokens[v]!.span.text) && tokens[speaker.from - 1]?.pos === 'VERB') return { speaker: mainSubject(ctx.tokens, speaker.from - 1, lo) ?? speaker, cue };
    if (speaker) return { speaker, cue };
    // "Ann Roe reacted, saying: “…”", "Obama ended by saying “…”", "Roe was prompted to say, “…”"
    if (/ing$/i.test(tokens[v]!.span.text) || tokens[v - 1]?.span.text.toLowerCase() === 'to') {
      const main = mainSubject(ctx.tokens, v - 1, lo);
      if (main) return { speaker: main, cue };
    }
    // "…,” said Saab, “…” and "Said the minister: “…”"
    if (v > lo && /^[,“”"]$/.test(tokens[v - 1]!.span.text) || v === lo) {
      const after = speakerAfter(tokens, cue, before);
      if (after) return { speaker: after, cue };
    }
  }
  return undefined;
}

/** "The minister said:" closing the previous sentence or paragraph introduces the quote. */
export function attributeByColon(ctx: QuoteContext, q: MarkedQuote): Attribution | undefined {
  const { tokens } = ctx;
  const opener = ctx.tokenBefore(q.outerStart + 1);
  const prev = opener - 1;
  if (prev < 0 || tokens[prev]!.span.text !== ':') return undefined;
  const s = ctx.sentences[tokens[prev]!.sentence];
  const lo = s ? ctx.tokenAtOrAfter(s.span.start) : 0;
  for (let v = prev - 1; v >= lo; v--) {
    const cue = cueAt(tokens, v, ctx.lex, prev);
    if (!cue) continue;
    const speaker = cue.prepositional ? speakerAfter(tokens, cue, prev - 1) : subjectBefore(tokens, v, lo);
    if (speaker) return { speaker, cue };
  }
  // "Carl Bialik: “…”" — a name alone before the colon, at the start of its line or after a dash
  const named = phraseEndingAt(tokens, prev - 1, lo);
  const before = named && tokens[named.from - 1];
  const atStart = named && (named.from === lo || (before && /^[-—–]$/.test(before.span.text)) || (before && before.span.end <= ctx.paragraphOf(tokens[prev]!.span.start).start));
  if (named && atStart && tokens.slice(named.from, named.to + 1).some((t) => t.pos === 'PROPN')) return { speaker: named };
  // "Trump went even further: “…”" — the subject of the sentence's first verb
  for (let v = lo; v < prev; v++) {
    if (tokens[v]!.pos !== 'VERB') continue;
    const subject = subjectBefore(tokens, v, lo);
    if (subject && leadIn(ctx, lo, subject.from) && tokens.slice(subject.from, subject.to + 1).some((t) => t.pos === 'PROPN' || t.pos === 'PRON')) return { speaker: subject };
    break;
  }
  return undefined;
}

/** The subject of the nearest verb before token `from` that has one: the main clause of a participle. */
/** Only conjunctions and adverbs before the subject: "And Mr. Roe gloated:" */
function leadIn(ctx: QuoteContext, lo: number, from: number): boolean {
  for (let k = lo; k < from; k++) if (!['CCONJ', 'ADV', 'PUNCT', 'SCONJ'].includes(ctx.tokens[k]!.pos)) return false;
  return true;
}

/** "“…,” Bozell notes." — a form of a verb of saying ending the sentence is the verb, whatever its tag */
function finalCue(ctx: QuoteContext, v: number, hi: number): Cue | undefined {
  const w = ctx.tokens[v]!.span.text.toLowerCase();
  const verb = ctx.lex.byForm.get(w)?.find((x) => !x.particle);
  const next = ctx.tokens[v + 1];
  if (!verb || (v < hi && next && !/^[,.!?;]$/.test(next.span.text))) return undefined;
  return { from: v, to: v, verb, prepositional: false };
}

/**
 * No verb of saying anywhere near: a quote of four or more words inside a clause is what the
 * clause's subject put in writing or words ("Roe sent instructions to protect “public sites and
 * sporting events”"). Only the subject of the sentence, never an object or a later name.
 */
export function attributeClauseSubject(ctx: QuoteContext, q: MarkedQuote): Attribution | undefined {
  const { tokens } = ctx;
  if (isShort(ctx, q)) return undefined;
  const opener = ctx.tokenBefore(q.outerStart + 1);
  const sentence = ctx.sentences[tokens[opener]?.sentence ?? -1];
  if (!sentence) return undefined;
  const lo = Math.max(ctx.tokenAtOrAfter(sentence.span.start), ctx.tokenAtOrAfter(ctx.paragraphOf(q.outerStart).start));
  for (let v = opener - 1; v >= lo; v--) {
    if (ctx.insideMarked(tokens[v]!.span.start) || tokens[v]!.pos !== 'VERB') continue;
    const subject = subjectBefore(tokens, v, lo);
    if (!subject) continue;
    // "The film was billed as “…”": a passive subject says nothing; a speaker is someone
    if (BE_FORMS.has(tokens[v - 1]!.span.text.toLowerCase()) || !isSomeone(ctx, subject)) return undefined;
    const at = tokens[subject.from - 1];
    if (subject.from === lo || leadIn(ctx, lo, subject.from) || at?.span.text === ',') return { speaker: subject };
    return undefined;
  }
  return undefined;
}

/** A name, a pronoun or an actor the actors layer knows. */
function isSomeone(ctx: QuoteContext, p: Phrase): boolean {
  const { tokens } = ctx;
  const start = tokens[p.from]!.span.start;
  const end = tokens[p.to]!.span.end;
  return tokens.slice(p.from, p.to + 1).some((t) => t.pos === 'PROPN' || t.pos === 'PRON') || ctx.actors.some((m) => m.span.start < end && start < m.span.end);
}
