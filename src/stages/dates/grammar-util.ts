import { alternation, type DateLexicon } from '../../core/date-lexicon.js';
import type { Sem } from './sem.js';

/** One grammar rule: a regex and a builder of its meaning. */
export interface Rule {
  name: string;
  re: RegExp;
  /** returns the meaning and, when the expression is narrower than the match, its bounds */
  build(m: RegExpExecArray, text: string): { sem: Sem; start?: number; end?: number } | null;
}

// Word edges over Latin letters and digits: the rules match English, and without the
// 'u' flag V8 scans these patterns several times faster.
const WORD_CHAR = 'A-Za-z0-9\\u00C0-\\u024F';
export const B = `(?<![${WORD_CHAR}])`;
export const E = `(?![${WORD_CHAR}])`;

/** Compile a rule regex: global and case-insensitive. */
export function rx(source: string): RegExp {
  return new RegExp(`${B}(?:${source})${E}`, 'gi');
}

/** Regex fragments built from the lexicon, shared by the grammar files. */
export interface Fragments {
  month: string;
  weekday: string;
  pod: string;
  podWord: string;
  season: string;
  unit: string;
  num: string;
  year: string;
  day: string;
  sep: string;
  holiday: string;
  ordinal: string;
}

export function fragments(lex: DateLexicon): Fragments {
  const months = [...lex.months.keys()].map((k) => (k.length <= 4 && k !== 'may' && k !== 'june' && k !== 'july' ? `${k}\\.?` : k));
  const full = [...lex.weekdays.keys()].filter((k) => !lex.weekdayAbbreviationsNeedDot.has(k));
  const abbr = [...lex.weekdays.keys()].filter((k) => lex.weekdayAbbreviationsNeedDot.has(k)).map((k) => `${k}\\.`);
  const numberWords = alternation(lex.numbers.keys());
  const tens = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
  return {
    month: `(?:${months.sort((a, b) => b.length - a.length).join('|')})`,
    weekday: `(?:${alternation(full)}|${abbr.join('|')})`,
    pod: `(?:${alternation(lex.partsOfDay.keys())})`,
    podWord: '(?:morning|afternoon|evening|night)',
    season: `(?:${alternation(lex.seasons.keys())})`,
    unit: `(?:${alternation(lex.units.keys())})`,
    num: `(?:\\d+(?:[.,]\\d+)?(?:\\s+1/2|\\s*½)?|(?:${tens})[-\\s](?:one|two|three|four|five|six|seven|eight|nine)|${numberWords}|${alternation(lex.vagueNumbers)})`,
    year: '(?:1[5-9]\\d\\d|20\\d\\d)(?![0-9]|[.,]\\d)',
    day: '(?:[0-3]?\\d)(?:st|nd|rd|th)?(?![0-9:.]\\d|[0-9%])',
    sep: '\\s*,?\\s*',
    holiday: `(?:${alternation(lex.holidays.keys())})`,
    ordinal: `(?:${alternation(lex.ordinals.keys())}|\\d{1,2}(?:st|nd|rd|th))`,
  };
}

/** The word (or punctuation mark) just before offset `i`, lower case; '' at the start. */
export function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  if (j === 0) return '';
  let k = j;
  while (k > 0 && /[\p{L}\p{N}'’]/u.test(text[k - 1]!)) k--;
  if (k === j) return text[j - 1]!;
  return text.slice(k, j).toLowerCase();
}

/** The word just before offset `i` as written (keeps its case). */
export function rawWordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  let k = j;
  while (k > 0 && /[\p{L}\p{N}'’]/u.test(text[k - 1]!)) k--;
  return text.slice(k, j);
}

/** The word (or punctuation mark) just after offset `i`, lower case; '' at the end. */
export function wordAfter(text: string, i: number): string {
  let j = i;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  if (j >= text.length) return '';
  let k = j;
  while (k < text.length && /[\p{L}\p{N}'’-]/u.test(text[k]!)) k++;
  if (k === j) return text[j]!;
  return text.slice(j, k).toLowerCase();
}

export function isCapitalised(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

/** Read a number written in digits or words; null for a vague quantity ("several"). */
export function parseNumber(lex: DateLexicon, raw: string): number | null | undefined {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const frac = /^(\d+)\s*(?:1\/2|½)$/.exec(s);
  if (frac) return Number(frac[1]) + 0.5;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (lex.numbers.has(s)) return lex.numbers.get(s)!;
  if (lex.vagueNumbers.has(s)) return null;
  const compound = /^(\w+)[- ](\w+)$/.exec(s);
  if (compound && lex.numbers.has(compound[1]!) && lex.numbers.has(compound[2]!)) {
    return lex.numbers.get(compound[1]!)! + lex.numbers.get(compound[2]!)!;
  }
  return undefined;
}

/** Start offset of a named group (its first occurrence inside the match), if it matched. */
export function groupStart(m: RegExpExecArray, name: string): number | undefined {
  const g = m.groups?.[name];
  if (g === undefined) return undefined;
  const i = m[0].indexOf(g);
  return i < 0 ? undefined : m.index + i;
}

export function groupEnd(m: RegExpExecArray, name: string): number | undefined {
  const s = groupStart(m, name);
  return s === undefined ? undefined : s + m.groups![name]!.length;
}
