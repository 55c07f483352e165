/**
 * What a recognised time expression means before it is resolved against a date:
 * the grammar produces these, the resolver turns them into TIMEX3 values.
 */
export type RefValue = 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';

/** Period units of relative expressions: D day, W week, WE weekend, M month, Q quarter, Y year, DE decade, CE century. */
export type PeriodUnit = 'D' | 'W' | 'WE' | 'M' | 'Q' | 'Y' | 'DE' | 'CE';

interface Extras {
  /** part of day (MO, AF, EV, NI) or a clock time (T12:00) */
  pod?: string;
  /** a clock time attached to the day */
  time?: { h: number; min: number };
  /** "the day before Christmas": days added to the day the expression names */
  dayShift?: number;
  /** "the week of March 6": the ISO week holding the day */
  weekOf?: boolean;
  /** "the end of the year", "month-end": the last day of the period */
  atEnd?: boolean;
}

export type Sem = Extras &
  (
    | { kind: 'date'; y?: number; m: number; d: number; wd?: number }
    | { kind: 'month'; y?: number; m: number; shift?: number; /** "October this year": the publication year plus this */ yearShift?: number }
    | { kind: 'year'; y: number }
    | { kind: 'decade'; dec: number }
    | { kind: 'century'; c: number }
    | { kind: 'season'; s: string; y?: number; shift?: number }
    | { kind: 'quarter'; q: number; y?: number; shift?: number }
    | { kind: 'holiday'; spec: string; y?: number; shift?: number }
    | { kind: 'weekday'; wd: number; shift?: number }
    | { kind: 'dayword'; offset: number }
    /** "last week", "this year", "next month": a calendar period counted from publication */
    | { kind: 'period'; unit: PeriodUnit; shift: number; /** "the quarter": the one just ended, the current one when the verb looks ahead */ reported?: boolean; /** "this weekend's vote": the coming one unless the verb looks back */ ahead?: boolean }
    /** "the first half of 2022" (H1), "the second half of the year" (H2) */
    | { kind: 'half'; h: 1 | 2; y?: number; yearShift?: number }
    /** "two years ago" (from publication), "three days later" (from the reference time) */
    | { kind: 'offset'; unit: PeriodUnit; n: number | null; sign: 1 | -1; from: 'dct' | 'ref' }
    /** "that day", "the next day", "the year before": counted from the reference time */
    | { kind: 'anaphor'; unit: PeriodUnit; offset: number }
    /** a part of day or clock time standing alone ("in the evening", "at 10 p.m.") */
    | { kind: 'clock' }
    | { kind: 'duration'; value: string }
    | { kind: 'set'; value: string }
    | { kind: 'ref'; value: RefValue }
    | { kind: 'range'; a: Sem; b: Sem; aSpan: [number, number]; bSpan: [number, number] }
  );

/** A recognised expression in one sentence; offsets are relative to the sentence text. */
export interface Candidate {
  start: number;
  end: number;
  sem: Sem;
  rule: string;
}
