import type { DatePrecision, TimexType } from '../../core/layers/index.js';
import type { Tense } from './context.js';
import type { DateLexicon } from './lexicon.js';
import type { PeriodUnit, Sem } from './sem.js';
import {
  addMonths, dayNumber, daysInMonth, formatDay, formatMonth, formatWeek, fromDayNumber, holidayDay, isoWeekday, isValidDate,
  monthRange, pad, weekStart, yearRange,
} from './calendar.js';

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

type Out = Resolved | typeof UNANCHORED | null;

const dayRange = (n: number) => ({ start: formatDay(n), end: formatDay(n) });

/** Pick the occurrence (by year) of a yearly date nearest the publication day, weighed by tense. */
function pickYear(dct: number, tense: Tense, dayIn: (y: number) => number | undefined, strict = 0): number | undefined {
  const y0 = fromDayNumber(dct).y;
  let best: { y: number; cost: number } | undefined;
  for (const y of [y0 - 1, y0, y0 + 1]) {
    const n = dayIn(y);
    if (n === undefined) continue;
    const diff = n - dct;
    let cost: number;
    if (strict < 0) cost = diff < 0 ? -diff : Infinity;
    else if (strict > 0) cost = diff > 0 ? diff : Infinity;
    else if (tense === 'past') cost = diff <= 0 ? -diff : Infinity;
    else if (tense === 'future') cost = diff >= 0 ? diff : Infinity;
    // no tense cue: news looks back more often than forward
    else cost = diff <= 0 ? -diff : diff * 3;
    if (!best || cost < best.cost) best = { y, cost };
  }
  return best && best.cost < Infinity ? best.y : undefined;
}

