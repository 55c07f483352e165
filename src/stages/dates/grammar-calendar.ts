import type { DateLexicon } from '../../core/date-lexicon.js';
import type { Sem } from './sem.js';
import { fragments, groupStart, isCapitalised, rawWordBefore, rx, wordAfter, wordBefore, type Rule } from './grammar-util.js';

/** words that may follow "April 24 and 25" when 25 is a day */
const DAY_PAIR_FOLLOWERS = new Set(['in', 'at', 'on', 'and', 'or', 'when', 'while', 'as', 'to', 'for', 'with', 'after', 'before', 'during', 'by', 'from', 'that', 'where', 'was', 'were', 'is', 'are', 'will', 'would', 'respectively']);

/**
 * Rules for expressions that name calendar units: dates, months, years, decades,
 * seasons, quarters, holidays, weekdays, today/yesterday, parts of day and clock times.
 */
export function calendarRules(lex: DateLexicon): Rule[] {
  const f = fragments(lex);
  const month = (m: RegExpExecArray): number | undefined => {
    const raw = m.groups!.mon!;
    const key = raw.toLowerCase().replace(/\.$/, '');
    const n = lex.months.get(key);
    // "may", "march", abbreviations: only capitalised ("Theresa May" is caught by context rules)
    if (n === undefined || (lex.monthsNeedingContext.has(key) && !isCapitalised(raw))) return undefined;
    return n;
  };
  const weekday = (raw: string): number | undefined => {
    const key = raw.toLowerCase().replace(/\.$/, '');
    if (lex.weekdayAbbreviationsNeedDot.has(key) && !isCapitalised(raw)) return undefined;
    return lex.weekdays.get(key);
  };
  const pod = (raw: string | undefined): string | undefined => (raw ? lex.partsOfDay.get(raw.toLowerCase()) : undefined);
  const shiftOf = (raw: string | undefined): number | undefined => (raw ? lex.relativeShift.get(raw.toLowerCase()) : undefined);
  const day = (raw: string): number => parseInt(raw, 10);
  const year = (raw: string | undefined): number | undefined => (raw ? Number(raw) : undefined);
  const startOf = (m: RegExpExecArray, ...names: string[]): number | undefined => {
    for (const n of names) {
      const s = groupStart(m, n);
      if (s !== undefined) return s;
    }
    return undefined;
  };
  const yearContextOk = (text: string, start: number, end: number): boolean => {
    const before = wordBefore(text, start);
    const after = wordAfter(text, end);
    if (lex.countNouns.has(after) || after === '%' || /^[-–]?(?:year|strong|member)/.test(after)) return false;
    if (before === '$' || before === '£' || before === '€' || before === '#' || before === 'no') return false;
    if (before === '' || lex.yearPrepositions.has(before) || /^[(,:;'"“]$/.test(before)) return true;
    // "over 2000 - 2050": the first of a span of years, whatever precedes it
    const span = /^\s*[-–]\s*(\d{4})\b/.exec(text.slice(end));
    if (span && Number(span[1]) > Number(text.slice(start, end).slice(-4)) && Number(span[1]) - Number(text.slice(start, end).slice(-4)) <= 200) return true;
    if (lex.numericPrepositions.has(before)) return false;
    return isCapitalised(rawWordBefore(text, start));
  };

  return [
    {
      name: 'month-day',
      re: rx(`(?:(?<wd>${f.weekday})${f.sep})?(?<mon>${f.month})\\s*(?<day>${f.day})(?:${f.sep}(?<year>${f.year}))?`),
      build(m) {
        const mo = month(m);
        const d = day(m.groups!.day!);
        if (mo === undefined || d < 1 || d > 31) return null;
        return { sem: { kind: 'date', m: mo, d, y: year(m.groups!.year), wd: m.groups!.wd ? weekday(m.groups!.wd) : undefined } };
      },
    },
    {
      // "April 24 and 25", "May 3-4, 2021": two days of one month, each an expression of its own
      name: 'month-day-pair',
      re: rx(`(?<mon>${f.month})\\s*(?<day>${f.day})\\s*(?:and|&|-|–|to|through)\\s*(?<day2>${f.day})(?:${f.sep}(?<year>${f.year}))?`),
      build(m, text) {
        const mo = month(m);
        const [d1, d2] = [day(m.groups!.day!), day(m.groups!.day2!)];
        if (mo === undefined || d1 < 1 || d2 > 31 || d2 <= d1) return null;
        // "killed on May 4 and 25 others wounded": the second number counts something
        const after = wordAfter(text, m.index + m[0].length);
        if (/^\p{Ll}/u.test(after) && !DAY_PAIR_FOLLOWERS.has(after)) return null;
        const y = year(m.groups!.year);
        const beforeYear = y === undefined ? m[0] : m[0].slice(0, m[0].lastIndexOf(m.groups!.year!)).replace(/[\s,]+$/, '');
        const bEnd = m.index + beforeYear.length;
        const aEnd = groupStart(m, 'day')! + m.groups!.day!.length;
        const a: Sem = { kind: 'date', m: mo, d: d1, y };
        const b: Sem = { kind: 'date', m: mo, d: d2, y };
        return { sem: { kind: 'range', a, b, aSpan: [m.index, aEnd], bSpan: [bEnd - m.groups!.day2!.length, bEnd] } };
      },
    },
    {
      name: 'day-month',
      re: rx(`(?:(?<wd>${f.weekday})${f.sep})?(?:the\\s+)?(?<day>${f.day})(?:\\s+of)?\\s+(?<mon>${f.month})(?:${f.sep}(?<year>${f.year}))?`),
      build(m) {
        const mo = month(m);
        const d = day(m.groups!.day!);
        if (mo === undefined || d < 1 || d > 31) return null;
        return { sem: { kind: 'date', m: mo, d, y: year(m.groups!.year), wd: m.groups!.wd ? weekday(m.groups!.wd) : undefined }, start: startOf(m, 'wd', 'day') };
      },
    },
    {
      name: 'month-year',
      re: rx(`(?:(?<mod>early|mid|late)[-\\s]+)?(?<mon>${f.month})${f.sep}(?:of\\s+)?(?<year>${f.year})`),
      build(m) {
        const mo = month(m);
        return mo === undefined ? null : { sem: { kind: 'month', m: mo, y: year(m.groups!.year) } };
      },
    },
    {
      // "early October this year", "in April next year": one expression, the year by its shift
      name: 'month-relative-year',
      re: rx(`(?:(?<mod>early|mid|late)[-\\s]+)?(?<mon>${f.month})\\s+(?<shift>last|next|this)\\s+year`),
      build(m) {
        const mo = month(m);
        return mo === undefined ? null : { sem: { kind: 'month', m: mo, yearShift: shiftOf(m.groups!.shift) } };
      },
    },
    {
      name: 'iso-date',
      re: rx('(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})'),
      build(m) {
        const [y, mo, d] = [Number(m.groups!.y), Number(m.groups!.m), Number(m.groups!.d)];
        return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? { sem: { kind: 'date', y, m: mo, d } } : null;
      },
    },
    {
      name: 'month',
      re: rx(`(?:(?<mod>early|mid|late)[-\\s]+)?(?:(?<shift>last|next|this|past|coming)\\s+)?(?<mon>${f.month})`),
      build(m, text) {
        const mo = month(m);
        if (mo === undefined) return null;
        const g = m.groups!;
        const before = wordBefore(text, m.index);
        // "the October slaying", "the March accession": a month naming an event's time
        // (not "the May government": a prime minister's name)
        const attributive = before === 'the' && mo !== 5 && /^\s+\p{Ll}+\b/u.test(text.slice(m.index + m[0].length)) && wordAfter(text, m.index + m[0].length) !== 'of';
        if (!g.mod && !g.shift && !attributive && !lex.monthPrepositions.has(before)) return null;
        // an abbreviation standing alone needs its dot ("Jan Kavan" is a name)
        const raw = g.mon!;
        if (raw.length <= 4 && !raw.endsWith('.') && !['may', 'june', 'july'].includes(raw.toLowerCase())) return null;
        // "in May 2020" is the month-year rule's; "by March 9" the month-day rule's
        if (/^\d/.test(wordAfter(text, m.index + m[0].length))) return null;
        return { sem: { kind: 'month', m: mo, shift: shiftOf(g.shift) } };
      },
    },
    {
      name: 'year',
      re: rx(`(?:(?<fy>fiscal(?:\\s+year)?|FY)\\s*)?(?:(?<mod>early|mid|late)[-\\s]+)?(?<year>${f.year})`),
      build(m, text) {
        const start = startOf(m, 'fy', 'mod', 'year')!;
        if (!m.groups!.fy && !yearContextOk(text, start, m.index + m[0].length)) return null;
        return { sem: { kind: 'year', y: Number(m.groups!.year) } };
      },
    },
    {
      name: 'year-span',
      re: rx(`(?<y1>${f.year})\\s*[-–]\\s*(?<y2>\\d{2})`),
      build(m) {
        const y1 = Number(m.groups!.y1);
        const y2 = Math.floor(y1 / 100) * 100 + Number(m.groups!.y2);
        if (y2 <= y1) return null;
        const len = m.groups!.y1!.length;
        const a: Sem = { kind: 'year', y: y1 };
        const b: Sem = { kind: 'year', y: y2 };
        return { sem: { kind: 'range', a, b, aSpan: [m.index, m.index + len], bSpan: [m.index + m[0].length - 2, m.index + m[0].length] } };
      },
    },
    {
      name: 'decade',
      re: rx(
        `(?:the\\s+)?(?:(?<mod>early|mid|late)[-\\s]+)?(?:(?<dec>1[5-9]\\d0|20\\d0)['’]?s|['’](?<yy>\\d0)s)` +
          `|the\\s+(?:(?<mod2>early|mid|late)[-\\s]+)?(?<word>${[...lex.decadeWords.keys()].join('|')})`,
      ),
      build(m) {
        const g = m.groups!;
        if (g.dec) return { sem: { kind: 'decade', dec: Number(g.dec) / 10 } };
        if (g.yy) return { sem: { kind: 'decade', dec: 190 + Number(g.yy) / 10 } };
        const w = lex.decadeWords.get(g.word!.toLowerCase());
        return w === undefined ? null : { sem: { kind: 'decade', dec: 190 + w } };
      },
    },
    {
      name: 'century',
      re: rx(`(?:the\\s+)?(?<ord>${f.ordinal})\\s+century`),
      build(m) {
        const raw = m.groups!.ord!.toLowerCase();
        const n = lex.ordinals.get(raw) ?? parseInt(raw, 10);
        return Number.isFinite(n) && n > 0 ? { sem: { kind: 'century', c: n - 1 } } : null;
      },
    },
    {
      name: 'season',
      re: rx(`(?:(?<mod>early|mid|late)[-\\s]+)?(?:(?<shift>last|this|next|past|coming)\\s+)?(?<season>${f.season})(?:\\s+(?:of\\s+)?(?<year>${f.year}))?`),
      build(m, text) {
        const g = m.groups!;
        const s = lex.seasons.get(g.season!.toLowerCase())!;
        const before = wordBefore(text, m.index);
        // "prices fall", "hot spring": a season word needs a year, a shift or a determiner
        if (!g.year && !g.shift && !g.mod && !['in', 'the', 'during', 'since', 'until', 'by', 'of', 'through'].includes(before)) return null;
        // "the fall of the Soviet Union", "the summer of love": a noun, unless a year follows
        if (!g.year && /^\s+of\s+(?!(?:this|last|next|that)\s+year\b)/i.test(text.slice(m.index + m[0].length))) return null;
        return { sem: { kind: 'season', s, y: year(g.year), shift: shiftOf(g.shift) } };
      },
    },
    {
      name: 'quarter',
      re: rx(
        `(?:the\\s+)?(?<ord>${f.ordinal})(?:\\s+|-)(?:fiscal\\s+|calendar\\s+)?quarter(?:\\s+of\\s+(?:(?<year>${f.year})|(?<shift>this|last|next)\\s+year))?` +
          `|Q(?<q>[1-4])(?:\\s+(?<year2>${f.year}))?`,
      ),
      build(m) {
        const g = m.groups!;
        const q = g.q ? Number(g.q) : (lex.ordinals.get(g.ord!.toLowerCase()) ?? parseInt(g.ord!, 10));
        const y = year(g.year ?? g.year2);
        if (q === -1) return { sem: { kind: 'period', unit: 'Q', shift: y === undefined ? -1 : 0 } };
        if (!(q >= 1 && q <= 4)) return null;
        return { sem: { kind: 'quarter', q, y, shift: shiftOf(g.shift) } };
      },
    },
    {
      name: 'holiday',
      re: rx(`(?:(?<shift>last|this|next)\\s+)?(?<hol>${f.holiday})(?:\\s+(?<year>${f.year})|(?<week>\\s+week))?`),
      build(m) {
        const g = m.groups!;
        if (!isCapitalised(g.hol!)) return null;
        const spec = lex.holidays.get(g.hol!.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'"))!;
        // "Easter week", "Christmas week": the week that holds the holiday
        return { sem: { kind: 'holiday', spec, y: year(g.year), shift: shiftOf(g.shift), weekOf: g.week ? true : undefined } };
      },
    },
    {
      name: 'weekday',
      re: rx(`(?:(?<mod>early|late)\\s+(?:on\\s+)?)?(?:(?<shift>last|next|this|past|coming)\\s+)?(?<wd>${f.weekday})(?<poss>['’]s)?(?:\\s+(?<pod>${f.podWord}))?`),
      build(m) {
        const g = m.groups!;
        const wd = weekday(g.wd!);
        if (wd === undefined) return null;
        return { sem: { kind: 'weekday', wd, shift: shiftOf(g.shift), pod: pod(g.pod) } };
      },
    },
    {
      name: 'dayword',
      re: rx(
        `(?:(?<mod>early|late|earlier|later)\\s+)?(?<dw>today|yesterday|tomorrow|tonight)(?<poss>['’]s)?` +
          `(?:\\s*,?\\s*(?<wd>${f.weekday})(?=\\s*,|\\s+${f.podWord}))?(?:\\s*,?\\s*(?:in\\s+the\\s+)?(?<pod>${f.podWord}))?`,
      ),
      build(m) {
        const g = m.groups!;
        const dw = g.dw!.toLowerCase();
        return { sem: { kind: 'dayword', offset: lex.dayWords.get(dw)!, pod: pod(g.pod) ?? lex.dayWordPartOfDay.get(dw) } };
      },
    },
    {
      name: 'day-around',
      re: rx('the\\s+day\\s+(?<dir>before\\s+yesterday|after\\s+tomorrow)'),
      build(m) {
        return { sem: { kind: 'dayword', offset: /^before/i.test(m.groups!.dir!) ? -2 : 2 } };
      },
    },
    {
      name: 'this-pod',
      re: rx(`(?:(?<mod>early|late)\\s+)?(?<sh>this|last)\\s+(?<pod>${f.podWord})`),
      build(m) {
        return { sem: { kind: 'dayword', offset: m.groups!.sh!.toLowerCase() === 'last' ? -1 : 0, pod: pod(m.groups!.pod) } };
      },
    },
    {
      name: 'pod-alone',
      re: rx(`(?:(?:early|late)\\s+)?(?:in|during)\\s+(?<the>the\\s+(?<pod>${f.podWord}))`),
      build(m) {
        return { sem: { kind: 'clock', pod: pod(m.groups!.pod) }, start: groupStart(m, 'the') };
      },
    },
    {
      name: 'clock',
      re: rx(
        `(?<![\\d.:])(?<h>[01]?\\d)(?:[:.](?<min>[0-5]\\d))?\\s*(?<ampm>a\\.\\s?m\\.?|p\\.\\s?m\\.?|am|pm)(?:\\s+(?<tz>[A-Z]{2,4}T|GMT|UTC))?` +
          `|(?<h2>[01]?\\d)\\s+(?:o['’]clock|in\\s+the\\s+(?<pod>morning|afternoon|evening))` +
          `|(?<h3>[01]?\\d|2[0-3]):(?<min3>[0-5]\\d)(?:\\s*(?:hours|hrs|GMT|UTC|local\\s+time))?` +
          `|(?<word>noon|midday|midnight)`,
      ),
      build(m, text) {
        const g = m.groups!;
        if (g.word) {
          // "High Noon", "at high noon": the idiom names a showdown, not a time
          if (wordBefore(text, m.index) === 'high') return null;
          const t = lex.partsOfDay.get(g.word.toLowerCase())!;
          return { sem: { kind: 'clock', pod: t } };
        }
        let h = Number(g.h ?? g.h2 ?? g.h3);
        const min = Number(g.min ?? g.min3 ?? 0);
        if (g.h3 !== undefined && !['at', 'by', 'from', 'until', 'till', 'to', 'around', 'about', 'after', 'before', 'since', ','].includes(wordBefore(text, m.index))) return null;
        const ampm = (g.ampm ?? '').toLowerCase();
        if (ampm.startsWith('p') || (g.pod && !/morning/i.test(g.pod))) h = h === 12 ? 12 : h + 12;
        else if (ampm.startsWith('a') && h === 12) h = 0;
        if (h > 24 || (g.h !== undefined && Number(g.h) > 12)) return null;
        return { sem: { kind: 'clock', time: { h, min } } };
      },
    },
  ];
}
