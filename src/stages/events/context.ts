import { makeSpan, spansOverlap } from '../../core/span.js';
import type { ActorMention, EventParticipant, EventRecord, PloverType, Token } from '../../core/layers/index.js';
import { participantOf } from './arguments.js';
import type { EventsGrammar } from './lexicon.js';

/**
 * Participants a sentence leaves out but its neighbours name (cross-sentence coreference of
 * events): "Five people were killed in an attack on the market. The alleged killer, X, ...";
 * "a suspect ..." then "an investigation has been opened"; "towns were under heavy fire" in a
 * story whose attacker was named before.
 */

/** Someone named as the doer of a deed: "a suspect", "the alleged killer, X", "those responsible". */
export interface Perpetrator {
  sentence: number;
  who: EventParticipant;
  /** a person's name stands in apposition ("the gunman, John Doe") */
  named: boolean;
}

const MODIFIER = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const APPOSITION = /^[,–—-]$/;

/** `infos`: each token's lower-cased form and lemmas, by index. */
export function perpetratorsIn(text: string, sentence: number, tokens: readonly Token[], actors: readonly ActorMention[], infos: readonly { lower: string; lemmas: string[] }[], grammar: EventsGrammar): Perpetrator[] {
  const out: Perpetrator[] = [];
  const words = infos.map((w) => w.lower);
  const { perpetratorsByFirst: byFirst, agentNounSet: agentNouns } = grammar;
  for (let k = 0; k < tokens.length; k++) {
    const phrase = byFirst.get(words[k]!)?.find((p) => p.words.every((w, i) => words[k + i] === w));
    if (phrase) {
      const last = k + phrase.words.length - 1;
      out.push({ sentence, who: { span: makeSpan(text, tokens[k]!.span.start, tokens[last]!.span.end), name: phrase.phrase }, named: false });
      k = last;
      continue;
    }
    if (tokens[k]!.pos !== 'NOUN' || !infos[k]!.lemmas.some((l) => agentNouns.has(l))) continue;
    // "the alleged killer, Chérif Chekatt": the name set off after it
    const next = tokens[k + 2];
    const named = APPOSITION.test(tokens[k + 1]?.span.text ?? '') && next ? actors.find((m) => m.person && m.span.start === next.span.start) : undefined;
    if (named) { out.push({ sentence, who: participantOf(text, named), named: true }); continue; }
    const own = actors.find((m) => spansOverlap(m.span, tokens[k]!.span));
    if (own) { out.push({ sentence, who: participantOf(text, own), named: !!own.person }); continue; }
    let j = k - 1;
    while (j >= 0 && k - j <= 4 && (MODIFIER.has(tokens[j]!.pos) || (tokens[j]!.pos === 'VERB' && /ed$/i.test(words[j]!)))) j--;
    out.push({ sentence, who: { span: makeSpan(text, tokens[j + 1]!.span.start, tokens[k]!.span.end), name: makeSpan(text, tokens[j + 1]!.span.start, tokens[k]!.span.end).text }, named: false });
  }
  return out;
}

/** "were under heavy fire", "came under attack": the trigger's subject suffered it, did not do it. */
export function underAttack(tokens: readonly Token[], first: number, grammar: EventsGrammar): boolean {
  for (let j = first - 1; j >= Math.max(0, first - 4); j--) {
    const t = tokens[j]!;
    if (grammar.victimMarkers.includes(t.span.text.toLowerCase())) return true;
    if (t.pos !== 'ADJ' && t.pos !== 'PUNCT' && t.pos !== 'DET') return false;
  }
  return false;
}

/** "Yerevan denounced the attack": the accuser is not the attacker; the accused is the attacker. */
export interface Denounced {
  accusation: EventRecord;
  deed: EventRecord;
}

/**
 * Fill, in place, the sources and targets a sentence left out:
 * - a hostile deed with no doer: a perpetrator named around it (a named one first, then the
 *   nearest, within two sentences before and one after); else the story's attacker: the actor
 *   most often the source of such deeds in the article, unless the victim is on its own side;
 * - an accusation with no target: the perpetrator nearest before it (same sentence or two before);
 * - "X denounced the attack": the accused is the attack's doer.
 * Returns the events it changed.
 */
