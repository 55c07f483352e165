import { makeSpan, spanContains, spansOverlap } from '../../core/span.js';
import type { ActorMention, EventParticipant, Quote, TimeExpression, Token } from '../../core/layers/index.js';
import type { EventsGrammar } from './lexicon.js';

/** What the argument rules see of one sentence. */
export interface SentenceView {
  text: string;
  tokens: readonly Token[];
  /** clause number of each token */
  clause: number[];
  actors: readonly ActorMention[];
  quotes: readonly Quote[];
  /** time expressions of the sentence: never a participant */
  dates: readonly TimeExpression[];
  lemmas: (t: Token) => string[];
  grammar: EventsGrammar;
  /** is [start, end) inside the dateline opening its line (core/dateline's test, one a document) */
  inDateline: (start: number, end: number) => boolean;
  /** the relative clauses set off by commas, as character ranges (where-when's setOffRelatives) */
  relatives: readonly { start: number; end: number }[];
  /** indexes of the tokens of the sentence's trigger words */
  triggers?: ReadonlySet<number>;
}

const NOMINAL = new Set(['NOUN', 'PROPN']);
const NP_PART = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/**
 * Clause numbers: a new clause starts at a clause break word or after ", and". `lower`: the
 * tokens' lower-cased forms by index, when the caller has them.
 */
export function clauses(tokens: readonly Token[], grammar: EventsGrammar, lower?: readonly string[]): number[] {
  const breaks = grammar.clauseBreakSet;
  const out: number[] = [];
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    const w = lower ? lower[i]! : tokens[i]!.span.text.toLowerCase();
    if (breaks.has(w) || ((w === 'and' || w === 'but') && tokens[i - 1]?.span.text === ',')) c++;
    out.push(c);
  }
  return out;
}

export function participantOf(text: string, m: ActorMention): EventParticipant {
  return { span: m.span, actorMentionId: m.id, actorCode: m.actor.code, name: m.person ?? m.actor.name };
}

export function npParticipant(v: SentenceView, toks: readonly Token[]): EventParticipant | undefined {
  const text = v.text;
  if (!toks.length || !toks.some((t) => NOMINAL.has(t.pos))) return undefined;
  if (toks.some((t) => v.dates.some((d) => spansOverlap(d.span, t.span)))) return undefined;
  const span = makeSpan(text, toks[0]!.span.start, toks[toks.length - 1]!.span.end);
  return { span, name: span.text };
}

/**
 * Is the trigger a passive participle ("was detained", "were all indicted")? A participle right
 * before "by" is one too, with no auxiliary ("Chekatt – shot dead by police –").
 */
export function isPassive(v: SentenceView, first: number): boolean {
  const tok = v.tokens[first]!;
  if (!/(ed|en|wn|ot|ht|ck|nd)$/i.test(tok.span.text)) return false;
  for (let j = first - 1; j >= Math.max(0, first - 5); j--) {
    const w = v.tokens[j]!.span.text.toLowerCase();
    // a possessive 's ("Hamas's October 7 attack") is no form of "be"
    if (v.grammar.beForms.includes(w) && v.tokens[j]!.pos !== 'PART') return true;
    // "was on Friday killed": a time expression may stand between
    const inDate = v.dates.some((d) => spansOverlap(d.span, v.tokens[j]!.span)) || (v.tokens[j]!.pos === 'ADP' && v.dates.some((d) => spansOverlap(d.span, v.tokens[j + 1]!.span)));
    if (inDate) continue;
    if (v.tokens[j]!.pos !== 'ADV' && v.tokens[j]!.pos !== 'PART' && !v.grammar.passiveGap.includes(w)) break;
  }
  const next = (k: number) => v.tokens[first + k]?.span.text.toLowerCase();
  return next(1) === 'by' || (next(2) === 'by' && ['ADJ', 'ADV'].includes(v.tokens[first + 1]!.pos)) || headlinePassive(v, first);
}

/**
 * "Suspected gang member killed at market": a verb that cannot go without an object, right after
 * a noun and with no object after it, is a participle whose noun suffered it (headline style).
 */
