/**
 * Reported speech, one sentence at a time: "X said (that) …", "X told AFP …",
 * "…, X said.", "…, said X.", "According to X, …" and "…, according to X.".
 * The content is the reported clause, outside any verb of saying and its speaker.
 */
import { afterOpeningDateline } from '../../core/dateline.js';
import type { QuoteContext } from './context.js';
import { cueAt, mainSubject, phraseStartingAt, speakerAfter, subjectBefore, type Cue, type Phrase } from './tokens.js';

export interface Reported {
  start: number;
  end: number;
  speaker: Phrase;
  cue: Cue;
  sentence: number;
}

// words that open an adverbial between the verb and "that": "said on Tuesday that", "said Tuesday that"
const PP_HEADS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'with', 'to', 'via', 'from', 'through', 'late', 'early', 'last', 'this', 'yesterday', 'today', 'earlier', 'later', 'also', 'repeatedly', 'again', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tonight', 'overnight']);
const FINAL = /^[.!?;:]+$/;

function contentRange(ctx: QuoteContext, from: number, to: number): [number, number] | undefined {
  const { tokens } = ctx;
  while (from <= to && /^[,:—–-]$/.test(tokens[from]!.span.text)) from++;
  while (to >= from && (FINAL.test(tokens[to]!.span.text) || /^[,—–-]$/.test(tokens[to]!.span.text))) to--;
  if (to - from < 2) return undefined;
  let start = tokens[from]!.span.start;
  let end = tokens[to]!.span.end;
  // a dateline opening the story ("KANDAHAR, Afghanistan, Oct. 3 (Xinhua) --") is not what was said
  start = afterOpeningDateline(ctx.text, start, end);
  // content that is one whole direct quote is that direct quote, not reported speech
  const q = ctx.insideMarked(start);
  if (q && q.outerEnd >= end - 1 && q.outerStart <= start) return undefined;
  if (end - start < 12) return undefined;
  return [start, end];
}

export function findReported(ctx: QuoteContext): Reported[] {
  const { tokens } = ctx;
  const out: Reported[] = [];
  for (const s of ctx.sentences) {
    if (s.heading) continue;
    const [first, last] = ctx.tokenRange(s.span.start, s.span.end);
    if (first > last) continue;
    let taken = -1; // one reported clause per cue; later cues inside the content belong to it
    for (let v = first; v <= last; v++) {
      if (v <= taken || !ctx.mayCue[v]) continue;
      if (ctx.insideMarked(tokens[v]!.span.start)) continue;
      const cue = cueHere(ctx, v, last);
      if (!cue) continue;
      const found = cue.prepositional ? according(ctx, cue, first, last) : clause(ctx, cue, first, last);
      for (const part of Array.isArray(found) ? found : found ? [found] : []) {
        out.push({ ...part, cue, sentence: s.index });
        taken = Math.max(taken, cue.to, ctx.tokenBefore(part.end));
      }
    }
  }
  return out;
}

type Found = Omit<Reported, 'cue' | 'sentence'>;

function according(ctx: QuoteContext, cue: Cue, first: number, last: number): Found | Found[] | undefined {
  const { tokens } = ctx;
  const speaker = speakerAfter(tokens, cue, last);
  if (!speaker) return undefined;
  if (cue.from === first || (cue.from === first + 1 && tokens[first]!.pos === 'CCONJ')) {
    // "According to X, content."
    let c = speaker.to + 1;
    while (c <= last && tokens[c]!.span.text !== ',') c++;
    const r = contentRange(ctx, c + 1, last);
    return r && { start: r[0], end: r[1], speaker };
  }
  if (tokens[cue.from - 1]?.span.text === ',') {
    // "Content, according to X."
    const r = contentRange(ctx, first, cue.from - 2);
    if (!r) return undefined;
    // "Among the measures, according to officials, is a ban …": the content goes on after the aside
    if (tokens[speaker.to + 1]?.span.text === ',' && !lastWordsOnly(ctx, speaker.to + 1, last)) {
      const rest = contentRange(ctx, speaker.to + 2, last);
      if (rest) return [{ start: r[0], end: r[1], speaker }, { start: rest[0], end: rest[1], speaker }];
    }
    return { start: r[0], end: r[1], speaker };
  }
  return undefined;
}

