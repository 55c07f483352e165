import type { EventParticipant } from '../../core/layers/index.js';
import { makeSpan, spansOverlap } from '../../core/span.js';
import { isPassive, npParticipant, participantOf, subjectBeforeComma, type SentenceView } from './arguments.js';

const NP_PART = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const LEAD = new Set(['DET', 'ADV', 'PUNCT']);

/**
 * The noun phrase opening the trigger's clause, with one "of" phrase ("a group of vigilantes"):
 * the subject, when the actor nearest the trigger sits in a prepositional phrase after it
 * ("youths at a rally in Kakamega assaulted ...").
 */
export function clauseSubject(v: SentenceView, first: number): EventParticipant | undefined {
  let s = first;
  while (s > 0 && v.clause[s - 1] === v.clause[first]) s--;
  s = afterDateline(v, s, first);
  while (s < first && LEAD.has(v.tokens[s]!.pos)) s++;
  let j = s;
  while (j < first && NP_PART.has(v.tokens[j]!.pos)) j++;
  if (j === s) return undefined;
  if (j + 1 < first && v.tokens[j]!.span.text.toLowerCase() === 'of') {
    let k = j + 1;
    while (k < first && v.tokens[k]!.pos === 'DET') k++;
    const from = k;
    while (k < first && NP_PART.has(v.tokens[k]!.pos)) k++;
    if (k > from) j = k;
  }
  const np = npParticipant(v, v.tokens.slice(s, j));
  if (!np) return undefined;
  const actor = v.actors.find((m) => spansOverlap(m.span, np.span));
  return actor ? participantOf(v.text, actor) : np;
}

/** "ABUJA, Nigeria (Reuters) - Gunmen killed …": the clause starts after the dateline's dash. */
function afterDateline(v: SentenceView, s: number, first: number): number {
  const t = v.tokens[s];
  if (!t || !v.inDateline(t.span.start, t.span.end)) return s;
  for (let k = s + 1; k < first; k++) if (/^(?:-|--|—|–)$/.test(v.tokens[k]!.span.text)) return k + 1;
  return s;
}

/** Is the participant inside a prepositional phrase ("in Kakamega", "at a polling centre")? */
export function afterPreposition(v: SentenceView, p: EventParticipant): boolean {
  let ti = v.tokens.findIndex((t) => t.span.start >= p.span.start);
  // "at a Kilimani polling centre": a gerund inside the phrase is a modifier too
  const modifier = (t: (typeof v.tokens)[number]) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t.pos) || (t.pos === 'VERB' && /ing$/i.test(t.span.text));
  while (ti > 0 && modifier(v.tokens[ti - 1]!) && v.tokens[ti - 1]!.span.end <= p.span.start) ti--;
  const prev = v.tokens[ti - 1];
  return !!prev && prev.pos === 'ADP' && !v.grammar.absolutePrepositions.includes(prev.span.text.toLowerCase());
}

const QUANTITY = /^(?:(?:tens|hundreds|thousands|dozens|scores|millions)(?:\s+of\s+(?:thousands|hundreds|millions))?|(?:several|many|a\s+few)\s+(?:hundred|thousand|dozen)|[\d,.]+(?:\s+(?:hundred|thousand|million))?|a\s+(?:crowd|group|number|handful)|crowds|groups)$/i;

/**
 * "Tens of thousands of Georgians marched", "a crowd of students blocked": a quantity names how
 * many; who acted is the noun after its "of" (its actor when there is one).
 */
export function quantifiedHead(v: SentenceView, p: EventParticipant | undefined, before: number): EventParticipant | undefined {
  const at = p ? v.tokens.findIndex((t) => t.span.start >= p.span.end) : -1;
  if (!p || at < 0 || at >= before || v.tokens[at]!.span.text.toLowerCase() !== 'of' || !QUANTITY.test(p.span.text.trim())) return p;
  const from = v.tokens[at + 1]?.span.start ?? Infinity;
  const end = v.tokens[before - 1]!.span.end;
  const actor = v.actors.find((m) => m.span.start >= from && m.span.end <= end);
  return actor ? participantOf(v.text, actor) : p;
}

/**
 * "seized hundreds of hostages", "abducted a group of aid workers": a quantity as object names
 * how many; the participant is the whole phrase, named by its actor when the "of" phrase has one.
 */
export function quantifiedObject(v: SentenceView, p: EventParticipant | undefined): EventParticipant | undefined {
  const at = p && !p.actorMentionId ? v.tokens.findIndex((t) => t.span.start >= p.span.end) : -1;
  if (!p || at < 0 || v.tokens[at]!.span.text.toLowerCase() !== 'of' || !QUANTITY.test(p.span.text.trim())) return p;
  let j = at + 1;
  while (v.tokens[j]?.pos === 'DET') j++;
  let end = -1;
  for (let k = j; k < v.tokens.length && k - j < 5 && NP_PART.has(v.tokens[k]!.pos); k++) if (v.tokens[k]!.pos === 'NOUN' || v.tokens[k]!.pos === 'PROPN') end = k;
  if (end < 0) return p;
  const span = makeSpan(v.text, p.span.start, v.tokens[end]!.span.end);
  const actor = v.actors.find((m) => m.span.start >= v.tokens[j]!.span.start && m.span.end <= span.end);
  return actor ? { ...participantOf(v.text, actor), span } : { span, name: span.text };
}

/**
 * "an Islamic body declared a state in the region, and called on Muslims to …", "police opened
 * fire on the demonstrators, killing one": a verb after ", and" with no subject of its own, or a
 * participle after a comma, shares the subject of the clause before; the index of that clause's
 * first verb (the subject is sought before it, not among the objects), or undefined.
 */
export function verbBeforeComma(v: SentenceView, first: number): number | undefined {
  let at = first - 1;
  while (at > 0 && ['ADV', 'AUX'].includes(v.tokens[at]!.pos)) at--;
  const link = v.tokens[at]?.span.text.toLowerCase();
  const participle = /ing$/i.test(v.tokens[first]!.span.text);
  if (v.tokens[first]!.pos !== 'VERB') return undefined;
  if (participle ? link !== ',' : link !== 'and' && link !== 'but') return undefined;
  const comma = participle ? at : at - 1;
  if (comma < 1 || v.tokens[comma]!.span.text !== ',') return undefined;
  const before = v.clause[comma];
  const verb = v.tokens.findIndex((t, i) => i < comma && v.clause[i] === before && t.pos === 'VERB' && !/ing$/i.test(t.span.text));
  // "the building was shattered by an explosion, killing 168": a passive's subject suffered it
  return verb > 0 && !isPassive(v, verb) ? verb : undefined;
}

/**
 * "A local commander of the militia, a pro-government force, was reportedly killed": a passive
 * verb whose auxiliary follows a comma has its subject before the apposition the commas set off.
 */
export function passiveSubjectBeforeApposition(v: SentenceView, first: number): EventParticipant | undefined {
  let j = first - 1;
  while (j > 0 && ['AUX', 'ADV', 'PART'].includes(v.tokens[j]!.pos)) j--;
  const aux = v.tokens.slice(j + 1, first).some((t) => t.pos === 'AUX');
  return aux && v.tokens[j]?.span.text === ',' ? subjectBeforeComma(v, first) : undefined;
}
