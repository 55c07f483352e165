/**
 * Resolving the expressions counted from an anchor rather than named by the calendar: weekdays
 * and day words from the publication day, periods ("last week"), offsets ("two years ago",
 * "three days later"), anaphors ("that day") from the reference time, and bare clock times.
 */
import type { Sem } from './sem.js';
import { addMonths, dayNumber, fromDayNumber, isoWeekday, weekStart } from './calendar.js';
import { period, UNANCHORED, withDayParts, type ResolveContext, type ResolveOutcome } from './resolved.js';

export type RelativeSem = Extract<Sem, { kind: 'weekday' | 'dayword' | 'period' | 'offset' | 'anaphor' | 'clock' }>;

export function resolveRelative(sem: RelativeSem, ctx: ResolveContext): ResolveOutcome {
  const { dct, tense } = ctx;
  switch (sem.kind) {
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
      if (!weekend) shift = sem.shift === 0 ? (tense === 'future' || (sem.ahead && tense !== 'past') ? 0 : -1) : sem.shift === 1 ? 0 : -1;
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
  }
}