function headlinePassive(v: SentenceView, first: number): boolean {
  const tok = v.tokens[first]!;
  const prev = v.tokens[first - 1];
  const after = v.tokens[first + 1];
  if (!/ed$/i.test(tok.span.text) || !prev || !['NOUN', 'PROPN', 'NUM'].includes(prev.pos)) return false;
  if (!v.lemmas(tok).some((l) => v.grammar.transitiveOnly.includes(l))) return false;
  if (!after) return true;
  // "detained at least 20", "killed over 30 people": the preposition belongs to a number
  const then = v.tokens[first + 2];
  if (after.pos === 'ADP') return !(then && (then.pos === 'NUM' || ['least', 'most', 'more', 'about'].includes(then.span.text.toLowerCase())));
  return after.pos === 'PUNCT';
}

/** A date ("May 22") read as a name is never a participant, nor an ignored sector. */
const usable = (v: SentenceView, m: ActorMention) =>
  !v.grammar.ignoreActorSectors.includes(m.actor.sector ?? '') && !v.dates.some((d) => spansOverlap(d.span, m.span));
const tokenIndexAt = (v: SentenceView, pos: number) => v.tokens.findIndex((t) => t.span.start <= pos && pos < t.span.end);

/** The actor before the trigger in the clause, the nearest not behind a preposition ("police in Jericho" → police). */
export function actorBefore(v: SentenceView, first: number, sameClause: boolean, skip?: (m: ActorMention) => boolean): ActorMention | undefined {
  const start = v.tokens[first]!.span.start;
  const c = v.clause[first]!;
  const list = v.actors.filter((m) => usable(v, m) && m.span.end <= start && !skip?.(m)).filter((m) => {
    const ti = tokenIndexAt(v, m.span.start);
    return ti >= 0 && (!sameClause || v.clause[ti] === c);
  });
  if (!list.length) return undefined;
  // "with France calling for": the actor right before an -ing trigger is its subject despite the preposition
  const last = list[list.length - 1]!;
  const lastEnd = tokenIndexAt(v, last.span.end - 1);
  const gap = v.tokens.slice(lastEnd + 1, first);
  if (lastEnd >= 0 && /ing$/i.test(v.tokens[first]!.span.text) && gap.every((t) => ['AUX', 'ADV', 'PART'].includes(t.pos))) {
    const ti = tokenIndexAt(v, last.span.start);
    if (ti > 0 && v.grammar.absolutePrepositions.includes(v.tokens[ti - 1]!.span.text.toLowerCase())) return last;
  }
  const notPrep = list.filter((m) => {
    const ti = tokenIndexAt(v, m.span.start);
    return ti <= 0 || v.tokens[ti - 1]!.pos !== 'ADP';
  });
  return (notPrep.length ? notPrep : list)[(notPrep.length ? notPrep : list).length - 1];
}

/** The actor after the trigger in the clause (within `limit` tokens of the sentence when the clause has none). */
export function actorAfter(v: SentenceView, last: number, sameClause: boolean, limit = Infinity): ActorMention | undefined {
  const end = v.tokens[last]!.span.end;
  const c = v.clause[last]!;
  return v.actors.find((m) => {
    if (!usable(v, m) || m.span.start < end) return false;
    const ti = tokenIndexAt(v, m.span.start);
    return ti >= 0 && (sameClause ? v.clause[ti] === c : ti - last <= limit);
  });
}

/** The noun phrase right before the trigger (its subject when no actor was recognised). */
export function npBefore(v: SentenceView, first: number): EventParticipant | undefined {
  let j = first - 1;
  while (j >= 0 && ['AUX', 'ADV', 'PART'].includes(v.tokens[j]!.pos)) j--;
  const end = j;
  while (j >= 0 && end - j < 6 && NP_PART.has(v.tokens[j]!.pos) && v.clause[j] === v.clause[first]) j--;
  return npParticipant(v, v.tokens.slice(j + 1, end + 1));
}

