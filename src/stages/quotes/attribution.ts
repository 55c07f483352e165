/**
 * Who said a direct quote: the attribution right after the closing mark ("…,” he said",
 * "…,” said Saab", "…”, two sources told AFP"), else the nearest verb of saying before
 * the opening mark in its sentence ("Yerevan denounced “…”", "Saab said: “…”"), else a
 * preceding line ending with a colon.
 */
import type { QuoteContext } from './context.js';
import type { MarkedQuote } from './marks.js';
import { cueAt, phraseEndingAt, speakerAfter, subjectBefore, type Cue, type Phrase } from './tokens.js';

export interface Attribution {
  speaker: Phrase;
  cue?: Cue;
}

const QUOTE_TOKEN = /^[“”"«»„‘’'`]+$/;
const STOP = new Set(['.', '!', '?', ';']);

export function attributeAfter(ctx: QuoteContext, q: MarkedQuote): Attribution | undefined {
  const { tokens } = ctx;
  const para = ctx.paragraphOf(q.outerStart);
  let a = ctx.tokenAtOrAfter(q.outerEnd);
  const paraLast = ctx.tokenBefore(para.end);
  while (a <= paraLast && /^[,—–-]$/.test(tokens[a]!.span.text)) a++;
  let hi = a;
  while (hi <= paraLast && hi < a + 12 && !STOP.has(tokens[hi]!.span.text) && !QUOTE_TOKEN.test(tokens[hi]!.span.text) && !ctx.insideMarked(tokens[hi]!.span.start)) hi++;
  hi--;
  if (a > hi) return undefined;
  const first = cueAt(tokens, a, ctx.lex, hi + 1);
  if (first) {
    const speaker = speakerAfter(tokens, first, hi);
    return speaker ? { speaker, cue: first } : undefined;
  }
  for (let v = a + 1; v <= Math.min(hi, a + 8); v++) {
    const cue = cueAt(tokens, v, ctx.lex, hi + 1);
    if (!cue) continue;
    if (cue.prepositional) {
      const speaker = speakerAfter(tokens, cue, hi);
      return speaker ? { speaker, cue } : undefined;
    }
    const speaker = subjectBefore(tokens, v, a);
    // the attribution must start right after the quote: "…,” he said", not "…” and assured"
    if (speaker && speaker.from === a) return { speaker, cue };
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
    if (speaker) return { speaker, cue };
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
    if (subject && subject.from === lo && tokens.slice(subject.from, subject.to + 1).some((t) => t.pos === 'PROPN' || t.pos === 'PRON')) return { speaker: subject };
    break;
  }
  return undefined;
}