function withDayParts(n: number, sem: Sem, relative: boolean): Resolved {
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

function seasonBounds(lex: DateLexicon, s: string, y: number): { start: number; end: number } {
  const [from, to] = lex.seasonMonths.get(s)!;
  const endYear = to < from ? y + 1 : y;
  return { start: dayNumber(y, from, 1), end: dayNumber(endYear, to, daysInMonth(endYear, to)) };
}

function period(unit: PeriodUnit, anchor: number, shift: number, relative: boolean): Resolved {
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

/** Resolve one expression; UNANCHORED when it needs a publication date the article lacks. */
export function resolveSem(sem: Sem, ctx: ResolveContext): Out {
  if (!sem.dayShift && !sem.weekOf && !sem.atEnd) return resolvePlain(sem, ctx);
  // a holiday's week picks its year by the week ("Easter week began" on its Monday)
  const inner = resolvePlain({ ...sem, dayShift: undefined, weekOf: sem.kind === 'holiday' ? sem.weekOf : undefined, atEnd: undefined }, ctx);
  if (!inner || inner === UNANCHORED || !inner.range) return inner;
  if (sem.atEnd) return withDayParts(parseDay(inner.range.end), sem, inner.relative);
  const day = parseDay(inner.range.start);
  if (sem.weekOf) return period('W', day, 0, inner.relative);
  return withDayParts(day + sem.dayShift!, sem, inner.relative);
}

function parseDay(iso: string): number {
  return dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function resolvePlain(sem: Sem, ctx: ResolveContext): Out {
  const { dct, tense, lex } = ctx;
  switch (sem.kind) {
    case 'duration':
      return { type: 'DURATION', value: sem.value, relative: false };
    case 'set':
      return { type: 'SET', value: sem.value, relative: false };
    case 'ref':
      return { type: 'DATE', value: sem.value, relative: true };
    case 'year':
      return { type: 'DATE', value: pad(sem.y, 4), precision: 'year', range: yearRange(sem.y), relative: false };
    case 'decade':
      return { type: 'DATE', value: String(sem.dec), precision: 'decade', range: { start: yearRange(sem.dec * 10).start, end: yearRange(sem.dec * 10 + 9).end }, relative: false };
    case 'century':
      return { type: 'DATE', value: pad(sem.c, 2), precision: 'century', range: { start: yearRange(sem.c * 100).start, end: yearRange(sem.c * 100 + 99).end }, relative: false };
    case 'date': {
      if (sem.y !== undefined) return isValidDate(sem.y, sem.m, sem.d) ? withDayParts(dayNumber(sem.y, sem.m, sem.d), sem, false) : null;
      if (dct === undefined) return UNANCHORED;
      // "Monday, Oct. 26": the weekday tells the year
      const fits = (yy: number) => isValidDate(yy, sem.m, sem.d) && (sem.wd === undefined || isoWeekday(dayNumber(yy, sem.m, sem.d)) === sem.wd);
      const y0 = fromDayNumber(dct).y;
      const byWeekday = sem.wd === undefined ? [] : [y0, y0 - 1, y0 + 1].filter(fits);
      const y = byWeekday.length === 1 ? byWeekday[0] : pickYear(dct, tense, (yy) => (isValidDate(yy, sem.m, sem.d) ? dayNumber(yy, sem.m, sem.d) : undefined));
      return y === undefined ? null : withDayParts(dayNumber(y, sem.m, sem.d), sem, true);
    }
    case 'month': {
      let y = sem.y;
      if (y === undefined) {
        if (dct === undefined) return UNANCHORED;
        const cur = fromDayNumber(dct);
        if (sem.yearShift !== undefined) y = cur.y + sem.yearShift;
        else if (sem.shift === 0) y = cur.y;
        // compare months by their first day against the first of the publication month
        else y = pickYear(dayNumber(cur.y, cur.m, 1), tense, (yy) => dayNumber(yy, sem.m, 1), sem.shift ?? 0);
        if (y === undefined) return null;
      }
      return { type: 'DATE', value: formatMonth(y, sem.m), precision: 'month', range: monthRange(y, sem.m), relative: sem.y === undefined };
    }
    case 'season': {
      let y = sem.y;
      if (y === undefined) {
        if (dct === undefined) return UNANCHORED;
        const cur = fromDayNumber(dct).y;
        const inSeason = [cur - 1, cur].find((yy) => {
          const b = seasonBounds(lex, sem.s, yy);
          return b.start <= dct && dct <= b.end;
        });
        if (sem.shift === 0 || (inSeason !== undefined && sem.shift === undefined)) y = inSeason ?? cur;
        else y = pickYear(dct, tense, (yy) => seasonBounds(lex, sem.s, yy).start, sem.shift ?? 0);
        if (sem.shift === -1 && y !== undefined && y === inSeason) y -= 1;
        if (y === undefined) return null;
      }
      const b = seasonBounds(lex, sem.s, y);
      return { type: 'DATE', value: `${pad(y, 4)}-${sem.s}`, precision: 'season', range: { start: formatDay(b.start), end: formatDay(b.end) }, relative: sem.y === undefined };
    }
    case 'quarter': {
      let y = sem.y;
      if (y === undefined) {
        if (dct === undefined) return UNANCHORED;
        const cur = fromDayNumber(dct);
        y = sem.shift !== undefined ? cur.y + sem.shift : pickYear(dct, tense === 'unknown' ? 'past' : tense, (yy) => dayNumber(yy, (sem.q - 1) * 3 + 1, 1)) ?? cur.y;
      }
      const start = dayNumber(y, (sem.q - 1) * 3 + 1, 1);
      return { ...period('Q', start, 0, sem.y === undefined), relative: sem.y === undefined };
    }
    case 'half': {
      if (sem.y === undefined && dct === undefined) return UNANCHORED;
      const y = sem.y ?? fromDayNumber(dct!).y + (sem.yearShift ?? 0);
      const from = sem.h === 1 ? 1 : 7;
      // no precision between quarter and year: a half is reported at the coarser quarter's grain
      return { type: 'DATE', value: `${pad(y, 4)}-H${sem.h}`, precision: 'quarter', range: { start: monthRange(y, from).start, end: monthRange(y, from + 5).end }, relative: sem.y === undefined };
    }
    case 'holiday': {
      const dayIn = (yy: number): number | undefined => holidayDay(sem.spec, yy);
      if (sem.y !== undefined) return dayIn(sem.y) === undefined ? null : withDayParts(dayIn(sem.y)!, sem, false);
      if (dct === undefined) return UNANCHORED;
      // "Easter week began": the year whose holiday week holds or lies nearest the publication day
      const y = pickYear(dct, tense, sem.weekOf ? (yy) => (dayIn(yy) === undefined ? undefined : weekStart(dayIn(yy)!)) : dayIn, sem.shift ?? 0);
      return y === undefined ? null : withDayParts(dayIn(y)!, sem, true);
    }
    case 'weekday': {
      if (dct === undefined) return UNANCHORED;
      const today = isoWeekday(dct);
      const back = (today - sem.wd + 7) % 7;
      const ahead = (sem.wd - today + 7) % 7;
      let n: number;
      if (sem.shift === -1) n = dct - (back === 0 ? 7 : back);
      else if (sem.shift === 1) n = dct + (ahead === 0 ? 7 : ahead);
      else if (sem.shift === 0) n = weekStart(dct) + sem.wd - 1;
      else n = tense === 'future' ? dct + ahead : dct - back;
      return withDayParts(n, sem, true);
    }
    case 'dayword':
      if (dct === undefined) return UNANCHORED;
      return withDayParts(dct + sem.offset, sem, true);
    case 'period': {
      if (dct === undefined) return UNANCHORED;
      if (sem.reported) return period('Q', dct, tense === 'future' ? 0 : -1, true);
      if (sem.unit !== 'WE') return period(sem.unit, dct, sem.shift, true);
      // weekends: on a weekday "the weekend" is the one just past unless the verb looks ahead
      const weekend = isoWeekday(dct) >= 6;
      let shift = sem.shift;
      if (!weekend) shift = sem.shift === 0 ? (tense === 'future' ? 0 : -1) : sem.shift === 1 ? 0 : -1;
      return period('WE', dct, shift, true);
    }
    case 'offset': {
      const base = sem.from === 'ref' ? (ctx.ref.day ?? dct) : dct;
      if (base === undefined) return UNANCHORED;
      if (sem.n === null) return { type: 'DATE', value: sem.sign < 0 ? 'PAST_REF' : 'FUTURE_REF', relative: true };
      const n = Math.round(sem.n) * sem.sign;
      const { y, m } = fromDayNumber(base);
      switch (sem.unit) {
        case 'D':
          return withDayParts(base + n, { kind: 'dayword', offset: 0 }, true);
        case 'W':
        case 'WE':
          return period('W', base + 7 * n, 0, true);
        case 'M': {
          const t = addMonths(y, m, n);
          return period('M', dayNumber(t.y, t.m, 1), 0, true);
        }
        case 'Q':
          return period('M', dayNumber(addMonths(y, m, 3 * n).y, addMonths(y, m, 3 * n).m, 1), 0, true);
        default: {
          const years = n * (sem.unit === 'DE' ? 10 : sem.unit === 'CE' ? 100 : 1);
          return period('Y', dayNumber(y + years, 1, 1), 0, true);
        }
      }
    }
    case 'anaphor': {
      const { ref } = ctx;
      const base = ref.day ?? (ref.month ? dayNumber(ref.month.y, ref.month.m, 1) : ref.year !== undefined ? dayNumber(ref.year, 1, 1) : dct);
      if (base === undefined) return UNANCHORED;
      if (sem.unit === 'D') {
        // "that same day" after "last October": only the month is known
        if (ref.day === undefined && ref.month) return period('M', dayNumber(ref.month.y, ref.month.m, 1), 0, true);
        if (ref.day === undefined && dct === undefined) return UNANCHORED;
        return withDayParts((ref.day ?? dct!) + sem.offset, sem, true);
      }
      return period(sem.unit, base, sem.offset, true);
    }
    case 'clock': {
      const day = ctx.sentenceDay ?? ctx.ref.day ?? dct;
      if (day === undefined) return UNANCHORED;
      return withDayParts(day, sem, true);
    }
    case 'range':
      return resolveRange(sem, ctx);
  }
}

/** Resolve both ends; the later end lends its year to the earlier ("January 23 - March 9 2014"). */
function resolveRange(sem: Extract<Sem, { kind: 'range' }>, ctx: ResolveContext): Out {
  const b = resolveSem(sem.b, ctx);
  let aSem = sem.a;
  const bYear = b && b !== UNANCHORED && b.range ? Number(b.range.start.slice(0, 4)) : undefined;
  if ((aSem.kind === 'date' || aSem.kind === 'month') && aSem.y === undefined && bYear !== undefined && (sem.b.kind === 'date' || sem.b.kind === 'month')) {
    aSem = { ...aSem, y: aSem.m > sem.b.m ? bYear - 1 : bYear };
  }
  const a = resolveSem(aSem, ctx);
  if (a === UNANCHORED || b === UNANCHORED) return UNANCHORED;
  if (!a || !b || !a.range || !b.range) return null;
  return { type: 'DATE', value: `${a.value}/${b.value}`, precision: a.precision, range: { start: a.range.start, end: b.range.end }, relative: a.relative || b.relative, parts: [a, b] };
}

/** Move the reference time to what an expression just resolved to. */
export function updateRef(ref: RefTime, r: Resolved): void {
  if (r.type === 'DURATION' || r.type === 'SET' || !r.range || r.value.includes('/')) return;
  const start = r.range.start;
  const n = dayNumber(Number(start.slice(0, 4)), Number(start.slice(5, 7)), Number(start.slice(8, 10)));
  const { y, m } = fromDayNumber(n);
  if (r.precision === 'day' || r.precision === 'part-of-day' || r.precision === 'hour' || r.precision === 'minute') {
    ref.day = n;
    ref.month = { y, m };
    ref.year = y;
  } else if (r.precision === 'month') {
    if (ref.month?.y !== y || ref.month.m !== m) ref.day = undefined;
    ref.month = { y, m };
    ref.year = y;
  } else if (r.precision === 'year' || r.precision === 'season' || r.precision === 'quarter') {
    if (ref.year !== y) {
      ref.day = undefined;
      ref.month = undefined;
    }
    ref.year = y;
  }
}
