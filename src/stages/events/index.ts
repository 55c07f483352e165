import { datelineTest } from '../../core/dateline.js';
import { makeSpan, spansOverlap } from '../../core/span.js';
import { attributedSpeech, type EventRecord, type PloverType, type Token } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { acledView, loadAcledLexicon, type AcledLexicon } from './acled.js';
import { clauses, type SentenceView } from './arguments.js';
import { participants } from './participants.js';
import { loadEventsLexicon, type EventsLexicon } from './lexicon.js';
import { triggerMatcher, type TriggerHit } from './triggers.js';
import { retagHeadlineVerbs } from './headline-verbs.js';
import { articleFocus, dateFor, inheritedDate, paragraphPlace, pastRelative, placeFor, setOffRelatives } from './where-when.js';
import { modalityOf, modalType } from './modality.js';
import { legalAuthority } from './authority.js';
import { protesterBetween, targetFromGrievance } from './protest.js';
import { closingAttributionStart, withoutAttributionParticipants, withoutOutletAsTarget, withoutQuotedSpeakerAsParticipant, withoutReporterAsAgent, withoutSelfParticipant } from './self-participant.js';
import { fillFromContext, perpetratorsIn, underAttack, type Denounced, type Perpetrator } from './context.js';

export { loadEventsLexicon } from './lexicon.js';
export { loadAcledLexicon, acledView, ACLED_SUB_EVENTS } from './acled.js';

/**
 * PLOVER events from trigger words (data/lexicons/events.json) with their arguments.
 *
 * Choices worth knowing:
 * - triggers of one type in one clause make one event ("attacked and shelled"); an intention
 *   before a trigger adds a promise or threat, a negation makes a refusal or drops a hostile
 *   act (modality.ts).
 * - source and target: participants.ts; a legal act with no agent is the last named legal
 *   authority's (authority.ts); a protest's source and target (protest.ts).
 * - place: a place named in the clause or sentence (not a possessive "France's"), else the
 *   article's focus (`fromArticleFocus`).
 * - date: a date in the sentence (not one dating another noun), else the date of the same kind
 *   of event a few sentences before, else the publication date (`fromPublication`) unless the
 *   sentence is background history.
 */
/** the names a word of which is no event: "the Rapid Support Forces", "Strike Force Group", "Peace Hospital" */
const NAME_TYPES = new Set(['ORG', 'PERSON', 'FAC']);

function withoutNamedWords(hits: TriggerHit[], tokens: readonly Token[], names: readonly { span: { start: number; end: number } }[]): TriggerHit[] {
  if (!names.length) return hits;
  return hits.filter((h) => !names.some((n) => n.span.start <= tokens[h.first]!.span.start && tokens[h.last]!.span.end <= n.span.end));
}

/**
 * "Iran-backed rebels", "a Saudi-led coalition": a participle joined by a hyphen to the word
 * before it is part of a compound adjective describing someone, not an event of its own.
 */
function withoutCompoundParticiples(hits: TriggerHit[], tokens: readonly Token[], text: string): TriggerHit[] {
  return hits.filter((h) => {
    const t = tokens[h.first]!;
    const dash = tokens[h.first - 1];
    const word = tokens[h.first - 2];
    return !(h.first === h.last && /ed$/.test(t.span.text) && dash?.span.text === '-' && dash.span.end === t.span.start && word?.span.end === dash.span.start && /\p{L}/u.test(text[word.span.end - 1]!));
  });
}

