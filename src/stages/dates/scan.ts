import * as chrono from 'chrono-node';
import type { DateLexicon } from '../../core/date-lexicon.js';
import type { Candidate, Sem } from './sem.js';
import { calendarRules } from './grammar-calendar.js';
import { partOfYearRules } from './grammar-parts-of-year.js';
import { relativeRules } from './grammar-relative.js';
import type { Rule } from './grammar-util.js';
import { CueIndex, gluedMonthRe, ruleCues } from './rule-cues.js';
import { matchAll } from '../../core/match-all.js';

const RANGE_GAP = /^\s*(?:to|until|till|through|thru|and|-|–|—)\s*$/i;
const RANGE_LEAD = /(?:\bfrom|\bbetween)\s+$/i;
/** "the day before Tuesday's vote", "the week of March 6": a day named through another */
const DAY_AROUND_LEAD = /\bthe\s+(?:(?<day>day)\s+(?<dir>before|after)|week\s+of)\s+$/i;
const CLOCK_DAY_GAP = /^\s*(?:\([^()]{0,25}\))?\s*,?\s*(?:on\s+)?$/i;

function dayLike(sem: Sem): boolean {
  return (sem.kind === 'date' || sem.kind === 'weekday' || sem.kind === 'dayword' || (sem.kind === 'anaphor' && sem.unit === 'D')) && !sem.time;
}

/** Kinds that may join into a range ("from 1988 to 1994", "between May and June"). */
function rangeable(a: Sem, b: Sem): boolean {
  const cal = (s: Sem) => s.kind === 'year' || s.kind === 'month' || s.kind === 'date' || s.kind === 'decade' || s.kind === 'season';
  if (!cal(a) || !cal(b)) return false;
  if (a.kind === b.kind) return true;
  return (a.kind === 'month' || a.kind === 'date') && (b.kind === 'month' || b.kind === 'date');
}

/** What chrono-node could read here: a numeric date or a clock time ("9/11/2001", "10:35", "5 pm"). */
const CHRONO_CUE = /\d[/.:]\d|\d\s*[ap]\.?m\b/gi;
const CHRONO_REACH = 64;

/**
 * Stretches of the sentence around each place chrono-node could read, cut at white
 * space and merged when they touch. chrono-node's formal patterns are local, so parsing
 * these gives what parsing the whole sentence gives, at a fraction of the cost on long
 * sentences full of figures.
 */
function chronoWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of matchAll(CHRONO_CUE, text)) {
    let from = Math.max(0, m.index! - CHRONO_REACH);
    let to = Math.min(text.length, m.index! + m[0].length + CHRONO_REACH);
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    while (to < text.length && !/\s/.test(text[to]!)) to++;
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** A candidate from one chrono-node result (offsets shifted by `from`), unless the rules found it. */
function fromChrono(r: chrono.ParsedResult, from: number, found: Candidate[]): (Candidate & { order: number }) | undefined {
  const start = from + r.index;
  const end = start + r.text.length;
  if (!/\d/.test(r.text) || found.some((o) => o.start < end && start < o.end)) return undefined;
  const k = r.start;
  let sem: Sem | undefined;
  if (k.isCertain('year') && k.isCertain('month') && k.isCertain('day')) {
    sem = { kind: 'date', y: k.get('year')!, m: k.get('month')!, d: k.get('day')! };
    if (k.isCertain('hour')) sem.time = { h: k.get('hour')!, min: k.get('minute') ?? 0 };
  } else if (k.isCertain('hour') && (k.isCertain('minute') || k.isCertain('meridiem'))) {
    sem = { kind: 'clock', time: { h: k.get('hour')!, min: k.get('minute') ?? 0 } };
  }
  return sem && { start, end, sem, rule: 'chrono', order: 1000 };
}

/**
 * A day named through its neighbour ("the day after Christmas") or its week ("the week of
 * March 6"): one expression from "the", dropping the "the day before" read on its own.
 */
function aroundDay(text: string, c: Candidate, out: Candidate[]): Candidate {
  if (!(dayLike(c.sem) || c.sem.kind === 'holiday') || c.sem.dayShift || c.sem.weekOf) return c;
  const lead = DAY_AROUND_LEAD.exec(text.slice(Math.max(0, c.start - 24), c.start));
  if (!lead) return c;
  const start = c.start - lead[0].length;
  while (out.length && out[out.length - 1]!.end > start) out.pop();
  const sem: Sem = lead.groups!.day ? { ...c.sem, dayShift: /before/i.test(lead.groups!.dir!) ? -1 : 1 } : { ...c.sem, weekOf: true };
  return { start, end: c.end, sem, rule: `${c.rule}+around` };
}

/**
 * Finds time expressions in one sentence: every rule proposes matches, the longest
 * non-overlapping ones win, then neighbours combine (a clock time with its day, two
 * dates into a range). chrono-node fills in numeric dates and clock times the rules
 * do not read ("9/11/2001", "5:30pm").
 */
export class DateGrammar {
  private readonly rules: Rule[];
  private readonly cues: CueIndex;

  /** `prefilter: false` runs every rule on every sentence (to check the cues change nothing) */
  constructor(private readonly lex: DateLexicon, options: { prefilter?: boolean } = {}) {
    this.rules = [...calendarRules(lex), ...relativeRules(lex), ...partOfYearRules(lex)];
    this.cues = new CueIndex(options.prefilter === false ? new Map() : ruleCues(lex), gluedMonthRe(lex));
  }

  scan(text: string): Candidate[] {
    const found: (Candidate & { order: number })[] = [];
    const mayMatch = this.cues.checker(text);
    this.rules.forEach((rule, order) => {
      if (!mayMatch(rule.name)) return;
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(text)) !== null) {
        const built = rule.build(m, text);
        if (built) {
          const start = built.start ?? m.index;
          const end = built.end ?? m.index + m[0].length;
          if (end > start) found.push({ start, end, sem: built.sem, rule: rule.name, order });
        }
        rule.re.lastIndex = m.index + 1;
      }
    });
    found.push(...this.chronoCandidates(text, found));
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order);
    const chosen: Candidate[] = [];
    for (const c of found) {
      if (!chosen.some((o) => o.start < c.end && c.start < o.end)) chosen.push({ start: c.start, end: c.end, sem: c.sem, rule: c.rule });
    }
    chosen.sort((a, b) => a.start - b.start);
    return this.combine(text, chosen);
  }

  private chronoCandidates(text: string, found: Candidate[]): (Candidate & { order: number })[] {
    const out: (Candidate & { order: number })[] = [];
    for (const [from, to] of chronoWindows(text)) {
      for (const r of chrono.strict.parse(text.slice(from, to), new Date(Date.UTC(2000, 0, 1)))) {
        const c = fromChrono(r, from, found);
        if (c) out.push(c);
      }
    }
    return out;
  }

  private combine(text: string, cands: Candidate[]): Candidate[] {
    const out: Candidate[] = [];
    for (let i = 0; i < cands.length; i++) {
      const a = aroundDay(text, cands[i]!, out);
      const b = cands[i + 1];
      if (b) {
        const gap = text.slice(a.end, b.start);
        // "10:35 a.m. (0735 GMT) Friday", "9 a.m. Tuesday": the time belongs to the day
        if (a.sem.kind === 'clock' && a.sem.time && dayLike(b.sem) && CLOCK_DAY_GAP.test(gap)) {
          out.push({ start: a.start, end: b.end, sem: { ...b.sem, time: a.sem.time }, rule: `${b.rule}+clock` });
          i++;
          continue;
        }
        const lead = RANGE_LEAD.exec(text.slice(Math.max(0, a.start - 12), a.start));
        const connector = gap.trim().toLowerCase();
        if (RANGE_GAP.test(gap) && rangeable(a.sem, b.sem) && (connector !== 'and' || /between/i.test(lead?.[0] ?? ''))) {
          const start = lead ? a.start - lead[0].length : a.start;
          out.push({ start, end: b.end, rule: 'range', sem: { kind: 'range', a: a.sem, b: b.sem, aSpan: [a.start, a.end], bSpan: [b.start, b.end] } });
          i++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  }

  get lexicon(): DateLexicon {
    return this.lex;
  }
}
