import { makeSpan, spansOverlap } from '../../core/span.js';
import type { DatePrecision, EventParticipant, EventRecord, PlaceMention, PloverType, TimeExpression, Token } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { acledView, loadAcledLexicon, type AcledLexicon } from './acled.js';
import { actorAfter, actorBefore, byAgent, clauses, isPassive, npAfter, npBefore, participantOf, prevWord, quoteSpeaker, relativeAntecedent, subjectBeforeComma, type SentenceView } from './arguments.js';
import { loadEventsLexicon, type EventsLexicon } from './lexicon.js';
import { triggerMatcher, type TriggerHit } from './triggers.js';

export { loadEventsLexicon } from './lexicon.js';
export { loadAcledLexicon, acledView, ACLED_SUB_EVENTS } from './acled.js';

/**
 * PLOVER events from trigger words (data/lexicons/events.json) with their arguments.
 *
 * Choices worth knowing:
 * - triggers of one type in one clause make one event ("attacked and shelled").
 * - source: "by X" after a passive trigger; else the nearest actor before the trigger in the
 *   clause, the noun phrase before it, the speaker of a quote holding it, an actor earlier in the sentence.
 * - target: the subject of a passive trigger; else the first actor after it in the clause, the
 *   object noun phrase, and for assaults and arrests the victims of a count in the sentence.
 * - place: a place named in the clause or sentence, else the article's focus (`fromArticleFocus`).
 * - date: a date in the sentence, else the publication date (`fromPublication`) unless the
 *   sentence is background history.
 */
export function createEventsStage(lexicon: EventsLexicon = loadEventsLexicon(), acled: AcledLexicon = loadAcledLexicon()): Stage {
  const matcher = triggerMatcher(lexicon);
  return {
    name: 'events',
    version: `1.${lexicon.version}.${acled.version}`,
    requires: ['sentences', 'tokens', 'entities', 'actors', 'places', 'dates', 'quotes', 'counts', 'background', 'nearDuplicates'],
    provides: ['events'],
    run(doc) {
      const text = doc.text;
      const tokensBy = new Map<number, Token[]>();
      for (const t of doc.get('tokens')) {
        const list = tokensBy.get(t.sentence);
        if (list) list.push(t);
        else tokensBy.set(t.sentence, [t]);
      }
      const actors = doc.get('actors');
      const places = doc.get('places').filter((p) => !p.adjectival && p.resolved);
      const dates = doc.get('dates').filter((d) => d.type === 'DATE' && /^\d{4}/.test(d.value));
      const quotes = doc.get('quotes');
      const counts = doc.get('counts');
      const background = new Set(doc.get('background').map((b) => b.sentence));
      const dupOf = new Map(doc.get('nearDuplicates').map((d) => [d.sentence, d.duplicateOf]));
      const focus = articleFocus(places);
      const published = doc.meta.publishedAt && /^\d{4}-\d{2}-\d{2}/.test(doc.meta.publishedAt) ? doc.meta.publishedAt.slice(0, 10) : undefined;
      const events: EventRecord[] = [];
      for (const sentence of doc.get('sentences')) {
        const tokens = tokensBy.get(sentence.index) ?? [];
        const hits = matcher.find(tokens);
        if (!hits.length) continue;
        const inSentence = <T extends { span: { start: number; end: number } }>(xs: readonly T[]) => xs.filter((x) => spansOverlap(x.span, sentence.span));
        const v: SentenceView = {
          text,
          tokens,
          clause: clauses(tokens, lexicon.grammar),
          actors: inSentence(actors),
          quotes: inSentence(quotes),
          dates: inSentence(doc.get('dates')),
          lemmas: matcher.lemmas,
          grammar: lexicon.grammar,
        };
        const sentCounts = counts.filter((c) => c.sentence === sentence.index);
        const isBackground = background.has(sentence.index);
        const made: EventRecord[] = [];
        for (const group of mergeByClause(hits, v.clause, tokens)) {
          const h = group[0]!;
          const trigger = makeSpan(text, tokens[h.first]!.span.start, tokens[h.last]!.span.end);
          const { source, target } = participants(v, group, h.type);
          const place = placeFor(v, h, places, focus, source);
          const date = dateFor(v, h, inSentence(dates), isBackground ? undefined : published);
          const mode = group.find((g) => g.mode)?.mode;
          const e: EventRecord = {
            id: `event-${sentence.index}-${made.length}`,
            type: h.type,
            ...(mode ? { mode } : {}),
            trigger,
            sentence: sentence.index,
            sentenceSpan: sentence.span,
            ...(source ? { source } : {}),
            ...(target ? { target } : {}),
            ...(place ? { place } : {}),
            ...(date ? { date } : {}),
            countIds: [],
            quoteIds: v.quotes.map((q) => q.id),
            background: isBackground,
          };
          made.push(e);
        }
        // counts go to the nearest event that can cause them: deaths to an assault, arrests to coercion
        for (const c of sentCounts) {
          const want: PloverType[] = c.kind === 'arrested' || c.kind === 'detained' ? ['COERCE', 'ASSAULT'] : ['ASSAULT', 'COERCE', 'PROTEST'];
          for (const type of want) {
            const cands = made.filter((e) => e.type === type);
            if (!cands.length) continue;
            const best = cands.reduce((a, b) => (Math.abs(b.trigger.start - c.span.start) < Math.abs(a.trigger.start - c.span.start) ? b : a));
            best.countIds.push(c.id);
            if (!best.target && c.whoSpan && (type === 'ASSAULT' || type === 'COERCE')) best.target = { span: c.whoSpan, name: c.span.text.length < 60 ? c.who : c.who };
            break;
          }
        }
        const earlier = dupOf.get(sentence.index);
        for (const e of made) {
          if (earlier !== undefined) {
            const first = events.find((x) => x.sentence === earlier && x.type === e.type);
            if (first) e.duplicateOf = first.duplicateOf ?? first.id;
          }
          e.acled = acledView(e, sentence.span.text, acled);
          events.push(e);
        }
      }
      return { layers: { events } };
    },
  };
}

