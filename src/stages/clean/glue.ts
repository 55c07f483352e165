import { CAPITALS_DATELINE_CITY } from '../../core/dateline.js';
import { GLUED_OPENER_ALTERNATION } from '../../core/glued-openers.js';
import { matchAll } from '../../core/match-all.js';
import { isLetter, isLowerOrDigit, matchesAtCaseChanges } from './case-change.js';

/**
 * Text scraped from web pages often loses the line breaks between blocks: a sentence runs
 * into the next ("militant.At least"), a headline into its dateline ("in AfghanistanKANDAHAR,")
 * or lede ("in SyriaThe desert"), a subheading or caption into the paragraph after it
 * ("Pending chargesProsecutors said"). A glue point is where the clean text needs a
 * separator: ' ' between two sentences, '\n' after a line that had lost its break.
 */
export type GluePoints = Map<number, string>;

/** a sentence end glued to what follows: "militant.At least", 'said."The', 'attack.""It' */
const SENTENCE_GLUE = /[\p{Ll}\d)%][.!?](["”’“)]*)(?=\p{Lu}(?:\p{Ll}|\s))/gu;

/** a word can only be glued where it starts: not inside a word, a path, a handle or a hashtag */
const NOT_BEFORE_WORD = String.raw`[\p{L}\p{M}\d'’"=&\-_/@#]`;
const WORD_START = `(?<!${NOT_BEFORE_WORD})`;
/*
 * Why some regexes below look behind only after their first character: a regex that starts
 * with a look behind runs it at every position of the text; one that starts with a character
 * (class) skips quickly to where that character is. `X(?<!B X)` matches where `(?<!B)X` does.
 */
/* CAPITALS_DATELINE_CITY: a dateline in capitals after a glued headline ("KANDAHAR, Afghanistan", "LONDON —"); only near the top (HEADLINE_REACH) */
/** a capitalised word glued to a sentence opener is a line that lost its break ("SyriaThe", "InjuredAn") */
const CLOSED_STARTERS = GLUED_OPENER_ALTERNATION;
/** camel-case names that do end in one of those words */
const CAMEL_NAMES = ['LinkedIn', 'MoveOn', 'NowThis', 'CheckIn', 'SignIn', 'LogIn', 'PlugIn', 'AddOn', 'HandsOn'];

/**
 * A lower-case word of three letters or more glued to a capitalised one ("involvementAn
 * FBI agent", "patternsFrench soldiers", "1990sWhen"): camel-case names start with a capital
 * or have a single lower-case letter first ("iPhone", "eBay").
 */
const LOWER_GLUE = new RegExp(`${WORD_START}[\\p{Ll}\\d]{2,}\\p{Ll}(?=\\p{Lu}\\p{Ll}|[AI] |${CAPITALS_DATELINE_CITY})`, 'gu');
/** LOWER_GLUE tried at one place: its match is the whole [\p{Ll}\d] run before a capital */
const LOWER_GLUE_AT = new RegExp(LOWER_GLUE.source, 'uy');
/** a capitalised word glued to a sentence starter or a dateline ("SyriaThe", "PrioritiesLONDON —") */
const CAPITAL_GLUE = new RegExp(`\\p{Lu}(?<!${NOT_BEFORE_WORD}\\p{Lu})\\p{L}+\\p{Ll}(?=(?:${CLOSED_STARTERS})(?![\\p{L}\\p{M}\\d])|${CAPITALS_DATELINE_CITY})`, 'gu');
/** CAPITAL_GLUE tried at one place: its match starts a run of letters and ends before a capital in it */
const CAPITAL_GLUE_AT = new RegExp(CAPITAL_GLUE.source, 'uy');
/** the starters of three letters or more: "NASA" and "NDAs" end in shorter ones */
const LONG_STARTERS = CLOSED_STARTERS.split('|').filter((w) => w.length >= 3).join('|');
/** an abbreviation or unit glued to a sentence starter ("9.8MBThe speech") */
const CAPS_GLUE = new RegExp(`\\p{Lu}(?<![\\p{L}\\p{M}'’&\\-_/@#]\\p{Lu})\\p{Lu}+(?=(?:${LONG_STARTERS})(?![\\p{L}\\p{M}\\d]))`, 'gu');
/** a quoted subheading glued on both sides: "the area'Reinforce security'French Interior" */
const QUOTED_HEADING = /(['‘])(?<=\p{Ll}{3}['‘])\p{Lu}[^'’\n.!?]{1,80}['’](?=\p{Lu}\p{Ll})/gu;
/** a wiki section heading: "==Reactions==" */
const WIKI_HEADING = /={2,} ?[^=\n]{1,80}? ?={2,}/gu;
/** a wiki list item glued to the text before it: "US Bomb*2015-12-21, Special Agent" */
const WIKI_BULLET = /\*(?<=[^\s*]\*)(?=\s?[\d\p{Lu}])/gu;

/** Where a straight double quote opens rather than closes: an even number of them before it on its line. */
function opensQuote(raw: string, at: number): boolean {
  let n = 0;
  for (let i = raw.lastIndexOf('\n', at - 1) + 1; i < at; i++) if (raw.charCodeAt(i) === 34) n++;
  return n % 2 === 0;
}

/** the separator goes after the closing quotes and before the opening ones */
function sentenceGluePoints(raw: string, points: GluePoints): void {
  for (const m of matchAll(SENTENCE_GLUE, raw)) {
    const quotesStart = m.index! + 2;
    let at = quotesStart + m[1]!.length;
    for (let i = quotesStart; i < quotesStart + m[1]!.length; i++) {
      const ch = raw[i]!;
      if (ch === '“' || (ch === '"' && opensQuote(raw, i))) {
        at = i;
        break;
      }
    }
    points.set(at, ' ');
  }
}

/** how far into the text a headline can end: a glued dateline further on is a brand ("BernieBNB,") */
const HEADLINE_REACH = 300;

function lineGluePoints(raw: string, points: GluePoints): void {
  const lineAfter = (re: RegExp, skip?: (word: string, end: number) => boolean, matches = matchAll(re, raw)) => {
    for (const m of matches) {
      const end = m.index! + m[0].length;
      const dateline = /^\p{Lu}{3}/u.test(raw.slice(end, end + 3));
      if (!skip?.(m[0], end) && (!dateline || end <= HEADLINE_REACH || re === CAPS_GLUE)) points.set(end, '\n');
    }
  };
  // each match of these two ends at a lower-case letter before a capital (every word they look
  // ahead for starts with one), and starts where its run of letters does (case-change.ts)
  lineAfter(LOWER_GLUE, undefined, matchesAtCaseChanges(raw, LOWER_GLUE_AT, isLowerOrDigit));
  lineAfter(CAPS_GLUE);
  lineAfter(
    CAPITAL_GLUE,
    (word, end) => CAMEL_NAMES.some((n) => n.startsWith(word) && raw.startsWith(n, end - word.length)),
    matchesAtCaseChanges(raw, CAPITAL_GLUE_AT, isLetter),
  );
  for (const m of matchAll(QUOTED_HEADING, raw)) {
    points.set(m.index!, '\n');
    points.set(m.index! + m[0].length, '\n');
  }
  for (const m of matchAll(WIKI_HEADING, raw)) {
    if (m.index! > 0) points.set(m.index!, '\n');
    points.set(m.index! + m[0].length, '\n');
  }
  for (const m of matchAll(WIKI_BULLET, raw)) points.set(m.index!, '\n');
}

/**
 * Every glue point in the raw text; a title given with the article marks where the
 * headline ends even when the glue looks like an ordinary word.
 */
export function findGluePoints(raw: string, title: string | undefined): GluePoints {
  const points: GluePoints = new Map();
  sentenceGluePoints(raw, points);
  lineGluePoints(raw, points);
  if (title) {
    const lead = raw.length - raw.trimStart().length;
    const t = title.trim();
    if (t && raw.startsWith(t, lead) && /\S/.test(raw[lead + t.length] ?? '')) points.set(lead + t.length, '\n'); // a headline is a line of its own
  }
  return points;
}

/**
 * The raw text with a line break at every '\n' glue point, and the way back to raw offsets:
 * line-based boilerplate rules then see a glued "Read more: …" line as the line it was.
 */
export function withGlueLines(raw: string, points: GluePoints): { text: string; toRaw: (i: number) => number } {
  const breaks = [...points].filter(([, sep]) => sep === '\n').map(([at]) => at).sort((a, b) => a - b);
  if (breaks.length === 0) return { text: raw, toRaw: (i) => i };
  let text = '';
  let from = 0;
  // lined[k] is where the k-th inserted break sits in the lined text
  const lined: number[] = [];
  for (const at of breaks) {
    text += raw.slice(from, at);
    lined.push(text.length);
    text += '\n';
    from = at;
  }
  text += raw.slice(from);
  const toRaw = (i: number) => {
    let before = 0;
    while (before < lined.length && lined[before]! < i) before++;
    return i - before;
  };
  return { text, toRaw };
}
