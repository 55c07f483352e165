import type { DateLexicon } from '../../core/date-lexicon.js';

/**
 * What a sentence must contain for a rule to match in it: one of `words` (lower case) as
 * a whole word, or a digit. The rules match whole words (their edges are letters and
 * digits), except that a month may follow a weekday with no space ("FridayMay 5"), so
 * month words may also end a word (`suffix`).
 */
export interface RuleCue {
  words: string[];
  digit: boolean;
  suffix?: boolean;
}

/** The leading letters of each key: "sept." → "sept", "valentine's day" → "valentine". */
const heads = (keys: Iterable<string>) => [...new Set([...keys].map((k) => /^[a-z]+/.exec(k.toLowerCase())?.[0] ?? '').filter(Boolean))];

/** The trailing letters of each key ("at the moment" → "moment"); undefined when a key has none. */
function tails(keys: Iterable<string>): string[] | undefined {
  const out = [...keys].map((k) => /[a-z]+$/.exec(k.toLowerCase())?.[0]);
  return out.every((t): t is string => !!t) ? out : undefined;
}

/**
 * For each grammar rule, a cheap test a sentence must pass for the rule to match in it:
 * a word every match of the rule contains (a month name, a unit, a digit ...), looked
 * for among the sentence's words, so it can only say "maybe". Running 29
 * rule regexes over every sentence was most of the stage's time, and most sentences name
 * no month, unit or day. A rule without an entry is always run.
 */
export function ruleCues(lex: DateLexicon): Map<string, RuleCue> {
  const cue = (words: string[], digit = false): RuleCue => ({ words: [...new Set(words)], digit });
  const month: RuleCue = { ...cue(heads(lex.months.keys())), suffix: true };
  const digit = cue([], true);
  const pod = cue([...heads(lex.partsOfDay.keys()), 'morning', 'afternoon', 'evening', 'night']);
  // "the last week", "3 days", "every Monday", "day-long": a unit, a weekday or a part of the day
  const unit = cue([...heads(lex.units.keys()), 'day', 'week', 'month', 'year', 'hour', 'night', 'decade', 'century', 'quarter', ...heads(lex.weekdays.keys()), ...pod.words]);
  const dayWord = cue(heads(lex.dayWords.keys()));
  const refTails = tails([...lex.presentRef, ...lex.pastRef, ...lex.futureRef]);
  const setWords = tails(lex.sets.keys());
  return new Map<string, RuleCue>([
    ...(refTails ? [['reference', cue(refTails)] as const] : []),
    ...(setWords ? [['set-word', cue(setWords)] as const] : []),
    ['month-day', month],
    ['month-day-pair', month],
    ['day-month', month],
    ['month-year', month],
    ['month-relative-year', month],
    ['month', month],
    ['iso-date', digit],
    ['year', digit],
    ['year-span', digit],
    ['decade', cue(heads(lex.decadeWords.keys()), true)],
    ['century', cue(['century'])],
    ['season', cue(heads(lex.seasons.keys()))],
    ['quarter', cue(['quarter', 'q'])],
    ['holiday', cue(heads(lex.holidays.keys()))],
    ['weekday', cue(heads(lex.weekdays.keys()))],
    ['dayword', dayWord],
    ['day-around', dayWord],
    ['this-pod', pod],
    ['pod-alone', pod],
    ['anaphor-pod', pod],
    ['clock', cue(['noon', 'midday', 'midnight'], true)],
    ['period', unit],
    ['weekend', cue(['weekend'])],
    ['period-end', cue(['end'])],
    ['unit-before', unit],
    ['offset', unit],
    ['duration', unit],
    ['vague-duration', unit],
    ['set-every', unit],
    ['set-rate', unit],
    ['reported-quarter', cue(['quarter'])],
    ['half-year', cue(['half'])],
  ]);
}

/**
 * The cues compiled once: each distinct cue gets a bit, each cue word the bits of the cues
 * it belongs to, so one pass over a sentence's words says which rules may match.
 */
export class CueIndex {
  private readonly bitOfRule = new Map<string, number>();
  private readonly bitsOfWord = new Map<string, number>();
  private digitBits = 0;
  private suffixBits = 0;

  constructor(cues: Map<string, RuleCue>, private readonly gluedMonth: RegExp) {
    const bitOfCue = new Map<RuleCue, number>();
    for (const [rule, cue] of cues) {
      let bit = bitOfCue.get(cue);
      if (bit === undefined) {
        if (bitOfCue.size >= 31) continue; // no bit left: the rule always runs
        bitOfCue.set(cue, (bit = 1 << bitOfCue.size));
        for (const w of cue.words) this.bitsOfWord.set(w, (this.bitsOfWord.get(w) ?? 0) | bit);
        if (cue.digit) this.digitBits |= bit;
        if (cue.suffix) this.suffixBits |= bit;
      }
      this.bitOfRule.set(rule, bit);
    }
    for (const w of this.bitsOfWord.keys()) this.longestWord = Math.max(this.longestWord, w.length);
  }

  /** no longer word of the sentence can be a cue word */
  private longestWord = 0;

  /** Which rules may match in `text`; a rule without a cue always may. */
  checker(text: string): (rule: string) => boolean {
    let bits = 0;
    // words are runs of ASCII letters, lower-cased as the rules' case-blind match does; one
    // pass over the characters, which also notes a digit, and no copy of a word with no capital
    const n = text.length;
    for (let i = 0; i < n; ) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        bits |= this.digitBits;
        i++;
        continue;
      }
      if (!isAsciiLetter(c)) {
        i++;
        continue;
      }
      let j = i;
      let capital = false;
      for (let d = c; j < n && isAsciiLetter((d = text.charCodeAt(j))); j++) if (d <= 90) capital = true;
      if (j - i <= this.longestWord) {
        const w = text.slice(i, j);
        bits |= this.bitsOfWord.get(capital ? w.toLowerCase() : w) ?? 0;
      }
      i = j;
    }
    if ((this.suffixBits & ~bits) !== 0 && this.gluedMonth.test(text)) bits |= this.suffixBits;
    return (rule) => {
      const bit = this.bitOfRule.get(rule);
      return bit === undefined || (bits & bit) !== 0;
    };
  }
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** "FridayMay 5": a weekday glued to a month, the one place a rule's month word is not a whole word. */
export function gluedMonthRe(lex: DateLexicon): RegExp {
  return new RegExp(`(?:${heads(lex.weekdays.keys()).join('|')})(?:${heads(lex.months.keys()).join('|')})`, 'i');
}
