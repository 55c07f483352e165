import type { DateLexicon } from '../../core/date-lexicon.js';
import { matchAll } from '../../core/match-all.js';

export type Tense = 'past' | 'future' | 'unknown';

interface Word {
  start: number;
  end: number;
  lower: string;
  /** capitalized inside the sentence: a name ("United States", "Red Cross"), not a verb */
  name: boolean;
  /** the word before it in the sentence, across any window cut */
  prev: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|['’]ll/gu;
const LEFT_WINDOW = 8;
const RIGHT_WINDOW = 6;
/** past participles that point forward ("scheduled for Thursday") are future cues, not past ones */
const FORWARD_PARTICIPLES = new Set(['scheduled', 'planned', 'expected', 'proposed', 'slated', 'intended', 'postponed', 'rescheduled']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);
/** cue words that are also nouns ("vacation plans", "the schedule"): a verb only before "to" or after a pronoun */
const NOUN_CUES = new Set(['plan', 'plans', 'schedule']);
const PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'who']);

/** /^\p{Lu}/u, read off the character code for ASCII (most words) */
function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
}

/** negative subjects: "neither he nor his wife could be reached" tells what did not happen */
const NEGATIVE_SUBJECTS = new Set(['neither', 'nor', 'nobody', 'none']);
/** "until Tuesday", "till noon" with no tense cue around: a deadline, ahead */
const DEADLINE_LEAD = new Set(['until', 'till']);
const BE = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', "'s", 're']);
const PASSIVE_AUX = new Set(['be', 'being', 'to']);
/** clause boundaries a tense cue is not read across */
const CLAUSE_LEFT = /[;:“”"]|``|''/;
const CLAUSE_RIGHT = /[,;:()“”"—–]|``|''/;

/**
 * Sentence context a time expression is read in: the tense around it (for "Thursday"
 * and "7 June" without a year) and whether it stands inside a quotation.
 */
export class SentenceContext {
  private readonly words: Word[] = [];
  private readonly quoted: [number, number][] = [];

  constructor(readonly text: string, private readonly lex: DateLexicon) {
    for (const m of matchAll(WORD, text)) {
      const name = m.index! > 0 && startsUpper(m[0]) && /[\p{L}\p{N},]\s+$/u.test(text.slice(Math.max(0, m.index! - 3), m.index!));
      const folded = m[0].toLowerCase();
      const lower = folded.includes('’') ? folded.replace(/’/g, "'") : folded;
      this.words.push({ start: m.index!, end: m.index! + m[0].length, lower, name, prev: this.words.at(-1)?.lower ?? '' });
    }
    this.findQuotes();
  }

  /** Quotation spans: “…”, ``…'', and straight double quotes taken in pairs. */
  private findQuotes(): void {
    const t = this.text;
    let open = -1;
    let openChar = '';
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      const two = t.slice(i, i + 2);
      if (open < 0) {
        if (c === '“' || c === '"' || c === '«' || two === '``') {
          open = i;
          openChar = two === '``' ? '``' : c;
          if (two === '``') i++;
        }
      } else {
        const closes = (openChar === '“' && c === '”') || (openChar === '"' && c === '"') || (openChar === '«' && c === '»') || (openChar === '``' && two === "''");
        if (closes) {
          this.quoted.push([open, i + 1]);
          open = -1;
        }
      }
    }
    // a quotation that runs to the end of the sentence (closed in a later one)
    if (open >= 0) this.quoted.push([open, t.length]);
  }

  /** Words inside other time expressions ("May" of "May 18") are not tense cues. */
  maskExpressions(spans: readonly { start: number; end: number }[]): void {
    const keep = this.words.filter((w) => !spans.some((s) => s.start <= w.start && w.end <= s.end));
    this.words.splice(0, this.words.length, ...keep);
  }

  inQuote(start: number, end: number): boolean {
    return this.quoted.some(([a, b]) => a <= start && end <= b);
  }

  /** Is the expression reported speech time, e.g. "Maduro said that day", "he said Tuesday"? */
  followsReportingVerb(start: number): boolean {
    const before = this.words.filter((w) => w.end <= start).slice(-3);
    return before.some((w) => this.lex.reportingVerbs.has(w.lower));
  }

  /** A past verb of urging or promising, then "to", within the clause before `start` (up to 16 words back). */
  private urgedAhead(start: number): boolean {
    let wide = this.words.filter((w) => w.end <= start).slice(-2 * LEFT_WINDOW);
    const cut = wide.findLastIndex((w, i) => CLAUSE_LEFT.test(this.text.slice(w.end, i + 1 < wide.length ? wide[i + 1]!.start : start)));
    if (cut >= 0) wide = wide.slice(cut + 1);
    const verb = wide.findLastIndex((w) => this.lex.forwardVerbsPast.has(w.lower));
    return verb >= 0 && wide.slice(verb + 1).some((w) => w.lower === 'to');
  }

  /**
   * Past or future by the nearest cue word around the expression, within its clause:
   * modal and scheduling words (will, could, possible, scheduled, next) against past
   * tense verbs (was, said, any -ed form not after "be"). Ties go to the future cue,
   * the marked case. `rightOnly` reads only what follows ("Wednesday's ruling would…").
   */
  tense(start: number, end: number, rightOnly = false): Tense {
    let left = rightOnly ? [] : this.words.filter((w) => w.end <= start).slice(-LEFT_WINDOW);
    const cut = left.findLastIndex((w, i) => CLAUSE_LEFT.test(this.text.slice(w.end, i + 1 < left.length ? left[i + 1]!.start : start)));
    if (cut >= 0) left = left.slice(cut + 1);
    const following = this.words.filter((w) => w.start >= end);
    let right = following.slice(0, RIGHT_WINDOW);
    const stop = right.findIndex((w, i) => CLAUSE_RIGHT.test(this.text.slice(i === 0 ? end : right[i - 1]!.end, w.start)));
    if (stop >= 0) right = right.slice(0, stop);
    // "On Tuesday, the league plans to…": a fronted adverbial is read with the clause after its comma
    const fronted = stop === 0 && left.length <= 1 && /^\s*,/.test(this.text.slice(end)) && !rightOnly;
    if (fronted) {
      // names ("the National Abortion Rights Action League") do not use up the window
      let taken = 0;
      let n = 0;
      while (n < following.length && taken < RIGHT_WINDOW + 2) if (!following[n++]!.name) taken++;
      right = following.slice(0, n);
      const next = right.findIndex((w, i) => i > 0 && CLAUSE_RIGHT.test(this.text.slice(right[i - 1]!.end, w.start)));
      if (next >= 0) right = right.slice(0, next);
    }
    let best: { d: number; t: Tense } | undefined;
    const consider = (d: number, t: Tense) => {
      if (!best || d < best.d || (d === best.d && t === 'future')) best = { d, t };
    };
    const { futureCues, pastCues, futureCueOpeners } = this.lex;
    const scan = (list: Word[], distance: (first: number, last: number) => number, beforeDate: boolean) => {
      list.forEach((w, i) => {
        // a pair or triple can be a cue only when the word opens one (or the list holds an empty cue)
        const phrase = futureCueOpeners.has(w.lower) || futureCues.has('');
        const pair = phrase && i + 1 < list.length ? `${w.lower} ${list[i + 1]!.lower}` : '';
        const triple = phrase && i + 2 < list.length ? `${pair} ${list[i + 2]!.lower}` : '';
        const prev = w.prev;
        const next = i + 1 < list.length ? list[i + 1]!.lower : '';
        if (futureCues.has(triple)) consider(distance(i, i + 2), 'future');
        else if (futureCues.has(pair)) consider(distance(i, i + 1), 'future');
        // "On Friday, the government planned to…": the fronted date is the planning's, a past verb
        // (but "planned to leave on Thursday" dates the leaving, ahead)
        else if (fronted && FORWARD_PARTICIPLES.has(w.lower) && next === 'to' && !BE.has(prev)) consider(distance(i, i), 'past');
        // "could not be reached Tuesday": in news, what someone could not do has already happened
        else if (w.lower === 'could' && (next === 'not' || next === 'never' || list.slice(Math.max(0, i - 6), i).some((o) => NEGATIVE_SUBJECTS.has(o.lower)))) return;
        // "set aside vacation plans": the noun sets no tense ("plans to leave" does)
        else if (NOUN_CUES.has(w.lower) && next !== 'to' && !PRONOUNS.has(prev) && !w.name) return;
        // "the hastily planned trip", "a scheduled flight": a participle describing a noun sets no tense
        else if (FORWARD_PARTICIPLES.has(w.lower) && (DETERMINERS.has(prev) || /^[a-z]{3,}ly$/.test(prev))) return;
        else if (futureCues.has(w.lower) || FORWARD_PARTICIPLES.has(w.lower)) consider(distance(i, i), 'future');
        // "urged both sides to return to the table on Wednesday": the date is the infinitive's, ahead of the urging
        else if (beforeDate && this.lex.forwardVerbsPast.has(w.lower) && list.slice(i + 1).some((o) => o.lower === 'to')) consider(distance(i, i), 'future');
        else if (PASSIVE_AUX.has(prev)) return; // "will be held", "to be returned"
        // "were planning to", "was expected to": the auxiliary of a forward-looking verb
        else if ((w.lower === 'was' || w.lower === 'were') && (futureCues.has(next) || FORWARD_PARTICIPLES.has(next))) return;
        else if (pastCues.has(w.lower) || (!w.name && /^[a-z]{3,}ed$/.test(w.lower) && !w.lower.endsWith('eed'))) consider(distance(i, i), 'past');
      });
    };
    scan(left, (_first, last) => left.length - last, true);
    scan(right, (first) => first + 1, false);
    // "Thursday as a possible date": a word describing the date outweighs the verb
    if (right.slice(0, 4).some((w) => this.lex.dateModifierCues.has(w.lower))) consider(0, 'future');
    if (best) return best.t;
    // "urged both sides to return to the negotiating table on Wednesday": with no cue near, a
    // verb of urging further back in the clause still dates its infinitive ahead
    if (!rightOnly && this.urgedAhead(start)) return 'future';
    // "has given them until Tuesday": a deadline with no tense around it lies ahead
    if (!rightOnly && DEADLINE_LEAD.has(this.words.filter((w) => w.end <= start).at(-1)?.lower ?? '')) return 'future';
    return 'unknown';
  }
}
