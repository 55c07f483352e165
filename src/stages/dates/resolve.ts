/**
 * Resolving a recognised time expression to a TIMEX3 value: the entry point, the modifiers that
 * apply to any resolved day or period ("the day before", "the week of", "the end of"), the kinds
 * that need no anchor, ranges, and the reference time that moves as the text goes on. Calendar
 * and relative kinds are resolved in resolve-calendar.ts and resolve-relative.ts.
 */
import type { Sem } from './sem.js';
import { dayNumber, fromDayNumber, pad, yearRange } from './calendar.js';
import { period, UNANCHORED, withDayParts, type RefTime, type Resolved, type ResolveContext, type ResolveOutcome } from './resolved.js';
import { resolveCalendar } from './resolve-calendar.js';
import { resolveRelative } from './resolve-relative.js';

/** Resolve one expression; UNANCHORED when it needs a publication date the article lacks. */
export function resolveSem(sem: Sem, ctx: ResolveContext): ResolveOutcome {
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

/** an expression without the day modifiers, by kind */
function resolvePlain(sem: Sem, ctx: ResolveContext): ResolveOutcome {
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
    case 'date':
    case 'month':
    case 'season':
    case 'quarter':
    case 'half':
    case 'holiday':
      return resolveCalendar(sem, ctx);
    case 'weekday':
    case 'dayword':
    case 'period':
    case 'offset':
    case 'anaphor':
    case 'clock':
      return resolveRelative(sem, ctx);
    case 'range':
      return resolveRange(sem, ctx);
  }
}

/** Resolve both ends; the later end lends its year to the earlier ("January 23 - March 9 2014"). */
function resolveRange(sem: Extract<Sem, { kind: 'range' }>, ctx: ResolveContext): ResolveOutcome {
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
  const n = parseDay(start);
  const { y, m } = fromDayNumber(n);
  if (r.precision === 'day' || r.precision === 'part-of-day' || r.precision === 'hour' || r.precision === 'minute' || r.precision === 'month') {
    if (!r.relative) ref.narrativeYear = y;
    else if (ref.narrativeYear !== y) ref.narrativeYear = undefined;
  }
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