/** Triggers of one type in one clause are one event. */
function mergeByClause(hits: readonly TriggerHit[], clause: readonly number[], tokens: readonly Token[]): TriggerHit[][] {
  const groups: TriggerHit[][] = [];
  for (const h of [...hits].sort((a, b) => a.first - b.first)) {
    // two verbs far apart are two events ("X was killed in A and Y was killed in B")
    const g = groups.find((x) => {
      const last = x[x.length - 1]!;
      if (x[0]!.type !== h.type || clause[last.first] !== clause[h.first]) return false;
      const verbs = tokens[last.first]!.pos === 'VERB' && tokens[h.first]!.pos === 'VERB';
      const coordinated = tokens.slice(last.last + 1, h.first).some((t) => t.span.text.toLowerCase() === 'and');
      return !verbs || !coordinated || h.first - last.last <= 4;
    });
    if (g) g.push(h);
    else groups.push([h]);
  }
  return groups;
}

function participants(v: SentenceView, group: readonly TriggerHit[], type: PloverType): { source?: EventParticipant; target?: EventParticipant } {
  // the verb of a group carries the grammar ("the killer, shot dead by police")
  const h = group.find((g) => v.tokens[g.first]!.pos === 'VERB') ?? group[0]!;
  let source: EventParticipant | undefined;
  let target: EventParticipant | undefined;
  const rel = relativeAntecedent(v, h.first);
  if (isPassive(v, h.first)) {
    source = byAgent(v, h.last);
    // "police said five men were detained": the speaker's side acted
    if (!source && v.grammar.speakerActsTypes.includes(type)) source = quoteSpeaker(v, h.first, h.last)?.speaker;
    const before = actorBefore(v, h.first, true);
    target = before ? participantOf(v.text, before) : npBefore(v, h.first);
  } else {
    // "rejected and condemned": coordinated verbs share their subject
    let first = h.first;
    for (let p = prevWord(v, first); p > 0 && ['and', 'or'].includes(v.tokens[p]!.span.text.toLowerCase()) && v.tokens[p - 1]!.pos === 'VERB'; p = prevWord(v, first)) first = p - 1;
    const quoted = quoteSpeaker(v, h.first, h.last);
    const pw = prevWord(v, first);
    const firstPerson = pw >= 0 && v.grammar.firstPerson.includes(v.tokens[pw]!.span.text.toLowerCase());
    const before = actorBefore(v, first, true);
    const afterComma = isNoun(v, h.first) ? undefined : subjectBeforeComma(v, first);
    if (quoted && firstPerson) source = quoted.speaker;
    else if (rel?.role === 'source' && !(before && before.span.start > rel.who.span.start)) source = rel.who;
    else if (before && (!quoted || before.span.start >= quoted.quote.span.start)) source = participantOf(v.text, before);
    else if (afterComma) source = afterComma;
    else if (quoted && group.some((g) => g.speech || isVerbal(type))) source = quoted.speaker;
    else source = (isNoun(v, first) ? undefined : npBefore(v, first)) ?? (quoted?.speaker) ?? optional(actorBefore(v, first, false), v);
    const after = actorAfter(v, h.last, true) ?? actorAfter(v, h.last, false, 8);
    const extra = isNoun(v, h.last) ? v.grammar.nounTargetPrepositions : [];
    target = after && after.span.start !== source?.span.start ? participantOf(v.text, after) : npAfter(v, h.last, extra);
    if (!target && extra.length) target = npAfter(v, h.last, extra);
    if (rel?.role === 'target') target = rel.who;
  }
  // an agent noun as trigger ("demonstrators", "the attackers") is its own source
  if (!source && ['NOUN', 'PROPN'].includes(v.tokens[h.first]!.pos)) {
    const m = v.actors.find((a) => spansOverlap(a.span, v.tokens[h.first]!.span));
    if (m) source = participantOf(v.text, m);
  }
  if (target && source && target.span.start === source.span.start) target = undefined;
  return { ...(source ? { source } : {}), ...(target ? { target } : {}) };
}