export function fillFromContext(events: EventRecord[], perpetrators: readonly Perpetrator[], denounced: readonly Denounced[], grammar: EventsGrammar, actorById: (id: string) => ActorMention | undefined): Set<EventRecord> {
  const changed = new Set<EventRecord>();
  const doerTypes = new Set<PloverType>(grammar.contextSourceTypes as PloverType[]);
  const accusedTypes = new Set<PloverType>(grammar.contextTargetTypes as PloverType[]);
  const countryOf = (p: EventParticipant | undefined) => (p?.actorMentionId ? actorById(p.actorMentionId)?.actor.country : undefined);
  const victimSide = (p: EventParticipant) => grammar.victimSectors.includes(actorById(p.actorMentionId ?? '')?.actor.sector ?? '');
  // (history is another story: a past attacker is not today's)
  const explicit = events.filter((e) => doerTypes.has(e.type) && !e.background && e.source?.actorMentionId && !victimSide(e.source) && countryOf(e.source));
  const tally = new Map<string, number>();
  for (const e of explicit) tally.set(countryOf(e.source)!, (tally.get(countryOf(e.source)!) ?? 0) + 1);
  const storyAttacker = (e: EventRecord) => {
    const best = [...tally].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!best || (countryOf(e.target) === best)) return undefined;
    const all = explicit.filter((x) => countryOf(x.source) === best);
    // a name rather than a pronoun standing for it
    const named = all.filter((x) => actorById(x.source!.actorMentionId!)?.via !== 'coreference');
    const own = named.length ? named : all;
    return own.reduce((a, b) => (Math.abs(b.sentence - e.sentence) < Math.abs(a.sentence - e.sentence) ? b : a)).source;
  };
  // "Twenty insurgents were killed" after "Taliban gunmen attacked": the victims' own side did not do it
  const clash = (e: EventRecord, p: EventParticipant) => !!e.target && spansOverlap(e.target.span, p.span);
  // "Twenty insurgents were killed" after "Taliban gunmen and suicide bombers attacked": the
  // victims' own side (and whoever is named with it) did not do it
  const sameSide = (e: EventRecord, p: EventParticipant) => !!p.actorMentionId && !!e.target?.actorMentionId && p.name === e.target.name;
  const ownSideSentences = (e: EventRecord) => new Set(perpetrators.filter((p) => sameSide(e, p.who)).map((p) => p.sentence));
  for (const e of events) {
    if (!e.source && doerTypes.has(e.type)) {
      const ownSide = ownSideSentences(e);
      const near = perpetrators.filter((p) => p.sentence >= e.sentence - 2 && p.sentence <= e.sentence + 1 && !clash(e, p.who) && !ownSide.has(p.sentence));
      const pick = near.find((p) => p.named) ?? nearest(near, e.sentence);
      // history is another story: its attacker is not today's
      const source = pick?.who ?? (e.background ? undefined : storyAttacker(e));
      if (source) { e.source = source; changed.add(e); }
    }
    if (!e.target && accusedTypes.has(e.type) && !denounced.some((d) => d.accusation === e)) {
      const near = perpetrators.filter((p) => p.sentence >= e.sentence - 2 && p.sentence <= e.sentence && !(e.source && spansOverlap(e.source.span, p.who.span)));
      const pick = nearest(near, e.sentence);
      if (pick) { e.target = pick.who; changed.add(e); }
    }
  }
  for (const { accusation, deed } of denounced) {
    // its target may be the deed's own noun phrase ("denounced a massive attack")
    if (!deed.source || (accusation.target && !spansOverlap(accusation.target.span, deed.trigger))) continue;
    accusation.target = deed.source;
    changed.add(accusation);
  }
  return changed;
}

/** The perpetrator in the nearest sentence, an earlier one before a later one at the same distance. */
function nearest(list: readonly Perpetrator[], sentence: number): Perpetrator | undefined {
  const rank = (p: Perpetrator) => Math.abs(p.sentence - sentence) * 2 + (p.sentence > sentence ? 1 : 0);
  return list.reduce<Perpetrator | undefined>((a, b) => (!a || rank(b) < rank(a) ? b : a), undefined);
}
