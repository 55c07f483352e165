import type { EventParticipant } from '../../core/layers/index.js';
import { makeSpan, spansOverlap } from '../../core/span.js';
import type { SentenceView } from './arguments.js';

const MODIFIER = new Set(['NOUN', 'PROPN', 'ADJ']);
const MODIFIER_END = new Set(['PROPN', 'ADJ', 'NOUN']);

/**
 * "killing six NATO service members", "three Russian military personnel were wounded", "the ISIL
 * terror group": an actor named as the modifier of a noun stands for the people (or the thing)
 * the noun names, so the participant's span runs on to that head noun; its name and code
 * stay the actor's. The head is a noun of people, a group or its post (grammar.groupHeads: not
 * "military action", "Israeli shells"); the phrase stops at a time, another actor, a trigger word.
 */
export function withHeadNoun(v: SentenceView, p: EventParticipant | undefined): EventParticipant | undefined {
  if (!p?.actorMentionId) return p;
  const own = v.actors.find((a) => a.id === p.actorMentionId);
  const j = v.tokens.findIndex((t) => t.span.start >= p.span.end);
  // a name, a demonym or a noun ("police checkpoint") modifies the head; a possessive ("their
  // families", "Britain's capital") does not
  const end = v.tokens[j - 1];
  if (j < 1 || !end || !MODIFIER_END.has(end.pos) || end.span.end !== p.span.end) return p;
  let head = -1;
  for (let k = j; k < v.tokens.length && k - j < 4; k++) {
    const t = v.tokens[k]!;
    if (!MODIFIER.has(t.pos) || v.clause[k] !== v.clause[j - 1] || blocked(v, k, own?.actor.code)) break;
    if (t.pos === 'NOUN') head = k;
  }
  // the head ends the phrase: a noun right after it means the compound was cut short
  if (head < 0 || v.tokens[head + 1]?.pos === 'NOUN') return p;
  if (!v.lemmas(v.tokens[head]!).some((l) => v.grammar.groupHeads.includes(l))) return p;
  return { ...p, span: makeSpan(v.text, p.span.start, v.tokens[head]!.span.end) };
}

/** A token the phrase may not take in: a trigger, a time, an actor other than the participant's own. */
function blocked(v: SentenceView, k: number, code: string | undefined): boolean {
  const span = v.tokens[k]!.span;
  if (v.triggers?.has(k)) return true;
  if (v.dates.some((d) => spansOverlap(d.span, span))) return true;
  return v.actors.some((a) => spansOverlap(a.span, span) && a.actor.code !== code);
}

const QUANTIFIER = new Set(['the', 'another', 'more', 'than', 'at', 'least', 'about', 'around', 'nearly', 'almost', 'over', 'some', 'up', 'to']);

/**
 * "They killed 23 soldiers and injured another 15", "killed 13 people and wounded 71", "killing
 * the three": a harm verb whose object is a bare number did it to that many (the noun is left
 * out, not absent).
 */
export function countObject(v: SentenceView, last: number): EventParticipant | undefined {
  let j = last + 1;
  while (j < v.tokens.length && j - last <= 3 && QUANTIFIER.has(v.tokens[j]!.span.text.toLowerCase())) j++;
  const num = v.tokens[j];
  if (!num || num.pos !== 'NUM' || v.clause[j] !== v.clause[last]) return undefined;
  // only a number the phrase ends at: "injured 15 people", "15 of the guards", "two suspected
  // members" have their noun, which is the object phrase's business
  const next = v.tokens[j + 1];
  if (next && !['PUNCT', 'ADP', 'CCONJ', 'SCONJ'].includes(next.pos)) return undefined;
  if (next?.span.text.toLowerCase() === 'of') return undefined;
  if (v.dates.some((d) => spansOverlap(d.span, num.span))) return undefined;
  const span = makeSpan(v.text, v.tokens[last + 1]!.span.start, num.span.end);
  return { span, name: span.text };
}
