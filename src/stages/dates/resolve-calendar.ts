/**
 * Resolving the expressions that name a calendar unit (a date, month, season, quarter, half or
 * holiday): written with a year they are absolute; without one, the occurrence nearest the
 * publication day is picked, weighed by the tense of the sentence.
 */
import type { Tense } from './context.js';
import type { DateLexicon } from '../../core/date-lexicon.js';
import type { Sem } from './sem.js';
import { dayNumber, daysInMonth, formatDay, formatMonth, fromDayNumber, holidayDay, isoWeekday, isValidDate, monthRange, pad, weekStart } from './calendar.js';
import { period, UNANCHORED, withDayParts, type ResolveContext, type ResolveOutcome } from './resolved.js';

export type CalendarSem = Extract<Sem, { kind: 'date' | 'month' | 'season' | 'quarter' | 'half' | 'holiday' }>;

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

/** how many years back a past account must lie before its year, not the publication's, dates "April 17" */
const NARRATIVE_MIN_YEARS_BACK = 2;

/**
 * "…entered his shop on April 15, 1995 … and on April 17 to pick up the truck": in an account of
 * a past year a day without its year is of that year (or the next, when it comes round first
 * after the last day told), unless the sentence looks ahead.
 */
function narrativeYearOf(sem: { m: number; d: number }, ctx: ResolveContext, dctYear: number): number | undefined {
  const ny = ctx.ref.narrativeYear;
  if (ny === undefined || ny > dctYear - NARRATIVE_MIN_YEARS_BACK || ctx.tense === 'future') return undefined;
  const last = ctx.ref.day;
  const fits = [ny, ny + 1].filter((yy) => isValidDate(yy, sem.m, sem.d));
  if (!fits.length) return undefined;
  if (last === undefined) return fits[0];
  // the nearest to the last day told, a little ahead preferred to far behind
  return fits.reduce((a, b) => (Math.abs(dayNumber(b, sem.m, sem.d) - last) < Math.abs(dayNumber(a, sem.m, sem.d) - last) ? b : a));
}

function seasonBounds(lex: DateLexicon, s: string, y: number): { start: number; end: number } {
  const [from, to] = lex.seasonMonths.get(s)!;
  const endYear = to < from ? y + 1 : y;
  return { start: dayNumber(y, from, 1), end: dayNumber(endYear, to, daysInMonth(endYear, to)) };
}

export function resolveCalendar(sem: CalendarSem, ctx: ResolveContext): ResolveOutcome {
  const { dct, tense, lex } = ctx;
  switch (sem.kind) {
    case 'date': {
      if (sem.y !== undefined) return isValidDate(sem.y, sem.m, sem.d) ? withDayParts(dayNumber(sem.y, sem.m, sem.d), sem, false) : null;
      if (dct === undefined) return UNANCHORED;
      // "Monday, Oct. 26": the weekday tells the year
      const fits = (yy: number) => isValidDate(yy, sem.m, sem.d) && (sem.wd === undefined || isoWeekday(dayNumber(yy, sem.m, sem.d)) === sem.wd);
      const y0 = fromDayNumber(dct).y;
      const byWeekday = sem.wd === undefined ? [] : [y0, y0 - 1, y0 + 1].filter(fits);
      const narrative = narrativeYearOf(sem, ctx, y0);
      const y = byWeekday.length === 1 ? byWeekday[0] : narrative ?? pickYear(dct, tense, (yy) => (isValidDate(yy, sem.m, sem.d) ? dayNumber(yy, sem.m, sem.d) : undefined));
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
  }
}