/** The noun phrase after the trigger (its object), optionally behind a target preposition. */
export function npAfter(v: SentenceView, last: number, extraPrepositions: readonly string[] = []): EventParticipant | undefined {
  let j = last + 1;
  const w = v.tokens[j]?.span.text.toLowerCase();
  if (w && (v.grammar.targetPrepositions.includes(w) || extraPrepositions.includes(w))) j++;
  while (j < v.tokens.length && v.tokens[j]!.pos === 'DET') j++;
  const start = j;
  while (j < v.tokens.length && j - start < 6 && NP_PART.has(v.tokens[j]!.pos) && v.clause[j] === v.clause[last]) j++;
  const toks = v.tokens.slice(start, j);
  // the head noun ends the phrase: drop trailing adjectives
  while (toks.length && !NOMINAL.has(toks[toks.length - 1]!.pos)) toks.pop();
  return npParticipant(v, toks);
}

/** "by X" after a passive trigger: the agent; an instrument ("killed by a mortar shell") is none. */
export function byAgent(v: SentenceView, last: number): EventParticipant | undefined {
  for (let j = last + 1; j < Math.min(v.tokens.length, last + 8); j++) {
    if (v.clause[j] !== v.clause[last]) return undefined;
    if (v.tokens[j]!.span.text.toLowerCase() !== 'by') continue;
    const after = v.tokens[j + 1];
    if (!after) return undefined;
    const m = v.actors.find((a) => usable(v, a) && spansOverlap(a.span, { start: after.span.start, end: after.span.start + 40 }) && a.span.start >= after.span.start);
    if (m && tokenIndexAt(v, m.span.start) - j <= 4) return participantOf(v.text, m);
    const np = npAfter(v, j);
    const head = np && v.tokens[tokenIndexAt(v, np.span.end - 1)];
    if (head && v.lemmas(head).some((l) => v.grammar.instrumentNouns.includes(l))) continue;
    return np;
  }
  return undefined;
}

/**
 * "..., the opposition leader in Tarvia said": the speaker of a reporting clause closing the
 * sentence after the trigger (when the quotes layer attributed none).
 */
export function closingSpeaker(v: SentenceView, last: number): EventParticipant | undefined {
  const say = v.tokens.findIndex((t, i) => i > last && v.lemmas(t).some((l) => v.grammar.speechVerbs.includes(l)));
  if (say < 0) return undefined;
  let comma = say - 1;
  while (comma > last && v.tokens[comma]!.span.text !== ',') comma--;
  if (comma <= last || say - comma > 8) return undefined;
  const m = actorIn(v, comma + 1, say);
  return m ? participantOf(v.text, m) : npFrom(v, comma + 1, say);
}

/** The speaker of a quote that holds the trigger. */
export function quoteSpeaker(v: SentenceView, first: number, last: number): { quote: Quote; speaker: EventParticipant } | undefined {
  const span = { start: v.tokens[first]!.span.start, end: v.tokens[last]!.span.end };
  const q = v.quotes.find((x) => x.speaker && spanContains(x.span, span));
  if (!q || !q.speaker) return undefined;
  const s = q.speaker;
  const mention = s.actorMentionId ? v.actors.find((a) => a.id === s.actorMentionId) : undefined;
  return { quote: q, speaker: { span: s.span, ...(s.actorMentionId ? { actorMentionId: s.actorMentionId } : {}), ...(s.actorCode ? { actorCode: s.actorCode } : {}), name: mention?.person ?? s.name ?? s.span.text } };
}

const SKIPPABLE = new Set(['AUX', 'ADV', 'PART']);

/** Index of the token before `first`, skipping auxiliaries, adverbs and particles (-1 when none). */
export function prevWord(v: SentenceView, first: number): number {
  let j = first - 1;
  while (j >= 0 && SKIPPABLE.has(v.tokens[j]!.pos)) j--;
  return j;
}