function clause(ctx: QuoteContext, cue: Cue, first: number, last: number): Omit<Reported, 'cue' | 'sentence'> | undefined {
  const { tokens } = ctx;
  const verb = cue.verb!;
  if (!verb.clause || passive(ctx, cue)) return undefined;
  // "The group claimed the attack, saying its fighters had killed 35 soldiers": a participle of
  // saying after a comma reports what the subject of its clause said, and what was said follows it
  if (/ing$/i.test(tokens[cue.from]!.span.text) && cue.from - 1 > first && tokens[cue.from - 1]!.span.text === ',') {
    const speaker = mainSubject(tokens, cue.from - 2, first);
    let c = cue.to + 1;
    const that = tokens[c]?.span.text.toLowerCase() === 'that';
    if (that) c++;
    if (!speaker || (!that && !startsClause(ctx, c, last))) return undefined;
    const r = contentRange(ctx, c, last);
    return r && { start: r[0], end: r[1], speaker };
  }
  const subject = subjectBefore(tokens, cue.from, first);
  if (subject) {
    // "Content, X said (in a statement)." — the subject follows a comma that closes the content;
    // the bare phrase decides, so that "…, the government in Riyadh has denied" does not end content
    const bare = subjectBefore(tokens, cue.from, first, false) ?? subject;
    if (bare.from - 1 > first && tokens[bare.from - 1]!.span.text === ',' && lastWordsOnly(ctx, cue.to, last)) {
      const r = contentRange(ctx, first, bare.from - 2);
      return r && hasFiniteVerb(ctx, first, bare.from - 2) ? { start: r[0], end: r[1], speaker: subject } : undefined;
    }
    let c = cue.to + 1;
    if (verb.addressee) {
      const addressee = phraseStartingAt(tokens, c, last);
      if (addressee) c = skipAside(ctx, addresseeEnd(ctx, addressee) + 1, last);
    }
    // "said in a statement on Tuesday that …": skip to the "that" when it comes soon
    if (c <= last && PP_HEADS.has(tokens[c]!.span.text.toLowerCase())) {
      let k = c;
      while (k <= last && k < c + 10 && tokens[k]!.span.text !== ',' && tokens[k]!.span.text.toLowerCase() !== 'that') k++;
      if (k <= last && tokens[k]!.span.text.toLowerCase() === 'that') c = k;
    }
    c = coordinatedSaying(ctx, c, last);
    let that = c <= last && /^(that|:)$/i.test(tokens[c]!.span.text);
    if (c <= last && /^(that|:|,)$/i.test(tokens[c]!.span.text)) c++;
    // "…, the ministry said, adding that …": the participle of saying opens the same speaker's content
    const adding = c <= last && /ing$/i.test(tokens[c]!.span.text) ? cueHere(ctx, c, last) : undefined;
    if (adding?.verb?.clause && tokens[adding.to + 1]?.span.text.toLowerCase() === 'that') (c = adding.to + 2), (that = true);
    // "said on Tuesday the army …": a phrase of the verb's own before the clause is not said ("wrote on X." is all verb)
    if (!that && tokens[c]?.pos === 'ADP') c = afterPhrase(ctx, c, last);
    // "agreed on Friday to reopen the crossing": a deed, not speech
    if (!that && verb.infinitiveIsAction && tokens[c]?.span.text.toLowerCase() === 'to') return undefined;
    // "asked not to be named": a request about the speaker, not what was said
    if (!that && tokens.slice(c, c + 3).map((t) => t.span.text.toLowerCase()).join(' ') === 'not to be') return undefined;
    // without "that", what follows must be a clause, not an object ("reported Abedi", "called for a meeting")
    if (!that && !startsClause(ctx, c, last)) return undefined;
    const after = contentRange(ctx, c, last);
    return after && { start: after[0], end: after[1], speaker: subject };
  }
  // "Content, said X."
  if (cue.from - 1 > first && tokens[cue.from - 1]!.span.text === ',') {
    const speaker = speakerAfter(tokens, cue, last);
    if (speaker && lastWordsOnly(ctx, speaker.to, last)) {
      const r = contentRange(ctx, first, cue.from - 2);
      return r && hasFiniteVerb(ctx, first, cue.from - 2) ? { start: r[0], end: r[1], speaker } : undefined;
    }
  }
  return undefined;
}

/** The cue at token k, looked for only where the context marks a possible one. */
const cueHere = (ctx: QuoteContext, k: number, last: number): Cue | undefined => (ctx.mayCue[k] ? cueAt(ctx.tokens, k, ctx.lex, last + 1) : undefined);

/**
 * "denied responsibility and said (that) …": when a short object is followed by a second verb
 * of saying joined with "and", what was said follows the second verb, not the object.
 */
function coordinatedSaying(ctx: QuoteContext, c: number, last: number): number {
  const { tokens } = ctx;
  for (let k = c; k <= last && k < c + 6; k++) {
    const w = tokens[k]!.span.text;
    if (/^[,;:—–]$/.test(w) || cueHere(ctx, k, last)) return c;
    if (w.toLowerCase() !== 'and' || k === c) continue;
    const second = cueHere(ctx, k + 1, last);
    if (second?.verb?.clause) return second.to + 1;
    return c;
  }
  return c;
}

/** The token after a prepositional phrase starting at `c` ("on Tuesday", "in a statement"): its determiners and modifiers, then its nouns. */
function afterPhrase(ctx: QuoteContext, c: number, last: number): number {
  const pos = (k: number) => ctx.tokens[k]!.pos;
  let k = c + 1;
  while (k <= last && k <= c + 3 && (pos(k) === 'DET' || pos(k) === 'ADJ' || pos(k) === 'NUM')) k++;
  while (k <= last && k <= c + 6 && (pos(k) === 'NOUN' || pos(k) === 'PROPN')) k++;
  return k;
}

