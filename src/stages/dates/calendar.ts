/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, no
 * time zone): article dates are calendar days, never instants.
 */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

export function dayNumber(y: number, m: number, d: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return Math.floor(dt.getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(n: number): number {
  // 1970-01-01 was a Thursday (4)
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO 8601 week: the week's year and number. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - isoWeekday(n) + 4;
  const year = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Day number of the Monday of the week that holds day n. */
export function weekStart(n: number): number {
  return n - isoWeekday(n) + 1;
}

export function pad(n: number, width = 2): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

export function formatDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function formatWeek(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Add months to a (year, month) pair. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + k;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

/** The first and last calendar day of a month, as ISO dates. */
export function monthRange(y: number, m: number): { start: string; end: string } {
  return { start: formatDay(dayNumber(y, m, 1)), end: formatDay(dayNumber(y, m, daysInMonth(y, m))) };
}

export function yearRange(y: number): { start: string; end: string } {
  return { start: `${pad(y, 4)}-01-01`, end: `${pad(y, 4)}-12-31` };
}

/** Parse the leading calendar day of an ISO date or date-time ("2023-09-20T10:00Z" → that day). */
export function parseIsoDay(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? dayNumber(y, mo, d) : undefined;
}

/** The n-th given weekday of a month (n = -1: the last one). */
export function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = dayNumber(y, m, 1);
    return first + ((weekday - isoWeekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = dayNumber(y, m, daysInMonth(y, m));
  return last - ((isoWeekday(last) - weekday + 7) % 7);
}

/** Easter Sunday: the Gregorian computus, or the Julian one (Orthodox churches) moved onto the Gregorian calendar. */
export function easterSunday(y: number, orthodox = false): number {
  if (orthodox) {
    const a = y % 4;
    const b = y % 7;
    const c = y % 19;
    const d = (19 * c + 15) % 30;
    const e = (2 * a + 4 * b - d + 34) % 7;
    const month = Math.floor((d + e + 114) / 31);
    const day = ((d + e + 114) % 31) + 1;
    // the Julian calendar runs behind the Gregorian by this many days in year y
    const lag = Math.floor(y / 100) - Math.floor(y / 400) - 2;
    return dayNumber(y, month, day) + lag;
  }
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(y, month, day);
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * The day of a holiday in year y from its lexicon spec: "MM-DD"; "MM-<weekday><n>" for the
 * n-th weekday of the month (Thanksgiving "11-TH4"); "EASTER" or "ORTHODOX_EASTER"; each
 * optionally shifted by days ("11-MO1+1": the Tuesday after the first Monday of November,
 * "EASTER-2": Good Friday). Undefined for a spec it cannot read.
 */
export function holidayDay(spec: string, y: number): number | undefined {
  const m = /^(?:(?<easter>ORTHODOX_EASTER|EASTER)|(?<mm>\d{2})-(?:(?<dd>\d{2})|(?<wd>MO|TU|WE|TH|FR|SA|SU)(?<n>\d)))(?<shift>[+-]\d+)?$/.exec(spec);
  if (!m) return undefined;
  const g = m.groups!;
  const shift = g.shift ? Number(g.shift) : 0;
  if (g.easter) return easterSunday(y, g.easter === 'ORTHODOX_EASTER') + shift;
  const month = Number(g.mm);
  if (g.dd) return isValidDate(y, month, Number(g.dd)) ? dayNumber(y, month, Number(g.dd)) + shift : undefined;
  return nthWeekday(y, month, WEEKDAY_CODES.indexOf(g.wd!) + 1, Number(g.n)) + shift;
}