/** A noun phrase starting at token `i` ("community and mosque leaders"), stopping at a preposition or verb. */
function npFrom(v: SentenceView, i: number, end: number): EventParticipant | undefined {
  let j = i;
  while (j < end && v.tokens[j]!.pos === 'DET') j++;
  const start = j;
  while (j < end && j - start < 6) {
    const t = v.tokens[j]!;
    if (NP_PART.has(t.pos)) j++;
    else if (t.pos === 'CCONJ' && j + 1 < end && NP_PART.has(v.tokens[j + 1]!.pos) && j > start) j++;
    else break;
  }
  const toks = v.tokens.slice(start, j);
  while (toks.length && !NOMINAL.has(toks[toks.length - 1]!.pos)) toks.pop();
  return npParticipant(v, toks);
}

/** The actor starting in tokens [from, to), the first one. */
function actorIn(v: SentenceView, from: number, to: number): ActorMention | undefined {
  return v.actors.find((m) => {
    if (!usable(v, m)) return false;
    const ti = tokenIndexAt(v, m.span.start);
    return ti >= from && ti < to;
  });
}

/**
 * The subject of a verb that follows a comma ("X, the man who did Y, accused Z"; "X, calling for"):
 * walk back over comma-separated segments, skipping appositions and relative clauses, to the
 * segment that holds the subject; its first actor, else its first noun phrase.
 */
export function subjectBeforeComma(v: SentenceView, first: number): EventParticipant | undefined {
  let j = prevWord(v, first);
  if (j < 0 || v.tokens[j]!.span.text !== ',') return undefined;
  const rel = v.grammar.relativePronouns;
  let end = j;
  for (let hops = 0; hops < 3 && end > 0; hops++) {
    let s = end - 1;
    while (s >= 0 && v.tokens[s]!.span.text !== ',') s--;
    const seg = v.tokens.slice(s + 1, end);
    const isRelative = seg.some((t) => rel.includes(t.span.text.toLowerCase()));
    // an apposition restates the subject ("Abedi, the British-Libyan who ..."): skip it
    if (seg.length && !isRelative && !(seg[0]!.pos === 'DET' && hops === 0 && s >= 0)) {
      // a fronted time or place adverbial ("Last month,") holds no subject: keep walking
      const hasVerb = seg.some((t) => t.pos === 'VERB');
      const dateOnly = seg.every((t) => v.dates.some((d) => spansOverlap(d.span, t.span)) || ['ADP', 'DET', 'ADJ'].includes(t.pos));
      if (!dateOnly && !hasVerb) {
        const m = actorIn(v, s + 1, end);
        const np = npFrom(v, s + 1, end);
        if (m && (!np || m.span.start <= np.span.start)) return participantOf(v.text, m);
        if (np) return np;
      }
      if (!dateOnly && hasVerb) return undefined;
    }
    end = s;
  }
  return undefined;
}

const isInstrument = (v: SentenceView, j: number) => v.lemmas(v.tokens[j]!).some((l) => v.grammar.instrumentNouns.includes(l));

/** A phrase whose head (its last word) is a weapon or a deed: "a parcel bomb", "the explosion". */
export function isInstrumentPhrase(v: SentenceView, p: EventParticipant): boolean {
  const head = v.tokens.findLastIndex((t) => t.span.end <= p.span.end && t.span.start >= p.span.start);
  return head >= 0 && isInstrument(v, head);
}

/** A hyphen inside a word ("British-Libyan"): no space on either side. */
export function joinedHyphen(v: SentenceView, j: number): boolean {
  const t = v.tokens[j]!;
  return /^[-‐]$/.test(t.span.text) && v.tokens[j - 1]?.span.end === t.span.start && v.tokens[j + 1]?.span.start === t.span.end;
}

/**
 * "X, who attacked ...", "X which shelled ...": the antecedent of the relative pronoun opening the
 * trigger's clause — the noun phrase right before the pronoun, never an actor further back ("police
 * arrested a man who stabbed two people": the man stabbed). A weapon or deed as antecedent ("a blast
 * which injured ten") did it with no doer named: `who` is then undefined.
 */