/** "told reporters that troops …": "that" (which a tagger may read as a determiner) ends the addressee. */
function addresseeEnd(ctx: QuoteContext, addressee: Phrase): number {
  for (let k = addressee.from + 1; k <= addressee.to; k++) if (ctx.tokens[k]!.span.text.toLowerCase() === 'that') return k - 1;
  return addressee.to;
}

/** "called on the troops — a force of some 10,000 — to surrender": the aside after the addressee is not the content */
function skipAside(ctx: QuoteContext, c: number, last: number): number {
  const open = ctx.tokens[c]?.span.text;
  if (c > last || !open || !/^[,—–]$/.test(open)) return c;
  for (let k = c + 1; k <= last && k < c + 40; k++) {
    if (ctx.tokens[k]!.span.text !== open) continue;
    return ctx.tokens[k + 1]?.span.text.toLowerCase() === 'to' ? k + 1 : c;
  }
  return c;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

/** "are reported to have been", "a suspect believed to have …": passive and raising uses name no speaker */
function passive(ctx: QuoteContext, cue: Cue): boolean {
  const { tokens } = ctx;
  const prev = tokens[cue.from - 1]?.span.text.toLowerCase() ?? '';
  const next = tokens[cue.to + 1]?.span.text.toLowerCase() ?? '';
  const after = tokens[cue.to + 2]?.span.text.toLowerCase() ?? '';
  return BE.has(prev.replace(/’/g, "'")) || (next === 'to' && (after === 'be' || after === 'have'));
}

/** A finite verb: not "to review", not "hearing …", not "a televised meeting". */
function isFinite(ctx: QuoteContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  const prev = ctx.tokens[k - 1];
  const pw = prev?.span.text.toLowerCase() ?? '';
  if (pw === 'to' || (prev && (prev.pos === 'DET' || prev.pos === 'ADJ'))) return false;
  return !/ing$/i.test(t.span.text) || (prev !== undefined && prev.pos === 'AUX');
}

/** The first finite verb in [from, to] follows "and"/"or": it goes with the main clause's subject. */
function coordinatedVerbOnly(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (isFinite(ctx, k)) return /^(and|or)$/i.test(ctx.tokens[k - 1]?.span.text ?? '');
  return false;
}

function hasFiniteVerb(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (isFinite(ctx, k)) return true;
  return false;
}

/**
 * Reported content without "that" starts a clause: a verb before the first comma or dash, or
 * right after an aside ("many towns, including the capital, were under fire").
 */
function startsClause(ctx: QuoteContext, from: number, last: number): boolean {
  const { tokens } = ctx;
  const breaks: number[] = [];
  for (let k = from; k <= last && breaks.length < 2; k++) if (/^[,—–]$/.test(tokens[k]!.span.text)) breaks.push(k);
  const segEnd = breaks[0] !== undefined ? breaks[0] - 1 : Math.min(last, from + 30);
  // "denied targeting civilians and accused the army …": a gerund object, then the subject's next verb
  if (/ing$/i.test(tokens[from]?.span.text ?? '') && coordinatedVerbOnly(ctx, from, segEnd)) return false;
  if (hasFiniteVerb(ctx, from, segEnd) || infinitive(ctx, from, segEnd)) return true;
  if (breaks[1] === undefined) return false;
  let v = breaks[1] + 1;
  while (v <= last && tokens[v]!.pos === 'ADV') v++;
  return v <= last && (isFinite(ctx, v) || infinitive(ctx, v, v + 1));
}

/** "urged women to vote", "pledged to oppose": a request or a promise reports what was said too */
function infinitive(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ctx.tokens[k]!.span.text.toLowerCase() === 'to' && ctx.tokens[k + 1]!.pos === 'VERB') return true;
  return false;
}

// a comma and one of these after the attribution open a clause of the writer's ("…, X said, as the UN warned …")
const SUBORDINATORS = new Set(['as', 'while', 'whereas', 'after', 'before', 'when', 'but', 'although', 'though', 'amid', 'because', 'since', 'even']);

/** Only a short tail ("on Tuesday", "in a statement") follows the attribution. */
function lastWordsOnly(ctx: QuoteContext, from: number, last: number): boolean {
  let n = 0;
  // a participle clause after a comma ("…, X told AFP, citing …") is not reported content
  for (let k = from + 1; k <= last && !(ctx.tokens[k]!.span.text === ',' && n > 0); k++) {
    if (ctx.tokens[k]!.span.text === ',' && SUBORDINATORS.has(ctx.tokens[k + 1]?.span.text.toLowerCase() ?? '')) break;
    if (!FINAL.test(ctx.tokens[k]!.span.text)) n++;
  }
  return n <= 6;
}
