/**
 * The publication date an article states on a line of its own near the top ("Jan 8, 2025",
 * "Published 8 January 2025, 10:32 GMT", "Updated: 2025-01-08"), for plain text that comes
 * with no date in its metadata, URL or file name. Only a full date (day, month and year)
 * standing alone on its line counts, and never one after `now`.
 */
import { MONTHS, validDay } from './dates.js';

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const PREFIX = '(?:(?:published|updated|posted|last\\s+updated|first\\s+published|date)\\s*(?:on|:)?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
// a time and zone, a reading time or a byline separator may follow the date on its line
const TAIL = '(?:\\s*(?:[,|•·–—-]|at)?\\s*(?:\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[a-z]{2,5})?|[a-z]{3,4}))?\\s*$';
const MONTH_FIRST = new RegExp(`^${PREFIX}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TAIL}`, 'i');
const DAY_FIRST = new RegExp(`^${PREFIX}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TAIL}`, 'i');
const ISO_LINE = new RegExp(`^${PREFIX}(\\d{4})-(\\d{2})-(\\d{2})${TAIL}`, 'i');
const HEAD_LINES = 8;
const MAX_LINE = 80;

export function dateInHead(text: string, now = new Date()): string | undefined {
  const latest = now.toISOString().slice(0, 10);
  const lines = text.slice(0, 2000).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, HEAD_LINES);
  for (const line of lines) {
    if (line.length > MAX_LINE) continue;
    const day = lineDate(line);
    if (day && day <= latest) return day;
  }
  return undefined;
}

function lineDate(line: string): string | undefined {
  let m = MONTH_FIRST.exec(line);
  if (m) return isoDay(+m[3]!, monthNumber(m[1]!), +m[2]!);
  m = DAY_FIRST.exec(line);
  if (m) return isoDay(+m[3]!, monthNumber(m[2]!), +m[1]!);
  m = ISO_LINE.exec(line);
  if (m) return isoDay(+m[1]!, +m[2]!, +m[3]!);
  return undefined;
}

const monthNumber = (name: string) => MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1;

function isoDay(y: number, m: number, d: number): string | undefined {
  if (!validDay(y, m, d)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
