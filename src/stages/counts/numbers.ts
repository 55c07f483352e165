import type { CountQualifier } from '../../core/layers/index.js';
import { alternation, type CountsLexicon } from './lexicon.js';
import { matchAll } from '../../core/match-all.js';

/** A number found in the text, with the qualifier written right before it. */
export interface NumberMention {
  /** offsets into the text searched */
  start: number;
  end: number;
  value: number;
  vague?: string;
  qualifier: CountQualifier;
  /** where the qualifier starts (= start when none) */
  qualStart: number;
  /** an article standing for one ("a construction worker"): only usable with a who noun */
  article?: boolean;
}

export interface NumberMatcher {
  find(text: string): NumberMention[];
  /** is the number at [start, end) an age, a distance, a date, a rank, money ...? */
  isTrap(text: string, m: NumberMention): boolean;
}

const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function numberMatcher(lex: CountsLexicon): NumberMatcher {
  const words = Object.keys(lex.numberWords);
  const units = words.filter((w) => lex.numberWords[w]! < 10 && !w.includes(' '));
  const mult = alternation(Object.keys(lex.multipliers));
  const compound = `(?:${TENS.join('|')})[-\\s](?:${units.join('|')})`;
  const digits = `(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)`;
  const wordNum = `(?:${compound}|${alternation(words).slice(3, -1)})`;
  const number = `(?:${alternation(Object.keys(lex.vague)).slice(3, -1)}|(?:${digits}|${wordNum})(?:\\s+${mult}(?![\\p{L}]))?(?:\\s+of)?)`;
  const qual = alternation(Object.keys(lex.qualifiers));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:(${qual})\\s+)?(${number})(?![\\p{L}\\p{N}])`, 'giu');
  // a range counts by its lower bound ("5-7 policemen", "between 5 and 7 people"): ACLED's conservative figure
  const rangeRe = /(?<![\p{L}\p{N}.,/-])(?:(at least|some|about|around|approximately)\s+)?(?:between\s+(\d+)\s+(?:and|to)\s+(\d+)|(\d+)\s*[-–]\s*(\d+))(?![\p{L}\p{N}/.-]|,\d)(?=\s+\p{L})/giu;
  const articleRe = /(?<![\p{L}\p{N}])(?:a|an|another)(?=\s)/giu;

  const qualMap = new Map(Object.entries(lex.qualifiers).map(([k, v]) => [k.toLowerCase(), v]));
  const vagueMap = new Map(Object.entries(lex.vague).map(([k, v]) => [k.toLowerCase().replace(/\s+of$/, ''), v]));
  const wordMap = new Map(Object.entries(lex.numberWords).map(([k, v]) => [k.toLowerCase(), v]));
  const multMap = new Map(Object.entries(lex.multipliers).map(([k, v]) => [k.toLowerCase(), v]));

  const unitRe = new RegExp(`^\\s*(?:-\\s*)?${alternation(lex.trapUnits)}(?![\\p{L}])`, 'iu');
  const prefixRe = new RegExp(`(?<![\\p{L}])${alternation(lex.trapPrefixes)}\\s*$`, 'iu');
  const months = alternation(lex.monthNames);
  const monthAfter = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${months}\\.?(?![\\p{L}])`, 'iu');
  const monthBefore = new RegExp(`(?<![\\p{L}])${months}\\.?\\s+$`, 'iu');
  const dayMonthBefore = new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,2}\\s+${months}\\.\\s+$`, 'iu');
  const whoAfter = new RegExp(`^\\s+${alternation(lex.whoNouns)}(?![\\p{L}])`, 'iu');

  function parse(raw: string): { value: number; vague?: string } | undefined {
    const s = raw.toLowerCase().replace(/\s+/g, ' ').replace(/ of$/, '');
    const v = vagueMap.get(s);
    if (v !== undefined) return { value: v, vague: raw.replace(/\s+of$/i, '') };
    const parts = s.split(' ');
    let factor = 1;
    const last = parts[parts.length - 1]!;
    if (parts.length > 1 && multMap.has(last) && !wordMap.has(s)) {
      factor = multMap.get(last)!;
      parts.pop();
    }
    const head = parts.join(' ');
    let base: number | undefined;
    if (/^[\d,.]+$/.test(head)) base = Number(head.replace(/,/g, ''));
    else if (wordMap.has(head)) base = wordMap.get(head);
    else {
      const m = /^([a-z]+)[- ]([a-z]+)$/.exec(head);
      if (m && TENS.includes(m[1]!) && wordMap.has(m[2]!)) base = wordMap.get(m[1]!)! + wordMap.get(m[2]!)!;
    }
    if (base === undefined || !Number.isFinite(base)) return undefined;
    return { value: Math.round(base * factor) };
  }

  return {
    find(text) {
      const out: NumberMention[] = [];
      for (const m of matchAll(re, text)) {
        const q = m[1];
        const numText = m[2]!.replace(/\s+of$/i, '');
        const start = m.index! + m[0].length - m[2]!.length;
        const parsed = parse(numText);
        if (!parsed) continue;
        out.push({
          start,
          end: start + numText.length,
          value: parsed.value,
          ...(parsed.vague ? { vague: parsed.vague } : {}),
          qualifier: q ? (qualMap.get(q.toLowerCase().replace(/\s+/g, ' ')) ?? 'exact') : 'exact',
          qualStart: m.index!,
        });
      }
      for (const m of matchAll(rangeRe, text)) {
        const lo = Number(m[2] ?? m[4]);
        const hi = Number(m[3] ?? m[5]);
        if (!(lo < hi) || hi > 100000 || /^(?:19|20)\d\d$/.test(String(lo))) continue;
        const start = m.index! + (m[1] ? m[0].indexOf(m[1]) + m[1].length + 1 : 0);
        const end = m.index! + m[0].length;
        // the range replaces the two plain numbers inside it
        for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start >= start && out[i]!.end <= end) out.splice(i, 1);
        out.push({ start, end, value: lo, qualifier: 'at_least', qualStart: m.index! });
      }
      for (const m of matchAll(articleRe, text)) {
        if (out.some((o) => o.qualStart <= m.index! && m.index! < o.end)) continue;
        out.push({ start: m.index!, end: m.index! + m[0].length, value: 1, qualifier: 'exact', qualStart: m.index!, article: true });
      }
      return out.sort((a, b) => a.start - b.start);
    },
    isTrap(text, m) {
      const before = text.slice(Math.max(0, m.qualStart - 40), m.qualStart);
      const after = text.slice(m.end, m.end + 40);
      const num = text.slice(m.start, m.end);
      // glued to letters or other digits: COVID-19, G7, F-16, 3rd, 4+, 20/06, phone numbers
      if (/[\p{L}\d][-‐/.]?$/u.test(before) || /^(?:[-‐/:+]\d|\+|[.,]\d)/u.test(after)) return true;
      if (/^[-‐]\p{L}/u.test(after) && !/^[-‐](?:strong|member)/iu.test(after)) return true; // 27-year-old, third-largest
      if (/^(?:st|nd|rd|th)\b/iu.test(after)) return true;
      if (/[$£€¥#№]\s*$/u.test(before)) return true;
      if (unitRe.test(after)) return true;
      if (prefixRe.test(before)) return true;
      // "Oct. 3" is a date, but in "01 Oct. 3 militants killed" the day came first
      if (monthAfter.test(after) || (monthBefore.test(before) && !dayMonthBefore.test(before))) return true;
      // a bare year: 1900-2099 written without a comma and not followed by a who noun
      if (/^(?:19|20)\d\d$/.test(num) && !whoAfter.test(after)) return true;
      return false;
    },
  };
}
