import { makeSpan, spansOverlap } from '../../core/span.js';
import type { ActorMention, CasualtyCount, PlaceMention, Quote, SpeakerRef, TimeExpression, Token } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { claimCueFor, findClaimCues } from './claimant.js';
import { extractCounts } from './extract.js';
import { loadCountsLexicon, type CountsLexicon } from './lexicon.js';
import { numberMatcher } from './numbers.js';
import { compilePatterns } from './patterns.js';

export { loadCountsLexicon } from './lexicon.js';

/**
 * Casualty and displacement counts: "at least 29 people have been killed", "killing
 * three civilians", "approximately 7,000 residents ... were evacuated".
 *
 * Choices worth knowing:
 * - evacuations are reported as kind `displaced` (the lexicon lists "evacuated" under
 *   displaced): ACLED and the gold annotation count evacuees among the displaced.
 * - vague quantities are coded ACLED's way (dozens = 12, hundreds = 100 ...), the words
 *   kept in `vague`.
 * - a single person ("a construction worker was killed", "X was detained") is a count of
 *   1; for a named person the name is both `numberSpan` and `whoSpan`.
 * - the claimant is the subject of a claim cue in the sentence ("X said", "according
 *   to X"), resolved to an actor mention when one overlaps it; null when the reporter
 *   states the figure.
 */
export function createCountsStage(lexicon: CountsLexicon = loadCountsLexicon()): Stage {
  const patterns = compilePatterns(lexicon);
  const numbers = numberMatcher(lexicon);
  return {
    name: 'counts',
    // 8: a figure inside reported speech is claimed by its speaker, as one inside a direct quote; 9: "no one", "not a single person" count nobody
    version: `9.${lexicon.version}`,
    requires: ['sentences', 'tokens', 'actors', 'places', 'dates'],
    provides: ['counts'],
    run(doc) {
      const text = doc.text;
      const tokensBySentence = new Map<number, Token[]>();
      for (const t of doc.get('tokens')) {
        let list = tokensBySentence.get(t.sentence);
        if (!list) tokensBySentence.set(t.sentence, (list = []));
        list.push(t);
      }
      const actors = doc.get('actors');
      const places = doc.get('places');
      const dates = doc.get('dates');
      // optional: a pipeline without the quotes stage gives no speaker for quoted or reported figures
      const said = [...(doc.maybe('quotes') ?? []), ...(doc.maybe('statements') ?? [])];
      const counts: CasualtyCount[] = [];
      for (const sentence of doc.get('sentences')) {
        const base = sentence.span.start;
        const s = sentence.span.text;
        const raw = extractCounts(s, base, tokensBySentence.get(sentence.index) ?? [], patterns, numbers);
        if (!raw.length) continue;
        const cues = findClaimCues(s, patterns);
        // ids follow the order in the text; subsetOf points by index into `raw`
        const sentencePlaces = places.filter((pl) => !pl.adjectival && spansOverlap(pl.span, sentence.span));
        const sentenceDates = dates.filter((d) => d.type === 'DATE' && spansOverlap(d.span, sentence.span));
        const order = raw.map((_, i) => i).sort((a, b) => raw[a]!.numStart - raw[b]!.numStart);
        const ids: string[] = [];
        order.forEach((i, n) => (ids[i] = `count-${sentence.index}-${n}`));
        for (const i of order) {
          const r = raw[i]!;
          const span = makeSpan(text, base + r.start, base + r.end);
          const cue = claimCueFor(cues, r.start, r.end);
          const claimant = cue ? speaker(text, base + cue.np.start, base + cue.np.end, actors, cue.pronoun) : saidBy(said, base + r.start, base + r.end);
          const place = nearest(sentencePlaces, span);
          const date = nearest(sentenceDates, span);
          const c: CasualtyCount = {
            id: ids[i]!,
            span,
            numberSpan: makeSpan(text, base + r.numStart, base + r.numEnd),
            kind: r.kind,
            value: r.value,
            qualifier: r.qualifier,
            ...(r.vague ? { vague: r.vague } : {}),
            who: r.who ? s.slice(r.who.start, r.who.end) : 'people',
            ...(r.who ? { whoSpan: makeSpan(text, base + r.who.start, base + r.who.end) } : {}),
            ...(r.subsetOf !== undefined ? { subsetOf: ids[r.subsetOf]! } : {}),
            claimant,
            ...(place ? { placeMentionId: place.id } : {}),
            ...(date ? { timeExpressionId: date.id } : {}),
            sentence: sentence.index,
          };
          counts.push(c);
        }
      }
      markBreakdowns(counts);
      return { layers: { counts } };
    },
  };
}

/**
 * "Two civilians were killed. In X a worker was killed and another civilian was killed in Y":
 * single victims told one by one right after a figure that they add up to are its breakdown.
 */
function markBreakdowns(counts: CasualtyCount[]): void {
  const bySentence = new Map<number, CasualtyCount[]>();
  for (const c of counts) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), c]);
  for (const [sentence, list] of bySentence) {
    const singles = list.filter((c) => c.value === 1 && c.qualifier === 'exact' && !c.subsetOf);
    if (singles.length < 2 || singles.length !== list.length || singles.some((c) => c.kind !== singles[0]!.kind)) continue;
    const total = (bySentence.get(sentence - 1) ?? []).find((c) => c.kind === singles[0]!.kind && c.value === singles.length && !c.subsetOf);
    if (total) for (const c of singles) c.subsetOf = total.id;
  }
}

/** The claimant at [start, end): its actor when one is there; a pronoun nobody resolved names no one. */
function speaker(text: string, start: number, end: number, actors: readonly ActorMention[], pronoun = false): SpeakerRef | null {
  const np = { start, end };
  const inside = actors.filter((a) => spansOverlap(a.span, np));
  // "Russia's state-run Tass news agency reported": the owner is not who reported
  const mention = inside.find((a, i) => i === inside.length - 1 || !/^['’]s?\s/u.test(text.slice(a.span.end, a.span.end + 3)));
  if (!mention) return pronoun ? null : { span: makeSpan(text, start, end) };
  return {
    span: mention.span,
    actorMentionId: mention.id,
    actorCode: mention.actor.code,
    name: mention.person ?? mention.actor.name,
  };
}

/**
 * "“We have recovered 14 bodies,” the officer said", "the group claimed the attack, saying its
 * fighters had killed 35 soldiers": a figure inside what someone said is their claim.
 */
function saidBy(said: readonly Quote[], start: number, end: number): SpeakerRef | null {
  const q = said.find((x) => x.speaker && x.span.start <= start && end <= x.span.end);
  return q?.speaker ?? null;
}

/** The mention closest to the count: inside or after it first (the "killed in X" place), else before. */
function nearest<T extends PlaceMention | TimeExpression>(list: readonly T[], span: { start: number; end: number }): T | undefined {
  let best: T | undefined;
  let bestD = Infinity;
  for (const x of list) {
    const d = x.span.start >= span.start ? x.span.start - span.end : (span.start - x.span.end) * 1.5;
    if (d < bestD) {
      bestD = d;
      best = x;
    }
  }
  return best;
}