export function createEventsStage(lexicon: EventsLexicon = loadEventsLexicon(), acled: AcledLexicon = loadAcledLexicon()): Stage {
  const matcher = triggerMatcher(lexicon);
  return {
    name: 'events',
    // 3: a participle in a compound adjective ("Iran-backed") is no trigger; an organisation is no place, a placeless sentence keeps its paragraph's place, a year naming another noun dates nothing; 4: nor does a period's end ('until 2028'); 5: protesters fired at are their protest's source
    version: `5.${lexicon.version}.${acled.version}`,
    requires: ['sentences', 'tokens', 'entities', 'actors', 'places', 'dates', 'quotes', 'statements', 'counts', 'background', 'nearDuplicates'],
    provides: ['events'],
    run(doc) {
      const text = doc.text;
      const tokensBy = new Map<number, Token[]>();
      // tokens come sentence by sentence: the map is asked only where the sentence changes
      let list: Token[] | undefined;
      let listSentence: number | undefined;
      for (const t of doc.get('tokens')) {
        if (t.sentence !== listSentence || !list) {
          listSentence = t.sentence;
          list = tokensBy.get(t.sentence);
          if (!list) tokensBy.set(t.sentence, (list = []));
        }
        list.push(t);
      }
      const actors = [...doc.get('actors')].sort((a, b) => a.span.start - b.span.start);
      // "the EU": an organisation the gazetteer also lists as a region acts, it is not where (a place inside a
      // longer name, "Tana River County Assembly", still says where the organisation is)
      const organisationAt = new Set(actors.filter((m) => m.via === 'organisation').map((m) => `${m.span.start}:${m.span.end}`));
      const places = doc.get('places').filter((p) => !p.adjectival && p.resolved && !organisationAt.has(`${p.span.start}:${p.span.end}`));
      const allDates = doc.get('dates');
      const dates = allDates.filter((d) => d.type === 'DATE' && /^\d{4}/.test(d.value));
      const quotes = attributedSpeech({ quotes: doc.get('quotes'), statements: doc.get('statements') });
      const counts = doc.get('counts');
      const names = doc.get('entities').filter((e) => NAME_TYPES.has(e.type) && /\s/.test(e.span.text));
      const countsBy = new Map<number, typeof counts[number][]>();
      for (const c of counts) {
        const l = countsBy.get(c.sentence);
        if (l) l.push(c);
        else countsBy.set(c.sentence, [c]);
      }
      // what overlaps a sentence, looked up by position instead of a pass over the document's list per sentence
      const actorsIn = overlapIndex(actors);
      const quotesIn = overlapIndex(quotes);
      const allDatesIn = overlapIndex(allDates);
      const datesIn = overlapIndex(dates);
      const namesIn = overlapIndex(names);
      const background = new Set(doc.get('background').map((b) => b.sentence));
      const dupOf = new Map(doc.get('nearDuplicates').map((d) => [d.sentence, d.duplicateOf]));
      const inDateline = datelineTest(text);
      const focus = articleFocus(places, text, inDateline);
      const published = doc.meta.publishedAt && /^\d{4}-\d{2}-\d{2}/.test(doc.meta.publishedAt) ? doc.meta.publishedAt.slice(0, 10) : undefined;
      const events: EventRecord[] = [];
      const sentences = doc.get('sentences');
      // the sentences around it in its paragraph: how a protest ended is often told after it
      const around = (i: number) =>
        sentences.slice(Math.max(0, i - 1), i + 3).filter((s) => s.index !== i && s.paragraph === sentences[i]!.paragraph).map((s) => s.span.text).join(' ');
      const perpetrators: Perpetrator[] = [];
      const denounced: Denounced[] = [];
      const aroundOf = new Map<EventRecord, string>();
      for (const [si, sentence] of sentences.entries()) {
        const tagged = tokensBy.get(sentence.index) ?? [];
        // the retagged tokens have the same words: one lookup per token serves both
        const words = matcher.words(tagged);
        const firstHits = matcher.find(tagged, words);
        // a sentence without a trigger has no headline verb to retag
        const tokens = firstHits.length ? retagHeadlineVerbs(tagged, new Map(firstHits.filter((h) => h.first === h.last).map((h) => [h.first, h.entry.words[0]!]))) : tagged;
        // the dateline's agency and place ('TBILISI, May 12 (Reuters) -') take part in nothing
        const sentenceActors = actorsIn(sentence.span).filter((a) => !inDateline(a.span.start, a.span.end));
        perpetrators.push(...perpetratorsIn(text, sentence.index, tokens, sentenceActors, words, lexicon.grammar));
        const hits = withoutCompoundParticiples(withoutNamedWords(tokens === tagged ? firstHits : matcher.find(tokens, words), tokens, namesIn(sentence.span)), tokens, text);
        if (!hits.length) continue;
        const v: SentenceView = {
          text,
          tokens,
          clause: clauses(tokens, lexicon.grammar, words.map((w) => w.lower)),
          actors: sentenceActors,
          quotes: quotesIn(sentence.span),
          dates: allDatesIn(sentence.span),
          lemmas: matcher.lemmas,
          grammar: lexicon.grammar,
          inDateline,
          relatives: setOffRelatives(tokens, lexicon.grammar),
          triggers: new Set(hits.flatMap((x) => Array.from({ length: x.last - x.first + 1 }, (_, k) => x.first + k))),
        };
        const sentCounts = countsBy.get(sentence.index) ?? [];
        const isBackground = background.has(sentence.index);
        const made: EventRecord[] = [];
        for (const group of mergeByClause(hits, v.clause, tokens)) {
          const h = group[0]!;
          const trigger = makeSpan(text, tokens[h.first]!.span.start, tokens[h.last]!.span.end);
          const mode = group.find((g) => g.mode)?.mode;
          const found = participants(v, group, h.type);
          // "towns were under heavy fire": who is named before suffered it
          if (underAttack(tokens, h.first, lexicon.grammar)) {
            if (found.source && !found.target && v.clause[tokens.findIndex((t) => t.span.end > found.source!.span.start)] === v.clause[h.first]) found.target = found.source;
            delete found.source;
          }
          const { source: ownSource, target } = withoutReporterAsAgent(withoutOutletAsTarget(withoutSelfParticipant(found, v.quotes, h.type), text), h.type);
          // ("police fired at demonstrators": the protesters are their protest's source, see grammar.doerNouns in participants.ts)
          const source =
            ownSource ??
            (mode && lexicon.grammar.legalModes.includes(mode) ? legalAuthority(actors, text, trigger.start, lexicon.grammar) : undefined) ??
            (h.type === 'PROTEST' ? protesterBetween(v, h.last) : undefined);
          const place = placeFor(v, h, places, paragraphPlace(places, sentences, si, text, inDateline) ?? focus, source);
          const own = dateFor(v, h, datesIn(sentence.span), isBackground ? undefined : published);
          const date = own?.fromPublication ? (inheritedDate(events, h.type, sentence.index, 4) ?? own) : own;
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
            background: isBackground || pastRelative(v, h, date, published),
          };
          made.push(e);
          // "will support" is a promise, "would boycott" a threat, "will not accept" a refusal
          const m = modalityOf(tokens, v.clause, h, matcher.lemmas, lexicon.grammar);
          const as = m && modalType(m, h.type, lexicon.grammar);
          if (as === 'dropped') made.pop();
          else if (m && as && m.kind === 'negated') Object.assign(e, as);
          else if (m && as) {
            // the act itself is only intended: it keeps its own mode, else is marked unrealised
            if (!e.mode) e.mode = as.type === 'THREATEN' ? 'threatened' : 'proposed';
            made.push({ ...e, ...as, id: `event-${sentence.index}-${made.length}`, trigger: makeSpan(text, tokens[m.from]!.span.start, trigger.end), countIds: [] });
          }
        }
        targetFromGrievance(made, lexicon.grammar.grievanceTypes);
        // "Yerevan denounced the attack": the accuser of a deed is not its doer
        for (const deed of made) {
          const tok = tokens.find((t) => t.span.start === deed.trigger.start);
          if (!tok || tok.pos !== 'NOUN' || !lexicon.grammar.contextSourceTypes.includes(deed.type)) continue;
          // (a deed noun may have been left without a doer already: "Yerevan denounced the attack")
          const accusation = made.find((a) => a.type === 'ACCUSE' && a.trigger.end <= deed.trigger.start && a.source && (deed.source ? a.source.span.start === deed.source.span.start : !a.target || spansOverlap(a.target.span, deed.trigger)));
          if (accusation) { delete deed.source; denounced.push({ accusation, deed }); }
        }
        // after that pairing, which reads the speaker's place as the deed's: the one quoted recounts, does not act
        const attribution = closingAttributionStart(sentence.span);
        for (const e of made) {
          const kept = withoutAttributionParticipants(withoutQuotedSpeakerAsParticipant(e, e.trigger, e.type, v.quotes), e.trigger, e.type, attribution);
          if (!kept.source) delete e.source;
          if (!kept.target) delete e.target;
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
        // the same for every event of the sentence
        const aroundText = made.length ? around(si) : '';
        for (const e of made) {
          if (earlier !== undefined) {
            const first = events.find((x) => x.sentence === earlier && x.type === e.type);
            if (first) e.duplicateOf = first.duplicateOf ?? first.id;
          }
          aroundOf.set(e, aroundText);
          e.acled = acledView(e, sentence.span.text, acled, aroundOf.get(e)!);
          events.push(e);
        }
      }
      const byId = new Map(actors.map((a) => [a.id, a]));
      for (const e of fillFromContext(events, perpetrators, denounced, lexicon.grammar, (id) => byId.get(id))) {
        e.acled = acledView(e, e.sentenceSpan.text, acled, aroundOf.get(e)!);
      }
      return { layers: { events } };
    },
  };
}

