import { diagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { Sentence, TimeExpression, TimexType } from '../../core/layers/index.js';
import { makeSpan, type Span } from '../../core/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { parseIsoDay } from './calendar.js';
import { SentenceContext } from './context.js';
import { defaultDateLexicon, type DateLexicon } from '../../core/date-lexicon.js';
import { resolveSem, updateRef } from './resolve.js';
import { UNANCHORED, withDayParts, type RefTime, type Resolved } from './resolved.js';
import { DateGrammar } from './scan.js';
import type { Candidate } from './sem.js';

const STAGE = 'dates';

/** One end of a range, kept so TimeML-style consumers can see "1988" and "1994" on their own. */
export interface TimeExpressionPart {
  span: Span;
  type: TimexType;
  value: string;
}

/** A time expression as this stage emits it: a range also lists its two ends. */
export interface DatedExpression extends TimeExpression {
  parts?: TimeExpressionPart[];
}

export interface DatesOptions {
  lexicon?: DateLexicon;
}

const DAY_PRECISIONS = new Set(['day', 'part-of-day', 'hour', 'minute']);

/**
 * "Wednesday's ruling", "the August 4 assassination attempt": a date that names an event
 * takes its tense from what follows, not from the verb of the sentence ("I would accept…").
 */
function namesEvent(text: string, c: Candidate): boolean {
  if (/['’]s$/.test(text.slice(c.start, c.end))) return true;
  const before = /(?:^|\s)(the|a|an|this|that)\s+$/i.test(text.slice(Math.max(0, c.start - 6), c.start));
  return before && /^\s+\p{Ll}/u.test(text.slice(c.end, c.end + 3)) && (c.sem.kind === 'date' || c.sem.kind === 'weekday' || c.sem.kind === 'month');
}

/**
 * Candidates that are no time expression where they stand: a weekday naming an event
 * ("Bloody Sunday") or any such day ("on a Friday afternoon"), a four-digit clock time
 * read as a year ("(1530 UTC)").
 */
function namesNoDate(text: string, c: Candidate, lex: DateLexicon): boolean {
  if (c.sem.kind === 'weekday') {
    const before = /(\S+)\s+$/u.exec(text.slice(Math.max(0, c.start - 16), c.start))?.[1] ?? '';
    // "on a Friday afternoon" is any Friday; "a Sunday night memorial" is the memorial's article
    return (/^\p{Lu}/u.test(before) && lex.namedDayPrefixes.has(before.toLowerCase())) || /\bon\s+(?:a|one|any|another)\s+$/i.test(text.slice(Math.max(0, c.start - 16), c.start));
  }
  if (c.sem.kind === 'year' && /^\d{4}$/.test(text.slice(c.start, c.end))) {
    const after = text.slice(c.end, c.end + 12);
    return lex.clockZones.some((z) => {
      const word = after.slice(1, 1 + z.length);
      // a zone is written in capitals ("UTC"); "hours" and "local time" as they come
      return after[0] === ' ' && word.toLowerCase() === z && (/\s|hours|hrs/.test(z) || word === word.toUpperCase()) && !/^[\p{L}\d]/u.test(after.slice(z.length + 1));
    });
  }
  return false;
}

function dayOf(r: Resolved): number | undefined {
  return r.range && DAY_PRECISIONS.has(r.precision ?? '') ? parseIsoDay(r.range.start) : undefined;
}

const WEEKDAY_SPAN_GAP = /^\s*(?:to|until|till|through|thru|-|–)\s*$/i;

/** "protests lasting from Friday through Tuesday": the second weekday of a span comes after the first */
function weekdaySpansForward(stext: string, cands: readonly Candidate[], results: Map<Candidate, Resolved>): void {
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1]!;
    const ra = results.get(a);
    const rb = results.get(b);
    if (a.sem.kind !== 'weekday' || b.sem.kind !== 'weekday' || !ra || !rb || !WEEKDAY_SPAN_GAP.test(stext.slice(a.end, b.start))) continue;
    const da = dayOf(ra);
    const db = dayOf(rb);
    if (da !== undefined && db !== undefined && db < da) results.set(b, withDayParts(db + 7 * Math.ceil((da - db) / 7), b.sem, true));
  }
}

/** A day closing a reporting clause ("residents said on Sunday.", "told Reuters on Sunday, adding"). */
function tellsWhenSaid(stext: string, c: Candidate, ctx: SentenceContext): boolean {
  return ctx.followsReportingVerb(c.start) && /^\s*(?:[,.;:]|$)/.test(stext.slice(c.end));
}

/**
 * Find and resolve every time expression of a text, sentence by sentence, against the
 * publication day. Relative expressions that cannot be anchored are left out and
 * reported as diagnostics.
 */
export function extractTimeExpressions(
  text: string,
  sentences: readonly Sentence[],
  publishedAt: string | undefined,
  grammar: DateGrammar,
): { expressions: DatedExpression[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const dct = parseIsoDay(publishedAt);
  if (publishedAt && dct === undefined) {
    diagnostics.push(diagnostic(STAGE, 'dates-bad-publication-date', 'warning', `publication date "${publishedAt}" is not an ISO date; relative dates are not resolved`));
  }
  const ref: RefTime = {};
  const expressions: DatedExpression[] = [];
  let unanchored = 0;
  for (const sentence of sentences) {
    const base = sentence.span.start;
    const stext = sentence.span.text;
    const cands = grammar.scan(stext).filter((c) => !namesNoDate(stext, c, grammar.lexicon));
    // most sentences hold no time expression: their context is never read
    if (!cands.length) continue;
    const ctx = new SentenceContext(stext, grammar.lexicon);
    ctx.maskExpressions(cands);
    const results = new Map<Candidate, Resolved>();
    const run = (c: Candidate, anchor: number | undefined, sentenceDay?: number) => {
      const r = resolveSem(c.sem, { dct: anchor, ref, tense: ctx.tense(c.start, c.end, namesEvent(stext, c)), lex: grammar.lexicon, sentenceDay });
      if (r === UNANCHORED) {
        unanchored++;
        diagnostics.push(diagnostic(STAGE, 'date-unanchored', 'info', `"${c.sem.kind}" expression needs the publication date`, makeSpan(text, base + c.start, base + c.end)));
        return;
      }
      if (!r) return;
      results.set(c, r);
      // "killed 12 farmers late on Saturday, residents said on Sunday": the day of the telling
      // does not move the account's time, so a later bare "at about 6.30 p.m." is Saturday's
      if (ref.day === undefined || !tellsWhenSaid(stext, c, ctx)) updateRef(ref, r);
    };
    const isClock = (c: Candidate) => c.sem.kind === 'clock';
    const quoted = (c: Candidate) => ctx.inQuote(c.start, c.end);
    for (const c of cands) if (!isClock(c) && !quoted(c)) run(c, dct);
    // a quotation's "today" is the day it was spoken: "…today," Maduro said that day
    let speech: number | undefined;
    for (const [c, r] of results) if (!quoted(c) && ctx.followsReportingVerb(c.start) && dayOf(r) !== undefined) speech = dayOf(r);
    for (const c of cands) if (!isClock(c) && quoted(c)) run(c, speech ?? dct);
    for (const c of cands.filter(isClock)) {
      let nearest: { d: number; day: number } | undefined;
      for (const [o, r] of results) {
        const day = dayOf(r);
        const d = Math.abs(o.start - c.start);
        if (day !== undefined && (!nearest || d < nearest.d)) nearest = { d, day };
      }
      run(c, dct, nearest?.day);
    }
    weekdaySpansForward(stext, cands, results);
    for (const c of cands) {
      const r = results.get(c);
      if (!r) continue;
      const e: DatedExpression = { id: '', span: makeSpan(text, base + c.start, base + c.end), type: r.type, value: r.value, relative: r.relative };
      if (r.precision) e.precision = r.precision;
      if (r.range) e.range = r.range;
      if (r.parts && c.sem.kind === 'range') {
        const spans = [c.sem.aSpan, c.sem.bSpan];
        e.parts = r.parts.map((p, i) => ({ span: makeSpan(text, base + spans[i]![0], base + spans[i]![1]), type: p.type, value: p.value }));
      }
      expressions.push(e);
    }
  }
  expressions.sort((a, b) => a.span.start - b.span.start);
  expressions.forEach((e, i) => (e.id = `t${i + 1}`));
  if (unanchored > 0 && dct === undefined) {
    diagnostics.unshift(diagnostic(STAGE, 'dates-no-publication-date', 'warning', `${unanchored} relative time expression(s) left unresolved: the article has no usable publication date`));
  }
  return { expressions, diagnostics };
}

/** The "dates" stage: every time expression of the clean text, resolved to a TIMEX3 value. */
export function createDatesStage(options: DatesOptions = {}): Stage {
  let grammar: DateGrammar | undefined;
  return {
    name: STAGE,
    // 4: named days ("Bloody Sunday"), "on a Friday", clock times read as years; the year of a past account; 5: "2.10pm", "3.05 p.m."; 6: the day of a report does not move the account's day; 7: "the fall of X" is no season; 8: "from Friday through Tuesday" runs forward; 9: "urged X to return … on Wednesday" looks ahead
    version: '9',
    requires: ['sentences'],
    provides: ['dates'],
    run(doc) {
      grammar ??= new DateGrammar(options.lexicon ?? defaultDateLexicon());
      const { expressions, diagnostics } = extractTimeExpressions(doc.text, doc.get('sentences'), doc.meta.publishedAt, grammar);
      return { layers: { dates: expressions }, diagnostics };
    },
  };
}

export { DateGrammar } from './scan.js';
export { defaultDateLexicon, loadDateLexicon } from '../../core/date-lexicon.js';
