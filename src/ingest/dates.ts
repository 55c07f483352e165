import { matchAll } from '../core/match-all.js';

/**
 * Normalise a publication date to ISO 8601, or return undefined when it is not one.
 * ISO dates and date-times are kept in their own time zone (relative dates in the text
 * resolve against local time), only tidied: "2024-03-05 10:00+0200" → "2024-03-05T10:00:00+02:00".
 * RFC 2822 dates (feeds, HTTP headers, some meta tags) become UTC date-times.
 */
export function normalizeDate(value: string): string | undefined {
  const s = value.trim();
  if (s.length > 64) return undefined;
  return isoDate(s) ?? rfc2822Date(s);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function isoDate(s: string): string | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  if (!validDay(+y, +mo, +d)) return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return date;
  if (+h > 23 || +mi > 59 || (sec !== undefined && +sec > 59)) return undefined;
  const time = `${h}:${mi}:${sec ?? '00'}${frac ?? ''}`;
  return `${date}T${time}${zone === undefined ? '' : isoZone(zone)}`;
}

function isoZone(zone: string): string {
  if (zone === 'Z' || zone === 'z') return 'Z';
  const sign = zone[0];
  const digits = zone.slice(1).replace(':', '');
  const hh = digits.slice(0, 2);
  const mm = digits.slice(2, 4) || '00';
  return hh === '00' && mm === '00' ? 'Z' : `${sign}${hh}:${mm}`;
}

export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** month abbreviations, January first */
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC2822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|UT|Z|[+-]\d{4})?$/;

function rfc2822Date(s: string): string | undefined {
  const m = RFC2822.exec(s);
  if (!m) return undefined;
  const [, d, mon, y, h, mi, sec, zone] = m;
  const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
  if (month === 0 || !validDay(+y, month, +d) || +h > 23 || +mi > 59 || +(sec ?? 0) > 59) return undefined;
  let offsetMinutes = 0;
  if (zone && /^[+-]/.test(zone)) {
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(3, 5));
  }
  const utc = Date.UTC(+y, month - 1, +d, +h, +mi, +(sec ?? 0)) - offsetMinutes * 60_000;
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}

// A date in a URL or file name: 2023-09-20, 2023_09_20, 2023/09/20 (as in /news/2023/09/20/),
// or 20230920 — the same separator (or none) on both sides, not inside a longer number.
const LOCATION_DATE = /(?<![\d])((?:19|20)\d{2})([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])/g;

/**
 * The publication date a URL or path carries, when it carries exactly one plausible date
 * (a valid day, not in the future). News sites and archives name pages and files this way;
 * two different dates in one location are ambiguous and give none.
 */
export function dateInLocation(location: string | undefined, now = new Date()): string | undefined {
  if (!location) return undefined;
  const latest = now.toISOString().slice(0, 10);
  const found = new Set<string>();
  for (const m of matchAll(LOCATION_DATE, location)) {
    const [, y, , mo, d] = m;
    const day = `${y}-${mo}-${d}`;
    if (validDay(+y!, +mo!, +d!) && day <= latest) found.add(day);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
