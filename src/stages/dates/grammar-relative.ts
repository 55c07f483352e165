import { alternation, type DateLexicon } from '../../core/date-lexicon.js';
import type { PeriodUnit, RefValue, Sem } from './sem.js';
import { fragments, groupStart, parseNumber, rx, wordAfter, wordBefore, type Rule } from './grammar-util.js';

const PERIOD_UNITS: Record<string, PeriodUnit> = { day: 'D', week: 'W', weekend: 'WE', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE' };
/** words before "a week" / "an hour" that make it a duration rather than an article + noun */
const DURATION_LEAD = new Set(['for', 'over', 'during', 'within', 'in', 'after', 'about', 'nearly', 'almost', 'some', 'than', 'least', 'to', 'up', 'only', 'just', 'around', 'roughly', 'lasting', 'lasted', 'spent', 'spend', 'took', 'take', 'another', 'barely', 'already', 'of', 'once', 'half', 'as', 'least']);
/** words a rate ("a day") may follow besides plural nouns and numbers */
const RATE_QUANTITY = new Set(['billion', 'million', 'thousand', 'hundred', 'dozen', 'percent', '%', 'once', 'twice']);
/** words ending in -s that are not plural nouns */
const NOT_PLURAL = new Set(['was', 'has', 'is', 'this', 'its', 'his', 'hers', 'theirs', 'ours', 'yours', 'us', 'as', 'thus', 'plus', 'across', 'less', 'unless', 'always', 'perhaps', 'towards', 'afterwards', 'news', 'does', 'goes', 'says']);
/** what may follow a rate: the end of the phrase or a preposition or conjunction */
const RATE_FOLLOWERS = new Set(['in', 'to', 'for', 'on', 'at', 'and', 'or', 'from', 'since', 'until', 'with', 'by', 'over', 'into', 'during', 'but', 'so', 'while', 'when', 'as', 'back', 'now']);
const POD_CODES: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

/** TIMEX3 duration value for n units (fractions go down to the next unit: 1.5 years → P18M). */
export function durationValue(n: number | null, unit: string): string {
  const timeUnit = unit === 'H' || unit === 'MIN' || unit === 'S';
  const letter: Record<string, string> = { S: 'S', MIN: 'M', H: 'H', D: 'D', W: 'W', '2W': 'W', M: 'M', Q: 'M', Y: 'Y', DE: 'Y', CE: 'Y', WE: 'D' };
  const factor: Record<string, number> = { '2W': 2, Q: 3, DE: 10, CE: 100, WE: 2 };
  const prefix = timeUnit ? 'PT' : 'P';
  // "decades": TimeBank writes an unknown number of decades or centuries in years (PXY), as it does known ones (P40Y)
  if (n === null) return `${prefix}X${letter[unit]}`;
  let value = n * (factor[unit] ?? 1);
  let l = letter[unit]!;
  if (!Number.isInteger(value)) {
    const down: Record<string, [number, string, boolean]> = { Y: [12, 'M', false], M: [30, 'D', false], W: [7, 'D', false], D: [24, 'H', true], H: [60, 'M', true] };
    const d = down[l];
    if (d && (!timeUnit || l === 'H')) {
      const whole = Math.floor(value);
      if (l === 'H') return `PT${whole ? `${whole}H` : ''}${Math.round((value - whole) * 60)}M`;
      value = Math.round(value * d[0]);
      l = d[1];
      return `${d[2] ? 'PT' : 'P'}${value}${l}`;
    }
  }
  return `${prefix}${value}${l}`;
}

/** Rules for relative and non-calendar expressions: periods, offsets, anaphors, durations, sets, references. */
export function relativeRules(lex: DateLexicon): Rule[] {
  const f = fragments(lex);
  const refs = new Map<string, RefValue>();
  for (const w of lex.presentRef) refs.set(w, 'PRESENT_REF');
  for (const w of lex.pastRef) refs.set(w, 'PAST_REF');
  for (const w of lex.futureRef) refs.set(w, 'FUTURE_REF');
  const unitCode = (raw: string): string | undefined => lex.units.get(raw.toLowerCase());
  const toPeriod = (code: string, n: number | null): { unit: PeriodUnit; n: number | null } => {
    if (code === '2W') return { unit: 'W', n: n === null ? null : n * 2 };
    if (code === 'Q') return { unit: 'M', n: n === null ? null : n * 3 };
    if (code === 'H' || code === 'MIN' || code === 'S') return { unit: 'D', n: 0 };
    return { unit: code as PeriodUnit, n };
  };

  return [
    {
      name: 'period',
      re: rx(
        `(?:(?<mod>early|late|earlier|later|mid)\\s+(?:in\\s+)?)?(?:(?<the>the)\\s+)?` +
          `(?<shift>last|past|previous|this\\s+past|this|current|next|coming|following|same|that\\s+same|that)\\s+` +
          `(?<unit>week|month|year|weekend|decade|century|quarter|day)(?<poss>['’]s)?`,
      ),
      build(m) {
        const g = m.groups!;
        const shift = g.shift!.toLowerCase().replace(/\s+/g, ' ');
        const unit = PERIOD_UNITS[g.unit!.toLowerCase()]!;
        const anaphoric = shift === 'following' || shift === 'same' || shift === 'that same' || shift === 'that' || (shift === 'previous' && !!g.the) || (unit === 'D' && shift === 'next');
        if (anaphoric) {
          const offset = shift === 'following' || shift === 'next' ? 1 : shift === 'previous' ? -1 : 0;
          return { sem: { kind: 'anaphor', unit, offset } };
        }
        if (unit === 'D') return shift === 'this' ? { sem: { kind: 'dayword', offset: 0 } } : null;
        // TimeBank: "the past year", "the next month" are stretches of time, not calendar periods
        if (g.the && ['past', 'last', 'next', 'coming'].includes(shift)) return { sem: { kind: 'duration', value: durationValue(1, unit) } };
        const n = shift === 'this' || shift === 'current' ? 0 : shift === 'next' || shift === 'coming' ? 1 : -1;
        // "this weekend's vote" said on a weekday names the coming one, unless the verb looks back
        if (unit === 'WE' && shift === 'this' && g.poss) return { sem: { kind: 'period', unit, shift: 0, ahead: true } };
        return { sem: { kind: 'period', unit, shift: n } };
      },
    },
    {
      // "by the end of the year", "at month-end", "before year's end": the period's last day
      name: 'period-end',
      re: rx(
        `(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+|(?<shift>next|last)\\s+)(?:(?:current|calendar)\\s+)?(?<unit>year|month|week)` +
          `|(?<unit2>year|month)(?:[-\\s]|['’]s\\s+)end`,
      ),
      build(m, text) {
        const g = m.groups!;
        if (g.unit2 && !['by', 'at', 'before', 'until', 'till', 'since', 'after'].includes(wordBefore(text, m.index))) return null;
        // "the end of the year 1990" names its year: the year rule reads it
        if (/^\d/.test(wordAfter(text, m.index + m[0].length))) return null;
        const unit = PERIOD_UNITS[(g.unit ?? g.unit2)!.toLowerCase()]!;
        const shift = g.shift ? (g.shift.toLowerCase() === 'next' ? 1 : -1) : 0;
        return { sem: { kind: 'period', unit, shift, atEnd: true } };
      },
    },
    {
      name: 'weekend',
      re: rx('(?:over\\s+)?(?<the>the\\s+weekend)'),
      build(m) {
        return { sem: { kind: 'period', unit: 'WE', shift: 0 }, start: groupStart(m, 'the') };
      },
    },
    {
      name: 'anaphor-pod',
      re: rx(`(?:(?<the>the)\\s+)?(?<shift>next|following|previous|same|that\\s+same|that)\\s+(?<pod>${f.podWord})`),
      build(m) {
        const s = m.groups!.shift!.toLowerCase();
        const offset = s === 'next' || s === 'following' ? 1 : s === 'previous' ? -1 : 0;
        return { sem: { kind: 'anaphor', unit: 'D', offset, pod: POD_CODES[m.groups!.pod!.toLowerCase()] } };
      },
    },
    {
      name: 'unit-before',
      re: rx('the\\s+(?<unit>day|week|month|year)\\s+(?<dir>before|after|earlier|later)'),
      build(m, text) {
        const after = wordAfter(text, m.index + m[0].length);
        if (after !== '' && !/^[,.;:)]/.test(after) && after !== 'last' && after !== 'that') return null;
        const dir = m.groups!.dir!.toLowerCase();
        return { sem: { kind: 'anaphor', unit: PERIOD_UNITS[m.groups!.unit!.toLowerCase()]!, offset: dir === 'before' || dir === 'earlier' ? -1 : 1 } };
      },
    },
    {
      name: 'offset',
      re: rx(
        `(?:(?<q>about|nearly|almost|some|more\\s+than|less\\s+than|over|just|only|roughly|around|exactly)\\s+)?` +
          `(?<num>${f.num})[\\s-]+(?<unit>${f.unit})\\s+(?<dir>ago|earlier|later|before|after|from\\s+now|hence|back|previously)`,
      ),
      build(m, text) {
        const g = m.groups!;
        const n = parseNumber(lex, g.num!);
        const code = unitCode(g.unit!);
        if (n === undefined || !code) return null;
        const dir = g.dir!.toLowerCase().replace(/\s+/g, ' ');
        // "three years after the war ended": anchored to an event, so only the duration is known
        if ((dir === 'before' || dir === 'after') && !/^(?:[,.;:)]|)$/.test(wordAfter(text, m.index + m[0].length))) return null;
        // "an hour later", "minutes after": a stretch of time, left to the duration rule
        if (code === 'H' || code === 'MIN' || code === 'S') return null;
        const p = toPeriod(code, n);
        const fromDct = dir === 'ago' || dir === 'from now' || dir === 'hence' || dir === 'back' || dir === 'previously';
        const sign = dir === 'ago' || dir === 'back' || dir === 'previously' || dir === 'earlier' || dir === 'before' ? -1 : 1;
        return { sem: { kind: 'offset', unit: p.unit, n: p.n, sign, from: fromDct ? 'dct' : 'ref' } };
      },
    },
    {
      name: 'duration',
      re: rx(
        `(?<pre>(?:the\\s+)?(?:past|last|next|first|coming|previous|following|final|remaining|entire|whole|full)\\s+)?` +
          `(?<num>${f.num})(?<half0>\\s+and\\s+a\\s+half)?(?:\\s+more)?(?:\\s+|-)(?<unit>${f.unit})(?<half>\\s+and\\s+a\\s+half)?(?<long>-long)?` +
          `|(?<unit2>day|week|month|year|hour|night|decade|centur(?:y|ies))(?<plural>s)?-long`,
      ),
      build(m, text) {
        const g = m.groups!;
        // "day-long", "decades-long": one unit, or an unknown number of them
        if (g.unit2) return { sem: { kind: 'duration', value: durationValue(g.plural || /ies$/i.test(g.unit2) ? null : 1, unitCode(g.unit2 + (g.plural ?? ''))!) } };
        const end = m.index + m[0].length;
        const after = wordAfter(text, end);
        if (after === 'old' || after === '-old' || after.startsWith('-old')) return null;
        const code = unitCode(g.unit!);
        const rawNum = g.num!.toLowerCase();
        if (!code || code === 'WE') return null;
        // TimeML: "in recent days" is a stretch of unknown length reaching to now (PXD)
        if (rawNum === 'recent') return { sem: { kind: 'duration', value: durationValue(null, code) } };
        let n = parseNumber(lex, g.num!);
        if (n === undefined) return null;
        const article = rawNum === 'a' || rawNum === 'an';
        // "a decades-long feud", "a century-long rivalry": the article belongs to the noun; the "-long" alternative reads the rest
        if (article && (g.long || /s$/i.test(g.unit!))) return null;
        if (article && !g.pre && !g.long && !DURATION_LEAD.has(wordBefore(text, m.index))) return null;
        // "a day" and "night" are ambiguous as units of a bare duration
        if (g.unit!.toLowerCase().startsWith('night') && n === null) return null;
        // "World Cup 2018 day five": a plural number needs a plural unit, unless hyphenated ("five-hour")
        // (or modifying a noun after an article: "a six year process", "the 10 day truce")
        const attributive = ['a', 'an', 'the'].includes(wordBefore(text, m.index)) && /^\p{Ll}/u.test(after);
        if (n !== null && n > 1 && !/s$/i.test(g.unit!) && !m[0].includes(`${g.num}-`) && !g.half && !g.half0 && !attributive) return null;
        // "two hours and a half", "two and a half hours"
        if (n !== null && (g.half || g.half0)) n += 0.5;
        return { sem: { kind: 'duration', value: durationValue(n, code) } };
      },
    },
    {
      name: 'vague-duration',
      re: rx('(?<lead>for|over|within|in)\\s+(?<span>(?:the\\s+)?(?:(?<adj>past|last|coming|next)\\s+)?(?<unit>minutes|hours|days|weeks|months|years|decades|centuries))'),
      build(m) {
        const g = m.groups!;
        const code = unitCode(g.unit!)!;
        if (g.lead!.toLowerCase() === 'in' && !g.adj) return null;
        return { sem: { kind: 'duration', value: durationValue(null, code) }, start: groupStart(m, 'span') };
      },
    },
    {
      name: 'set-word',
      re: rx(`(?<w>${alternation(lex.sets.keys())})`),
      build(m, text) {
        // "LA Weekly" is a name; a set word is capitalised only at the start of a sentence
        if (/^\p{Lu}/u.test(m[0]) && text.slice(0, m.index).trim() !== '') return null;
        return { sem: { kind: 'set', value: lex.sets.get(m.groups!.w!.toLowerCase())! } };
      },
    },
    {
      name: 'set-every',
      re: rx(
        `(?:(?:once|twice|thrice|(?:${f.num})\\s+times)\\s+(?:a|an|per|every|each)|every|each|per)\\s+(?<other>other\\s+)?` +
          `(?:(?<num>${f.num})\\s+)?(?<unit>${f.unit}|${f.weekday}|${f.podWord})`,
      ),
      build(m) {
        const g = m.groups!;
        const raw = g.unit!.toLowerCase();
        const wd = lex.weekdays.get(raw);
        if (wd !== undefined) return { sem: { kind: 'set', value: `XXXX-WXX-${wd}` } };
        if (POD_CODES[raw]) return { sem: { kind: 'set', value: `XXXX-XX-XXT${POD_CODES[raw]}` } };
        const code = unitCode(raw);
        if (!code || code === 'WE') return code === 'WE' ? { sem: { kind: 'set', value: 'XXXX-WXX-WE' } } : null;
        let n = g.num ? parseNumber(lex, g.num) : 1;
        if (n === undefined || n === null) return null;
        if (g.other) n *= 2;
        return { sem: { kind: 'set', value: durationValue(n, code) } };
      },
    },
    {
      // "hundreds of interviews a day", "$1 billion a year": a quantity per unit of time
      name: 'set-rate',
      re: rx('(?:a|an)\\s+(?<unit>hour|day|week|month|year)'),
      build(m, text) {
        const before = wordBefore(text, m.index);
        const after = wordAfter(text, m.index + m[0].length);
        const quantity = RATE_QUANTITY.has(before) || lex.countNouns.has(before) || /^\d/.test(before) || lex.numbers.has(before) || (/^[a-z]{3,}s$/.test(before) && !NOT_PLURAL.has(before));
        // "24 hours a day", "seven days a week": all the time, not a rate
        if (!quantity || unitCode(before) !== undefined) return null;
        if (after !== '' && !/^[,.;:)!?"”'’]/.test(after) && !RATE_FOLLOWERS.has(after)) return null;
        return { sem: { kind: 'set', value: durationValue(1, unitCode(m.groups!.unit!)!) } };
      },
    },
    {
      name: 'reference',
      re: rx(`(?<w>${alternation(refs.keys())})`),
      build(m, text) {
        const w = m.groups!.w!.toLowerCase().replace(/\s+/g, ' ');
        const value = refs.get(w);
        if (!value) return null;
        const after = wordAfter(text, m.index + m[0].length);
        // "the past two weeks" belongs to the duration rule; "current" only before a noun
        if ((w === 'the past' || w === 'in the past') && /^(?:\d|few|several|year|month|week|day|decade)/.test(after)) return null;
        if (w === 'current' && !/^\p{L}/u.test(after)) return null;
        if (w === 'now' && ['every', 'until', 'till'].includes(wordBefore(text, m.index))) return null;
        return { sem: { kind: 'ref', value } };
      },
    },
  ];
}
