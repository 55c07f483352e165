import { diagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { BackgroundMark, Sentence, TimeExpression } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { defaultBackgroundCues, type BackgroundCues } from './cues.js';

const STAGE = 'background';
const COARSE = new Set(['month', 'season', 'quarter', 'year', 'decade', 'century']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);
const MS_PER_DAY = 86_400_000;

export interface BackgroundOptions {
  cues?: BackgroundCues;
  /** overrides the cue file's thresholdDays */
  thresholdDays?: number;
}

function dayOf(iso: string | undefined): number | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY) : undefined;
}

/** How a time expression sits in its sentence and how far back it points. */
interface DateUse {
  expr: TimeExpression;
  old: boolean;
  recent: boolean;
  /** an adverbial ("on 11 December", "last year") rather than a modifier ("the 2020 ceasefire") */
  adverbial: boolean;
}

function lastWord(s: string): string {
  const m = /([\p{L}]+)[^\p{L}]*$/u.exec(s);
  return m ? m[1]!.toLowerCase() : '';
}

function classify(e: TimeExpression, sentence: Sentence, dct: number | undefined, threshold: number, cues: BackgroundCues): DateUse | undefined {
  if (e.type === 'DURATION' || e.type === 'SET') return undefined;
  const s = sentence.span;
  const before = s.text.slice(0, e.span.start - s.start);
  const after = s.text.slice(e.span.end - s.start);
  const possessive = /['’]s$/.test(e.span.text) || /^['’]s\b/.test(after);
  const prev = lastWord(before);
  const initial = !/[\p{L}\p{N}]/u.test(before);
  const premodifier = possessive || (DETERMINERS.has(prev) && /^\s+\p{Ll}/u.test(after) && !e.relative);
  const adverbial = !premodifier && (initial || cues.prepositions.has(prev) || e.relative || /^\s*[,.;)]/.test(after));
  if (cues.recentRefs.has(e.value)) return { expr: e, old: false, recent: true, adverbial };
  const end = dayOf(e.range?.end);
  if (end === undefined || dct === undefined) return undefined;
  const old = COARSE.has(e.precision ?? '') ? end < dct : end < dct - threshold;
  const start = dayOf(e.range?.start) ?? end;
  const recent = !old && (!COARSE.has(e.precision ?? '') || start > dct - threshold);
  return { expr: e, old, recent, adverbial };
}

/**
 * Mark the sentences about past history, with the reason for each: a date well before
 * publication used as an adverbial ("on 11 December", "from 1988 to 1994", "last
 * year"); an old event named with nothing in the present ("The 2020 war ended…");
 * retrospective wording ("in recent years", "had clashed twice"); the pluperfect right
 * after such a sentence. A date near publication keeps a sentence current, so "a
 * guarantor of the 2020 ceasefire that has forces there" stays today's news.
 */
export function markBackground(
  sentences: readonly Sentence[],
  dates: readonly TimeExpression[],
  publishedAt: string | undefined,
  cues: BackgroundCues,
  threshold = cues.thresholdDays,
): BackgroundMark[] {
  const dct = dayOf(publishedAt);
  const marks: BackgroundMark[] = [];
  let previousMarked: Sentence | undefined;
  for (const sentence of sentences) {
    const s = sentence.span;
    const uses = dates
      .filter((e) => e.span.start >= s.start && e.span.end <= s.end)
      .map((e) => classify(e, sentence, dct, threshold, cues))
      .filter((u): u is DateUse => u !== undefined);
    const recentAdverbial = uses.some((u) => u.recent && u.adverbial);
    const anyRecent = uses.some((u) => u.recent);
    const words = s.text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
    const present = words.some((w) => cues.presentCues.has(w));
    let reason: string | undefined;
    const oldAdverbial = uses.find((u) => u.old && u.adverbial);
    const oldModifier = uses.find((u) => u.old && !u.adverbial);
    if (!recentAdverbial) {
      const cue = cues.retrospective.find((c) => c.regex.test(s.text) && !(c.weak && anyRecent));
      if (oldAdverbial) reason = `dated ${oldAdverbial.expr.value} ("${oldAdverbial.expr.span.text}"), before the publication date`;
      else if (oldModifier && !present && !anyRecent) reason = `about a past event (${oldModifier.expr.value}: "${oldModifier.expr.span.text}") with nothing in the present`;
      else if (cue) reason = cue.reason;
      else if (
        cues.pluperfect.test(s.text) &&
        !anyRecent &&
        (oldModifier || (previousMarked && previousMarked.paragraph === sentence.paragraph && previousMarked.index === sentence.index - 1))
      ) {
        reason = 'pluperfect continuing a past account';
      }
    }
    if (reason) {
      marks.push({ sentence: sentence.index, span: s, reason });
      previousMarked = sentence;
    }
  }
  return marks;
}

/** The "background" stage: sentences about past history, each with its reason. */
export function createBackgroundStage(options: BackgroundOptions = {}): Stage {
  return {
    name: STAGE,
    version: '1',
    requires: ['sentences', 'dates'],
    provides: ['background'],
    run(doc) {
      const cues = options.cues ?? defaultBackgroundCues();
      const diagnostics: Diagnostic[] = [];
      if (dayOf(doc.meta.publishedAt) === undefined) {
        diagnostics.push(diagnostic(STAGE, 'background-no-publication-date', 'info', 'no publication date: only wording cues mark background, not the age of dates'));
      }
      const background = markBackground(doc.get('sentences'), doc.get('dates'), doc.meta.publishedAt, cues, options.thresholdDays ?? cues.thresholdDays);
      return { layers: { background }, diagnostics };
    },
  };
}

export { loadBackgroundCues, defaultBackgroundCues } from './cues.js';
