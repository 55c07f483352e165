/**
 * What resolving a time expression yields, and the builders of those values shared by the
 * calendar and relative resolvers: a day (with its clock time or part of day) and a calendar
 * period (week, month, quarter, year, decade, century) around an anchor day.
 */
import type { DatePrecision, TimexType } from '../../core/layers/index.js';
import type { Tense } from './context.js';
import type { DateLexicon } from '../../core/date-lexicon.js';
import type { PeriodUnit, Sem } from './sem.js';
import { addMonths, formatDay, formatMonth, formatWeek, fromDayNumber, monthRange, pad, weekStart, yearRange } from './calendar.js';

export interface Resolved {
  type: TimexType;
  value: string;
  precision?: DatePrecision;
  range?: { start: string; end: string };
  relative: boolean;
  /** the two ends of a range, resolved on their own (TimeML annotates them separately) */
  parts?: [Resolved, Resolved];
}

/** The reference time: the last date the text mentioned, for "that day", "three days later". */
export interface RefTime {
  day?: number;
  month?: { y: number; m: number };
  year?: number;
  /**
   * The year of a past account the text is telling: set by a date written with its year
   * ("April 15, 1995"), kept while later dates fall in it, dropped by a date of another year.
   */
  narrativeYear?: number;
}

export interface ResolveContext {
  /** publication day (day number); undefined when the article has no date */
  dct?: number;
  ref: RefTime;
  tense: Tense;
  /** a day mentioned in the same sentence, for a bare clock time or part of day */
  sentenceDay?: number;
  lex: DateLexicon;
}

/** Thrown-free failure: the expression needs an anchor the document does not have. */
export const UNANCHORED = 'unanchored' as const;

/** a resolved value, UNANCHORED, or null when the expression names no real date */
export type ResolveOutcome = Resolved | typeof UNANCHORED | null;

const dayRange = (n: number) => ({ start: formatDay(n), end: formatDay(n) });

/** a day, as a TIME when a clock time or clock word is attached */
export function withDayParts(n: number, sem: Sem, relative: boolean): Resolved {
  const day = formatDay(n);
  if (sem.time) {
    return { type: 'TIME', value: `${day}T${pad(sem.time.h)}:${pad(sem.time.min)}`, precision: 'minute', range: dayRange(n), relative };
  }
  // a clock word (noon) is a time; a part of day keeps the day's value, marked by its precision
  // (TimeBank mostly annotates "Friday night" as the day; its TMO/TEV suffixes are inconsistent)
  if (sem.pod?.startsWith('T')) return { type: 'TIME', value: `${day}${sem.pod}`, precision: 'hour', range: dayRange(n), relative };
  if (sem.pod) return { type: 'DATE', value: day, precision: 'part-of-day', range: dayRange(n), relative };
  return { type: 'DATE', value: day, precision: 'day', range: dayRange(n), relative };
}

/** the calendar period of `unit` holding `anchor`, moved by `shift` periods */
export function period(unit: PeriodUnit, anchor: number, shift: number, relative: boolean): Resolved {
  const { y, m } = fromDayNumber(anchor);
  switch (unit) {
    case 'D':
      return withDayParts(anchor + shift, { kind: 'dayword', offset: 0 }, relative);
    case 'W':
    case 'WE': {
      const monday = weekStart(anchor) + 7 * shift;
      if (unit === 'W') return { type: 'DATE', value: formatWeek(monday), precision: 'week', range: { start: formatDay(monday), end: formatDay(monday + 6) }, relative };
      return { type: 'DATE', value: `${formatWeek(monday)}-WE`, precision: 'week', range: { start: formatDay(monday + 5), end: formatDay(monday + 6) }, relative };
    }
    case 'M': {
      const t = addMonths(y, m, shift);
      return { type: 'DATE', value: formatMonth(t.y, t.m), precision: 'month', range: monthRange(t.y, t.m), relative };
    }
    case 'Q': {
      const t = addMonths(y, Math.floor((m - 1) / 3) * 3 + 1, 3 * shift);
      const q = Math.floor((t.m - 1) / 3) + 1;
      const endM = addMonths(t.y, t.m, 2);
      return { type: 'DATE', value: `${pad(t.y, 4)}-Q${q}`, precision: 'quarter', range: { start: monthRange(t.y, t.m).start, end: monthRange(endM.y, endM.m).end }, relative };
    }
    case 'Y':
      return { type: 'DATE', value: pad(y + shift, 4), precision: 'year', range: yearRange(y + shift), relative };
    case 'DE': {
      const dec = Math.floor(y / 10) + shift;
      return { type: 'DATE', value: String(dec), precision: 'decade', range: { start: yearRange(dec * 10).start, end: yearRange(dec * 10 + 9).end }, relative };
    }
    case 'CE': {
      const c = Math.floor(y / 100) + shift;
      return { type: 'DATE', value: pad(c, 2), precision: 'century', range: { start: yearRange(c * 100).start, end: yearRange(c * 100 + 99).end }, relative };
    }
  }
}