/**
 * The items of a list that overlap a span, in the list's order (what `xs.filter((x) =>
 * spansOverlap(x.span, span))` gives), found by binary search on their starts: an item
 * overlapping [start, end) starts before `end` and no further back than the longest item.
 */
function overlapIndex<T extends { span: { start: number; end: number } }>(xs: readonly T[]): (span: { start: number; end: number }) => T[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]!.span.start - xs[b]!.span.start || a - b);
  const starts = order.map((i) => xs[i]!.span.start);
  let longest = 0;
  for (const x of xs) longest = Math.max(longest, x.span.end - x.span.start);
  const firstAtOrAfter = (pos: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (span) => {
    const from = firstAtOrAfter(span.start - longest);
    const to = firstAtOrAfter(span.end);
    const hit: number[] = [];
    for (let k = from; k < to; k++) if (spansOverlap(xs[order[k]!]!.span, span)) hit.push(order[k]!);
    if (hit.length > 1) hit.sort((a, b) => a - b);
    return hit.map((i) => xs[i]!);
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
      // compare verb with verb: "killed by a mortar shell and another was killed" is two events
      const verb = [...x].reverse().find((y) => tokens[y.first]!.pos === 'VERB');
      if (!verb || tokens[h.first]!.pos !== 'VERB') return true;
      const coordinated = tokens.slice(verb.last + 1, h.first).some((t) => t.span.text.toLowerCase() === 'and');
      return !coordinated || h.first - verb.last <= 4;
    });
    if (g) g.push(h);
    else groups.push([h]);
  }
  return groups;
}