export function relativeAntecedent(v: SentenceView, first: number): { role: 'source' | 'target'; who?: EventParticipant } | undefined {
  let s = first;
  while (s > 0 && v.clause[s - 1] === v.clause[first]) s--;
  const w = v.tokens[s]?.span.text.toLowerCase() ?? '';
  if (s === 0 || !v.grammar.relativePronouns.includes(w)) return undefined;
  // "against which Azerbaijan launched an attack": the antecedent is the target
  let k = s - 1;
  let role: 'source' | 'target' = 'source';
  if (v.grammar.targetPrepositions.includes(v.tokens[k]!.span.text.toLowerCase())) {
    role = 'target';
    k--;
  }
  if (role === 'source' && actorIn(v, s + 1, first)) return undefined;
  // "observers who were taken hostage", "men who had been shot": who suffered it
  const between = v.tokens.slice(s + 1, first);
  if (role === 'source' && between.some((t) => v.grammar.beForms.includes(t.span.text.toLowerCase())) && between.every((t, i) => ['AUX', 'ADV', 'PART'].includes(t.pos) || v.grammar.beForms.includes(t.span.text.toLowerCase()) || (i === between.length - 1 && t.pos === 'VERB'))) role = 'target';
  // "X, who carried out the bombing, accused Y": a verb right after the relative clause's comma is
  // the main clause's ("..., killing 29" is still the relative clause's)
  let before = first - 1;
  while (before > s && ['ADV', 'AUX', 'PART'].includes(v.tokens[before]!.pos)) before--;
  const clauseVerb = v.tokens.some((t, i) => i > s && i < before && t.pos === 'VERB');
  if (clauseVerb && v.tokens[before]!.span.text === ',' && !/ing$/i.test(v.tokens[first]!.span.text)) return undefined;
  if (k >= 0 && v.tokens[k]!.span.text === ',') k--;
  if (k < 0) return undefined;
  // the noun phrase ending at k ("British-Libyan", "Somali-born" are one word), with one "of" phrase ("members of the militia, who")
  const npStart = (end: number) => {
    let j = end;
    while (j >= 0 && end - j < 8 && (NP_PART.has(v.tokens[j]!.pos) || v.tokens[j]!.pos === 'DET' || joinedHyphen(v, j) || (j > 0 && joinedHyphen(v, j - 1)))) j--;
    return j;
  };
  let from = npStart(k);
  if (from === k) return undefined;
  if (from > 0 && v.tokens[from]!.span.text.toLowerCase() === 'of') from = npStart(from - 1);
  const antecedentActor = (from: number, k: number) => {
    let startPos = v.tokens[from + 1]!.span.start;
    // "Salman Abedi, the British-Libyan who ...": the apposition restates the name before it
    if (from > 0 && v.tokens[from]!.span.text === ',' && v.tokens[from + 1]!.pos === 'DET') startPos = v.tokens[npStart(from - 1) + 1]?.span.start ?? startPos;
    const endPos = v.tokens[k]!.span.end;
    return v.actors.find((a) => usable(v, a) && a.span.end <= endPos && a.span.start >= startPos);
  };
  let m = antecedentActor(from, k);
  // "Turkey, on the other hand, which ...": an aside set off by commas; "an attack on a market
  // which killed ...": the deed the phrase belongs to
  const aside = from > 1 && v.tokens[from - 1]!.span.text === ',';
  const deedBefore = role === 'source' && from > 0 && isInstrument(v, from - 1);
  if (!m && v.tokens[from]?.pos === 'ADP' && (aside || deedBefore)) {
    k = aside ? from - 2 : from - 1;
    if (!NP_PART.has(v.tokens[k]!.pos)) return undefined;
    from = npStart(k);
    m = antecedentActor(from, k);
  }
  if (m) return { role, who: participantOf(v.text, m) };
  if (role === 'source' && isInstrument(v, k)) return { role };
  // (a time in the phrase is no part of it: "a Friday blast")
  let d = from + 1;
  for (let j = from + 1; j <= k; j++) if (v.dates.some((x) => spansOverlap(x.span, v.tokens[j]!.span))) d = j + 1;
  const phrase = npParticipant(v, v.tokens.slice(d, k + 1));
  return phrase ? { role, who: phrase } : undefined;
}