const isNoun = (v: SentenceView, i: number) => ['NOUN', 'PROPN'].includes(v.tokens[i]!.pos);
const VERBAL = new Set<PloverType>(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SUPPORT', 'AGREE', 'CONSULT']);
const isVerbal = (t: PloverType) => VERBAL.has(t);
const optional = (m: ReturnType<typeof actorBefore>, v: SentenceView) => (m ? participantOf(v.text, m) : undefined);

interface Focus {
  place: PlaceMention;
}

/** The article's focus: the most often named resolved place below country level, else the most named country. */
function articleFocus(places: readonly PlaceMention[]): Focus | undefined {
  const tally = (list: readonly PlaceMention[]) => {
    const by = new Map<string, { n: number; first: PlaceMention }>();
    for (const p of list) {
      const k = `${p.resolved!.name}|${p.resolved!.country}`;
      const e = by.get(k);
      if (e) e.n++;
      else by.set(k, { n: 1, first: p });
    }
    return [...by.values()].sort((a, b) => b.n - a.n || a.first.span.start - b.first.span.start)[0]?.first;
  };
  const sub = tally(places.filter((p) => p.precision !== 'country' && p.precision !== 'continent'));
  const best = sub ?? tally(places);
  return best ? { place: best } : undefined;
}

function placeRecord(p: PlaceMention, fromArticleFocus: boolean): NonNullable<EventRecord['place']> {
  const r = p.resolved!;
  return { placeMentionId: p.id, name: p.span.text, lat: r.lat, lon: r.lon, country: r.country, ...(p.precision ? { precision: p.precision } : {}), fromArticleFocus };
}

function placeFor(v: SentenceView, h: TriggerHit, places: readonly PlaceMention[], focus: Focus | undefined, source?: EventParticipant): EventRecord['place'] {
  const tstart = v.tokens[h.first]!.span.start;
  const sentSpan = { start: v.tokens[0]!.span.start, end: v.tokens[v.tokens.length - 1]!.span.end };
  const clauseOf = (p: PlaceMention) => v.clause[v.tokens.findIndex((t) => spansOverlap(t.span, p.span))] ?? -1;
  const inSent = places.filter((p) => spansOverlap(p.span, sentSpan) && !(source && spansOverlap(source.span, p.span)));
  // "the population of Karabakh in Yevlakh": a place after "of" names whose it is, not where
  const ofPlace = (p: PlaceMention) => {
    const ti = v.tokens.findIndex((t) => spansOverlap(t.span, p.span));
    return ti > 0 && v.tokens[ti - 1]!.span.text.toLowerCase() === 'of' ? 1 : 0;
  };
  const rank = (list: PlaceMention[]) =>
    [...list].sort((a, b) => Number(a.precision === 'country') - Number(b.precision === 'country') || ofPlace(a) - ofPlace(b) || Math.abs(a.span.start - tstart) - Math.abs(b.span.start - tstart))[0];
  const best = rank(inSent.filter((p) => clauseOf(p) === v.clause[h.first])) ?? rank(inSent);
  if (best) return placeRecord(best, false);
  return focus ? placeRecord(focus.place, true) : undefined;
}

function precisionOf(t: TimeExpression): DatePrecision {
  if (t.precision) return t.precision;
  if (/^\d{4}-\d{2}-\d{2}T/.test(t.value)) return 'hour';
  if (/^\d{4}-\d{2}-\d{2}/.test(t.value)) return 'day';
  if (/^\d{4}-W/.test(t.value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(t.value)) return 'month';
  return 'year';
}

function dateFor(v: SentenceView, h: TriggerHit, dates: readonly TimeExpression[], published: string | undefined): EventRecord['date'] {
  const tstart = v.tokens[h.first]!.span.start;
  const best = [...dates].sort((a, b) => Math.abs(a.span.start - tstart) - Math.abs(b.span.start - tstart))[0];
  if (best) return { value: best.value, precision: precisionOf(best), timeExpressionId: best.id, fromPublication: false };
  return published ? { value: published, precision: 'day', fromPublication: true } : undefined;
}
