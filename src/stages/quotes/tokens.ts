/**
 * Token-level helpers: speech cues and the noun phrases around them. Heuristics over
 * POS tags, no parser: the subject before a verb of saying, the name after an inverted
 * one ("said Saab"), the object of "according to".
 */
import type { Token } from '../../core/layers/index.js';
import type { SpeechLexicon, SpeechVerb } from './lexicon.js';

export interface Cue {
  /** first and last token (inclusive) of the cue */
  from: number;
  to: number;
  verb?: SpeechVerb;
  /** "according to" */
  prepositional: boolean;
}

export interface Phrase {
  from: number;
  to: number;
}

const ALWAYS_VERB = new Set(['said', 'says', 'told', 'added', 'wrote', 'tweeted', 'stressed', 'insisted', 'warned', 'announced']);
const SKIP_BEFORE_VERB = new Set([
  'also', 'later', 'earlier', 'reportedly', 'then', 'now', 'previously', 'recently', 'yesterday', 'today', 'tonight',
  'again', 'once', 'further', 'repeatedly', 'publicly', 'privately', 'separately', 'himself', 'herself', 'itself', 'themselves',
  'had', 'has', 'have', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'not', 'has', 'had',
]);
const TIME_NOUNS = new Set([
  'morning', 'night', 'evening', 'afternoon', 'week', 'weekend', 'month', 'year', 'day',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
const TIME_HEADS = new Set(['last', 'this', 'on', 'next', 'early', 'late', 'that', 'on']);
export const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const RELATIVE = new Set(['who', 'which', 'that']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** a token's text in lower case, ’ as ' ('' past either end) */
export function lower(t: Token | undefined): string {
  if (!t) return '';
  const w = t.span.text.toLowerCase();
  return w.includes('’') ? w.replace(/’/g, "'") : w;
}

export function cueAt(tokens: readonly Token[], i: number, lex: SpeechLexicon, limit: number): Cue | undefined {
  const t = tokens[i]!;
  const w = lower(t);
  if (w === 'according' && lower(tokens[i + 1]) === 'to' && i + 1 < limit) return { from: i, to: i + 1, prepositional: true };
  const verbs = lex.byForm.get(w);
  if (!verbs) return undefined;
  const isVerb = t.pos === 'VERB' || t.pos === 'AUX' || ALWAYS_VERB.has(w);
  if (!isVerb) return undefined;
  const prev = tokens[i - 1];
  // "so-called", "the stated aim": not verbs of saying here
  if (prev && prev.span.end === t.span.start && prev.span.text === '-') return undefined;
  if (prev && prev.pos === 'DET' && prev.sentence === t.sentence) return undefined;
  for (const v of verbs) {
    if (v.particle) {
      if (i + 1 < limit && lower(tokens[i + 1]) === v.particle) return { from: i, to: i + 1, verb: v, prepositional: false };
    } else return { from: i, to: i, verb: v, prepositional: false };
  }
  return undefined;
}

/** "Theresa May", "Mary Will": a capitalised word read as a modal, right after a proper noun, is the rest of the name. */
function nameWord(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  return /^\p{Lu}\p{Ll}/u.test(t.span.text) && !!prev && prev.pos === 'PROPN' && prev.sentence === t.sentence;
}

/** "said Will Doyle", "Sue Lee told": a capitalised word read as a verb, inside a sentence and before a proper noun, is a first name. */
function givenName(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!/^\p{Lu}\p{Ll}+$/u.test(t.span.text) || !prev || prev.sentence !== t.sentence || !next || next.pos !== 'PROPN' || next.sentence !== t.sentence) return false;
  // not the first word of a sentence or of a quotation ("Will Smith win?"); a closing mark may precede
  if (/^[.!?“‘]$/.test(prev.span.text)) return false;
  return prev.span.text !== '"' || /^[,?!]$/.test(tokens[k - 2]?.span.text ?? '');
}

function isNominal(t: Token): boolean {
  return t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM' || (t.pos === 'ADJ' && /^\p{Lu}/u.test(t.span.text)) || (t.pos === 'X' && /^\p{Lu}/u.test(t.span.text));
}

/** Can token k be inside a noun phrase (looking at its neighbours)? */
function inPhrase(tokens: readonly Token[], k: number, lo: number, hi: number): boolean {
  const t = tokens[k]!;
  const w = lower(t);
  if (isNominal(t) || t.pos === 'ADJ' || t.pos === 'DET') return true;
  if (t.pos === 'PRON' && POSSESSIVE.has(w)) return true;
  if ((w === "'s" || w === "'") && k > lo && isNominal(tokens[k - 1]!)) return true;
  const prev = tokens[k - 1];
  if (k > lo && nameWord(tokens, k)) return true;
  if (givenName(tokens, k)) return true;
  const next = tokens[k + 1];
  const glued = prev && next && prev.span.end === t.span.start && t.span.end === next.span.start;
  if ((w === '-' || w === '.' || w === '&') && glued && k > lo && k < hi) return true;
  if ((w === 'of' || w === 'for') && k > lo && k < hi && prev && next && isNominal(prev) && (isNominal(next) || next.pos === 'DET' || next.pos === 'ADJ')) return true;
  if (w === 'and' && prev && next && k > lo && k < hi && prev.pos === 'PROPN' && next.pos === 'PROPN') return true;
  // "the National Commission on Human Rights", "the Committee against Torture": a preposition inside a name
  if ((w === 'on' || w === 'against') && prev && next && k > lo && k < hi && prev.pos === 'PROPN' && next.pos === 'PROPN' && /^\p{Lu}/u.test(next.span.text)) return true;
  return false;
}

function headOk(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (isNominal(tokens[k]!)) return true;
  return false;
}

/** The noun phrase ending at token `end` (inclusive), not before `lo`. */
export function phraseEndingAt(tokens: readonly Token[], end: number, lo: number): Phrase | undefined {
  if (end < lo) return undefined;
  const t = tokens[end]!;
  if (t.pos === 'PRON' && PERSONAL_PRONOUNS.has(lower(t))) return { from: end, to: end };
  let k = end;
  while (k >= lo && k > end - 10 && inPhrase(tokens, k, lo, end)) k--;
  let from = k + 1;
  while (from <= end && ['of', 'for', 'and', "'s", '-'].includes(lower(tokens[from]))) from++;
  if (from > end || !headOk(tokens, from, end)) return undefined;
  // the last word of a subject is its head: a bare adjective or determiner cannot end it
  if (tokens[end]!.pos === 'DET' || (tokens[end]!.pos === 'ADJ' && !/^\p{Lu}/u.test(tokens[end]!.span.text))) return undefined;
  return { from, to: end };
}

/** The noun phrase starting at token `start`, not past `hi` (inclusive). */
export function phraseStartingAt(tokens: readonly Token[], start: number, hi: number): Phrase | undefined {
  if (start > hi) return undefined;
  const t = tokens[start]!;
  if (t.pos === 'PRON' && PERSONAL_PRONOUNS.has(lower(t))) return { from: start, to: start };
  let k = start;
  while (k <= hi && k < start + 10 && inPhrase(tokens, k, start, hi)) k++;
  let to = k - 1;
  while (to >= start && ['of', 'for', 'and', '-', 'the', 'a', 'an'].includes(lower(tokens[to]))) to--;
  if (to < start || !headOk(tokens, start, to)) return undefined;
  return { from: start, to };
}

/**
 * The subject of the cue starting at token `v`: skips adverbs, auxiliaries, time phrases and
 * appositions. `withModifier`: a subject's place or time modifier is part of it ("Police in
 * Kabul"); without, only the preposition's object ("Kabul"), where the subject marks a boundary.
 */
export function subjectBefore(tokens: readonly Token[], v: number, lo: number, withModifier = true): Phrase | undefined {
  let j = v - 1;
  while (j >= lo) {
    const t = tokens[j]!;
    const w = lower(t);
    if ((SKIP_BEFORE_VERB.has(w) || t.pos === 'ADV' || t.pos === 'AUX') && !nameWord(tokens, j)) j--;
    else if (TIME_NOUNS.has(w) && j - 1 >= lo && TIME_HEADS.has(lower(tokens[j - 1]))) j -= lower(tokens[j - 2]) === 'on' ? 3 : 2;
    else break;
  }
  // "Sen. Ann Roe (D-Ore.) said": the parenthesis is an aside
  if (j >= lo && tokens[j]!.span.text === ')') {
    let k = j - 1;
    while (k >= lo && k > j - 12 && tokens[k]!.span.text !== '(') k--;
    if (k >= lo && tokens[k]!.span.text === '(') j = k - 1;
  }
  if (j < lo) return undefined;
  const w = lower(tokens[j]);
  if (RELATIVE.has(w)) {
    let k = j - 1;
    if (lower(tokens[k]) === ',') k--;
    const p = phraseEndingAt(tokens, k, lo);
    // "Turkey, on the other hand, which …": step over the parenthetical phrase
    if (p && p.from - 2 >= lo && tokens[p.from - 1]!.pos === 'ADP' && lower(tokens[p.from - 2]) === ',') return phraseEndingAt(tokens, p.from - 3, lo) ?? p;
    // "Luis Roe, 23, who said": an age is not who spoke
    if (p && p.from === p.to && tokens[p.from]!.pos === 'NUM' && p.from - 2 >= lo && lower(tokens[p.from - 1]) === ',') return phraseEndingAt(tokens, p.from - 2, lo) ?? p;
    return p;
  }
  // "Maduro — the successor of Hugo Chávez, who died in 2013 — strongly defends": step over the dashes
  if (DASHES.has(w)) {
    for (let k = j - 1; k >= lo && k > j - 30; k--) {
      if (!DASHES.has(lower(tokens[k]))) continue;
      const p = phraseEndingAt(tokens, k - 1, lo);
      if (p) return p;
      break;
    }
  }
  if (w === ',') {
    // "Guterres, the UN chief, said": prefer the name before the apposition; but in "an IRA
    // leader at the time, Sean Roe, said" the phrase before is a preposition's object and the
    // apposition names the speaker
    const appos = phraseEndingAt(tokens, j - 1, lo);
    if (appos && appos.from - 1 >= lo && lower(tokens[appos.from - 1]) === ',') {
      const before = phraseEndingAt(tokens, appos.from - 2, lo);
      if (before && before.from - 1 >= lo && PLACE_OR_TIME_PREPS.has(lower(tokens[before.from - 1]))) {
        // "Dean Roe, a salesman from Sumter, South Carolina, says": the name before the aside;
        // "Clinton, during a meeting in Columbus, Ohio, said" keeps the old answer
        if (tokens.slice(before.from, before.to + 1).every((t) => t.pos !== 'PROPN')) return appos;
        const aside = beforeAside(tokens, j, lo);
        if (aside) return aside;
      }
      return before ?? appos;
    }
    // "Ann Roe, who runs a firm in Lyon, said" / "Ann Roe, a top adviser to the mayor, said"
    return beforeAside(tokens, j, lo);
  }
  const p = phraseEndingAt(tokens, j, lo);
  return withModifier ? withHeadBefore(tokens, p, lo) : p;
}

/** prepositions of a place or time modifier that follows a subject's head noun */
const PLACE_OR_TIME_PREPS = new Set(['at', 'in', 'from', 'near', 'inside', 'outside']);

/**
 * "One police officer at the scene recalled", "Police in Kabul said": the phrase before the
 * verb is a preposition's object, so the subject is the noun phrase before the preposition
 * with its modifier (not "the scene").
 */
function withHeadBefore(tokens: readonly Token[], p: Phrase | undefined, lo: number): Phrase | undefined {
  if (!p || isPronounToken(tokens[p.from]) || p.from - 2 < lo || !PLACE_OR_TIME_PREPS.has(lower(tokens[p.from - 1]))) return p;
  const head = phraseEndingAt(tokens, p.from - 2, lo);
  if (!head || isPronounToken(tokens[head.from]) || !isNominal(tokens[head.to]!)) return p;
  return { from: head.from, to: p.to };
}
const isPronounToken = (t: Token | undefined) => !!t && t.pos === 'PRON' && PERSONAL_PRONOUNS.has(lower(t));

/** The speaker after an inverted cue ("said Saab", "according to the ministry"). */
export function speakerAfter(tokens: readonly Token[], cue: Cue, hi: number): Phrase | undefined {
  const p = phraseStartingAt(tokens, cue.to + 1, hi);
  // "said her son, Luis Roe, 23": the name in apposition says who the son is
  if (p && !tokens.slice(p.from, p.to + 1).some((t) => t.pos === 'PROPN') && p.to + 2 <= hi && lower(tokens[p.to + 1]) === ',') {
    const q = phraseStartingAt(tokens, p.to + 2, hi);
    if (q && q.to > q.from && tokens.slice(q.from, q.to + 1).every((t) => t.pos === 'PROPN')) return { from: p.from, to: q.to };
  }
  return p;
}
const DASHES = new Set(['—', '–', '--']);

const ASIDE_STOP = /^[.!?;:“”"«»]$/;
const ASIDE_OPENERS = new Set(['who', 'a', 'an', 'the', 'whose', 'which', 'one', 'himself', 'herself']);

/**
 * The phrase before an aside that ends at the comma `j`: the aside opens with a comma and a
 * relative pronoun or an article ("X, who …, said", "X, a former aide to Y, said").
 */
export function beforeAside(tokens: readonly Token[], j: number, lo: number): Phrase | undefined {
  let nearest: Phrase | undefined;
  for (let c = j - 1; c >= lo && c > j - 20; c--) {
    const cw = lower(tokens[c]);
    if (ASIDE_STOP.test(cw)) break;
    // "Kell — the heir of Veldt, who died in 2010 — defends the plan, saying": before the dashed aside
    if (DASHES.has(cw)) {
      let o = c - 1;
      while (o >= lo && o > c - 30 && !DASHES.has(lower(tokens[o]))) o--;
      return (o >= lo && DASHES.has(lower(tokens[o])) ? phraseEndingAt(tokens, o - 1, lo) : undefined) ?? nearest;
    }
    if (cw !== ',' || !(ASIDE_OPENERS.has(lower(tokens[c + 1])) || participleAside(tokens[c + 1]))) continue;
    const p = phraseEndingAt(tokens, c - 1, lo);
    // a relative clause may hold an apposition of its own: its comma wins
    if (p && RELATIVE_OPENERS.has(lower(tokens[c + 1]))) return p;
    nearest ??= p;
  }
  return nearest;
}
const RELATIVE_OPENERS = new Set(['who', 'whose', 'which']);

/** "The group, known by its initials ELN, said": a past participle opens an aside too */
function participleAside(t: Token | undefined): boolean {
  return !!t && t.pos === 'VERB' && /^(?:known|based|led|backed|called|named|founded|formed|made|made up|considered|described|designated|listed|seen|accused|blamed)$/i.test(t.span.text);
}

/** After a subject: skip "(D-Ore.)" and ", who …," / ", the UN chief," asides; the index of what follows. */
export function skipAsides(tokens: readonly Token[], k: number, hi: number): number {
  for (;;) {
    const w = lower(tokens[k]);
    if (w === '(') {
      let e = k + 1;
      while (e <= hi && e < k + 12 && tokens[e]!.span.text !== ')') e++;
      if (e > hi || tokens[e]!.span.text !== ')') return k;
      k = e + 1;
    } else if (w === ',') {
      // the aside must be followed by the verb: "X, 66, said", "X, Ann Roe, told", "X, who …, said"
      let e = k + 1;
      while (e <= hi && e < k + 20 && tokens[e]!.span.text !== ',' && !ASIDE_STOP.test(tokens[e]!.span.text)) e++;
      if (e > hi || tokens[e]!.span.text !== ',') return k;
      const v = skipAdverbs(tokens, e + 1, hi);
      if (!ASIDE_OPENERS.has(lower(tokens[k + 1])) && !(v <= hi && (tokens[v]!.pos === 'VERB' || ALWAYS_VERB.has(lower(tokens[v]))))) return k;
      k = e + 1;
    } else return k;
  }
}

/** Adverbs, auxiliaries and "also" between a subject and its verb. */
export function skipAdverbs(tokens: readonly Token[], k: number, hi: number): number {
  while (k <= hi && (SKIP_BEFORE_VERB.has(lower(tokens[k])) || tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k++;
  return k;
}

/** The subject of the nearest verb before token `from` that has one: the main clause of a participle. */
export function mainSubject(tokens: readonly Token[], from: number, lo: number): Phrase | undefined {
  for (let k = from; k >= lo && k > from - 16; k--) {
    if (tokens[k]!.pos !== 'VERB') continue;
    const s = subjectBefore(tokens, k, lo);
    if (s) return s;
  }
  return undefined;
}
