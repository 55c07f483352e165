import type { EventParticipant } from '../../core/layers/index.js';
import { makeSpan, spansOverlap } from '../../core/span.js';
import { joinedHyphen, type SentenceView } from './arguments.js';

const NP_PART = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN']);
const HEAD = new Set(['NOUN', 'PROPN']);
const LINKS = new Set(['and', 'or']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our']);

/**
 * "four bus workers and two soldiers were killed", "arrested a lawyer, two students and their
 * teacher": a participant joined by "and" (or a comma list ending in "and") to noun phrases
 * beside it shares the act with them, so its span takes them all in; its name and code stay its
 * own. A phrase that is a verb's object before it ("attacked the base and two soldiers were
 * killed") or the subject of a verb after it ("killed a man and a boy was hurt") is another act's.
 */
export function withCoordinatedPhrases(v: SentenceView, p: EventParticipant | undefined, trigger: number): EventParticipant | undefined {
  if (!p) return p;
  const first = v.tokens.findIndex((t) => t.span.start >= p.span.start);
  const last = v.tokens.findLastIndex((t) => t.span.end <= p.span.end);
  if (first < 0 || last < first || !HEAD.has(v.tokens[last]!.pos)) return p;
  let start = first;
  while (start > 0 && first - start < 4 && NP_PART.has(v.tokens[start - 1]!.pos) && !isTime(v, start - 1)) start--;
  // "fighting between the army and the rebels": the two are opposite sides, not one
  if (v.tokens[start - 1]?.span.text.toLowerCase() === 'between') return p;
  // "a cleric and al Shabaab critic": a participant that only modifies the noun after it is not
  // the phrase's head, and what it is joined to is that noun's business
  if (v.tokens[last + 1]?.pos === 'NOUN') return p;
  const end = rightEnd(v, last, trigger);
  const from = leftStart(v, start);
  if (end === last && from === start) return p;
  return { ...p, span: makeSpan(v.text, v.tokens[from === start ? first : from]!.span.start, v.tokens[end]!.span.end) };
}

/** Source and target with their coordinated phrases, each only as far as it does not reach the other. */
export function coordinated(v: SentenceView, source: EventParticipant | undefined, target: EventParticipant | undefined, trigger: number): { source?: EventParticipant; target?: EventParticipant } {
  const s = withCoordinatedPhrases(v, source, trigger);
  const t = withCoordinatedPhrases(v, target, trigger);
  const clear = (x: EventParticipant | undefined, other: EventParticipant | undefined) => !x || !other || !spansOverlap(x.span, other.span);
  return { ...(source ? { source: clear(s, target) ? s : source } : {}), ...(target ? { target: clear(t, source) ? t : target } : {}) };
}

/** The last token of the list the phrase ending at `last` opens, or `last` when it opens none. */
function rightEnd(v: SentenceView, last: number, trigger: number): number {
  let end = last;
  for (let k = last + 1; k < v.tokens.length; ) {
    const w = v.tokens[k]!.span.text.toLowerCase();
    if (w !== ',' && !LINKS.has(w)) return last;
    const e = phraseEnd(v, k + 1);
    if (e < 0) return last;
    end = e;
    if (LINKS.has(w)) {
      // "… and a boy was hurt": the last phrase is a new clause's subject, unless the verb is the
      // trigger the list is the subject of ("gunmen and bombers have attacked")
      const verbAfter = v.tokens.findIndex((t, i) => i > end && t.pos !== 'ADV');
      const next = v.tokens[verbAfter];
      const ownVerb = verbAfter >= 0 && v.tokens.slice(verbAfter, trigger).every((t) => t.pos === 'AUX' || t.pos === 'ADV') && trigger > end;
      return next && (next.pos === 'VERB' || next.pos === 'AUX') && !ownVerb ? last : end;
    }
    k = end + 1;
  }
  return last;
}

/** The first token of the list the phrase starting at `start` closes, or `start` when it closes none. */
function leftStart(v: SentenceView, start: number): number {
  let from = start;
  let linked = false;
  for (let k = start - 1; k > 0; ) {
    const w = v.tokens[k]!.span.text.toLowerCase();
    if (w !== ',' && !LINKS.has(w)) break;
    // a comma list ends in "and": a comma before the last phrase is no list
    if (w === ',' && !linked) break;
    linked = true;
    const s = phraseStart(v, k - 1);
    // "attacked the base and two soldiers were killed", "in Belfast, four workers and two
    // soldiers": a verb's object or a preposition's is another act's, and so is all before it
    const before = v.tokens[s - 1];
    if (s < 0 || (before && (before.pos === 'VERB' || before.pos === 'ADP'))) break;
    from = s;
    k = s - 1;
  }
  return from;
}

/** The end of a noun phrase starting at `i` (a determiner, numbers, adjectives, then nouns), or -1. */
function phraseEnd(v: SentenceView, i: number): number {
  // "the man and his two brothers": a possessive opens a phrase as a determiner does
  let j = POSSESSIVES.has(v.tokens[i]?.span.text.toLowerCase() ?? '') ? i + 1 : i;
  let head = -1;
  while (j < v.tokens.length && j - i < 7 && (NP_PART.has(v.tokens[j]!.pos) || joinedHyphen(v, j)) && !isTime(v, j)) {
    if (HEAD.has(v.tokens[j]!.pos)) head = j;
    j++;
  }
  return head === j - 1 ? head : -1;
}

/** The start of a noun phrase ending at `k` (which must be its head noun), or -1. */
function phraseStart(v: SentenceView, k: number): number {
  if (k < 0 || !HEAD.has(v.tokens[k]!.pos) || isTime(v, k)) return -1;
  let j = k;
  while (j > 0 && k - j < 6 && (NP_PART.has(v.tokens[j - 1]!.pos) || joinedHyphen(v, j - 1)) && !isTime(v, j - 1)) j--;
  return j;
}

const isTime = (v: SentenceView, k: number) => v.dates.some((d) => spansOverlap(d.span, v.tokens[k]!.span));
