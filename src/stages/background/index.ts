import { diagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { BackgroundMark, Sentence, TimeExpression } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { defaultBackgroundCues, type BackgroundCues } from './cues.js';
import { trailingAsideStart } from './aside.js';
import { lastWord } from './last-word.js';
import { requiredStringsFilter } from '../../core/required-strings.js';

const STAGE = 'background';
const COARSE = new Set(['month', 'season', 'quarter', 'year', 'decade', 'century']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);
const NOUN_MARKERS = new Set([...DETERMINERS, 'my', 'your', 'these', 'those', 'such', 'whose']);
const MS_PER_DAY = 86_400_000;
const EARLIER_IN = /^earlier\s+(?:this|in\s+the)\s+(?:month|year)\b/i;

export interface BackgroundOptions {
  cues?: BackgroundCues;
  /** overrides the cue file's thresholdDays */
  thresholdDays?: number;
}

function dayOf(iso: string | undefined): number | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY) : undefined;
}

/** How a time expression sits in its sentence and how far back it points. */
interface DateUse {
  expr: TimeExpression;
  old: boolean;
  recent: boolean;
  /** an adverbial ("on 11 December", "last year") rather than a modifier ("the 2020 ceasefire") */
  adverbial: boolean;
}

/**
 * The sentence without its parenthetical asides (", who police are not naming,", "– shot dead
 * by police –"): they do not set the time of the sentence's own events.
 */
function mainClauses(text: string): string {
  return text
    .replace(/,\s*(?:who|whom|whose|which)\b[^,]*,/giu, ',')
    .replace(/\s[–—]\s[^–—]*\s[–—]\s/gu, ' ')
    .replace(/\([^)]*\)/gu, ' ');
}

function classify(e: TimeExpression, sentence: Sentence, dct: number | undefined, threshold: number, cues: BackgroundCues): DateUse | undefined {
  if (e.type === 'DURATION' || e.type === 'SET') return undefined;
  const s = sentence.span;
  const before = s.text.slice(0, e.span.start - s.start);
  const after = s.text.slice(e.span.end - s.start);
  const possessive = /['’]s$/.test(e.span.text) || /^['’]s\b/.test(after);
  const prev = lastWord(before);
  const initial = !/[\p{L}\p{N}]/u.test(before);
  const premodifier = possessive || (DETERMINERS.has(prev) && /^\s+\p{Ll}/u.test(after) && !e.relative);
  const adverbial = !premodifier && (initial || cues.prepositions.has(prev) || e.relative || /^\s*[,.;)]/.test(after));
  if (cues.recentRefs.has(e.value)) return { expr: e, old: false, recent: true, adverbial };
  const end = dayOf(e.range?.end);
  if (end === undefined || dct === undefined) return undefined;
  // "earlier this month", "earlier this year": the part of the period already gone, and
  // more than the current week of it ("earlier this week" stays news)
  if (EARLIER_IN.test(e.span.text) && COARSE.has(e.precision ?? '')) return { expr: e, old: true, recent: false, adverbial };
  const old = COARSE.has(e.precision ?? '') ? end < dct : end < dct - threshold;
  const start = dayOf(e.range?.start) ?? end;
  const recent = !old && (!COARSE.has(e.precision ?? '') || start > dct - threshold);
  return { expr: e, old, recent, adverbial };
}

/**
 * A sentence that goes on telling a past account: its own clauses are in the past tense, with
 * no date and nothing in the present ("One worker said he contacted the police after…").
 */
function continuesPast(text: string, dated: number, cues: BackgroundCues): boolean {
  // a quotation is usually today's comment on the account, not part of it
  if (dated > 0 || /[“”"]|``|''/.test(text)) return false;
  const main = mainClauses(text);
  const words = main.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  // "their fears", "the claims": after a determiner a cue word is a noun, not a present verb
  const present = words.some((w, i) => (cues.presentCues.has(w) && !(i > 0 && NOUN_MARKERS.has(words[i - 1]!))) || cues.continuationBlockers.has(w));
  return !present && cues.pastTense.test(main);
}

function hasPresentCue(text: string, cues: BackgroundCues): boolean {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words.some((w) => cues.presentCues.has(w));
}

/**
 * All retrospective cues as one alternation, tested first: most sentences match none, and
 * one scan is much cheaper than one per cue. Null when the cues cannot be joined safely
 * (different flags, back-references or named groups).
 */
const anyCueCache = new WeakMap<BackgroundCues, RegExp | null>();
function anyRetrospectiveCue(cues: BackgroundCues): RegExp | null {
  let joined = anyCueCache.get(cues);
  if (joined !== undefined) return joined;
  const res = cues.retrospective.map((c) => c.regex);
  const flags = res[0]?.flags ?? '';
  const joinable = res.length > 1 && !/[gy]/.test(flags) && res.every((r) => r.flags === flags && !/\\(?:[1-9]|k<)|\(\?<[A-Za-z_$]/.test(r.source));
  joined = joinable ? new RegExp(res.map((r) => `(?:${r.source})`).join('|'), flags) : null;
  anyCueCache.set(cues, joined);
  return joined;
}

/**
 * Words one of which each cue needs ("history of", "used to", "previously"), read from the
 * patterns: most sentences hold none, and looking for plain strings is much cheaper than even
 * the joined cue. Undefined when some cue has no such words.
 */
const cueWordsCache = new WeakMap<BackgroundCues, ((text: string) => boolean) | undefined>();
function mayHoldRetrospectiveCue(cues: BackgroundCues): ((text: string) => boolean) | undefined {
  if (!cueWordsCache.has(cues)) cueWordsCache.set(cues, requiredStringsFilter(cues.retrospective.map((c) => c.regex)));
  return cueWordsCache.get(cues);
}

/**
 * The first retrospective cue of the sentence; weak ones give way to a recent date, and only
 * cues that hold now are left when the recent dates are all present references ("now").
 */
function retrospectiveCue(text: string, recent: RecentDates, cues: BackgroundCues): BackgroundCues['retrospective'][number] | undefined {
  const mayHold = mayHoldRetrospectiveCue(cues);
  if (mayHold && !mayHold(text)) return undefined;
  const any = anyRetrospectiveCue(cues);
  if (any && !any.test(text)) return undefined;
  return cues.retrospective.find((c) => {
    if (recent.onlyPresentAdverbial && !c.holdsNow) return false;
    const yields = c.holdsNow ? recent.anyDated : recent.any;
    return !(c.weak && yields) && c.regex.test(text);
  });
}

interface RecentDates {
  /** some date near publication */
  any: boolean;
  /** some date near publication other than a present reference ("now", "currently") */
  anyDated: boolean;
  /** the sentence's recent adverbials are all present references */
  onlyPresentAdverbial: boolean;
}

/**
 * The incident words as one plain regex, looked for in the lower-cased sentence before it is
 * split into words: a sentence whose text holds none of them names none (most sentences).
 */
const incidentWordsCache = new WeakMap<BackgroundCues, RegExp>();
function anyIncidentWord(cues: BackgroundCues): RegExp {
  let re = incidentWordsCache.get(cues);
  if (!re) incidentWordsCache.set(cues, (re = new RegExp([...cues.pastIncidentWords].map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|') || '(?!)')));
  return re;
}

function namesIncident(text: string, cues: BackgroundCues): boolean {
  const lower = text.toLowerCase();
  return anyIncidentWord(cues).test(lower) && (lower.match(/[\p{L}]+/gu) ?? []).some((w) => cues.pastIncidentWords.has(w));
}

/** Words between two offsets of a sentence, or Infinity when a clause break (. ; : –) lies between. */
function wordsBetween(text: string, from: number, to: number): number {
  const gap = text.slice(from, to);
  return /[.;:–—]/.test(gap) ? Infinity : (gap.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * The incident words of a sentence, each with whether an old date dates it: a date right before
 * it ("last year's deadly blast", "the April 15, 2013, bombing") or right after it ("the
 * bombing in March 2013").
 */
function incidentMentions(sentence: Sentence, uses: readonly DateUse[], cues: BackgroundCues): { old: boolean }[] {
  const text = sentence.span.text;
  const base = sentence.span.start;
  const out: { old: boolean }[] = [];
  for (const m of text.matchAll(/[\p{L}]+/gu)) {
    if (!cues.pastIncidentWords.has(m[0].toLowerCase())) continue;
    const at = m.index!;
    const old = uses.some((u) => u.old && (
      (u.expr.span.end - base <= at && wordsBetween(text, u.expr.span.end - base, at) <= 3) ||
      (u.expr.span.start - base >= at + m[0].length && wordsBetween(text, at + m[0].length, u.expr.span.start - base) <= 3)));
    out.push({ old });
  }
  return out;
}

/**
 * The old date of the article's violent incident, when it has only a past one: its first
 * mention outside headings is dated well before publication ("last year's deadly blast"), and
 * no sentence with a date near publication names an incident that no old date dates. A new
 * attack told beside an old one ("a year after the 2022 bombing, a bomb went off on Friday")
 * keeps the article's undated incident sentences current.
 */
function incidentDatedInThePast(sentences: readonly Sentence[], usesOf: readonly DateUse[][], cues: BackgroundCues): DateUse | undefined {
  let first: DateUse | undefined;
  let seen = false;
  for (const sentence of sentences) {
    if (sentence.heading || !namesIncident(sentence.span.text, cues)) continue;
    const uses = usesOf[sentence.index] ?? [];
    const mentions = incidentMentions(sentence, uses, cues);
    if (uses.some((u) => u.recent) && mentions.some((m) => !m.old)) return undefined;
    if (!seen && mentions.some((m) => m.old)) first = uses.find((u) => u.old);
    seen = true;
  }
  return first;
}

/**
 * Mark the sentences about past history, with the reason for each: a date well before
 * publication used as an adverbial ("on 11 December", "from 1988 to 1994", "last
 * year"); an old event named with nothing in the present ("The 2020 war ended…");
 * retrospective wording ("in recent years", "had clashed twice", "previous attacks", a
 * category's habits); the pluperfect, or a dateless past-tense sentence with nothing in the
 * present, right after such a sentence. A date near publication keeps a sentence current, so "a
 * guarantor of the 2020 ceasefire that has forces there" stays today's news.
 */
export function markBackground(
  sentences: readonly Sentence[],
  dates: readonly TimeExpression[],
  publishedAt: string | undefined,
  cues: BackgroundCues,
  threshold = cues.thresholdDays,
): BackgroundMark[] {
  const dct = dayOf(publishedAt);
  const marks: BackgroundMark[] = [];
  let previousMarked: Sentence | undefined;
  let continued = 0;
  const usesOf = sentences.map((sentence) =>
    dates
      .filter((e) => e.span.start >= sentence.span.start && e.span.end <= sentence.span.end)
      .map((e) => classify(e, sentence, dct, threshold, cues))
      .filter((u): u is DateUse => u !== undefined),
  );
  const pastIncident = incidentDatedInThePast(sentences, usesOf, cues);
  for (const sentence of sentences) {
    const s = sentence.span;
    // an old date or a cue in a trailing aside describes something named, not when the sentence's events were
    const aside = trailingAsideStart(s.text);
    const allUses = usesOf[sentence.index] ?? [];
    const uses = aside === undefined ? allUses : allUses.filter((u) => !u.old || u.expr.span.start - s.start < aside);
    const head = aside === undefined ? s.text : s.text.slice(0, aside);
    const recentAdverbial = uses.some((u) => u.recent && u.adverbial);
    const anyRecent = uses.some((u) => u.recent);
    const dated = (u: DateUse) => u.recent && u.expr.value !== 'PRESENT_REF';
    const recent: RecentDates = { any: anyRecent, anyDated: uses.some(dated), onlyPresentAdverbial: recentAdverbial && !uses.some((u) => dated(u) && u.adverbial) };
    const afterMarked = previousMarked !== undefined && previousMarked.paragraph === sentence.paragraph && previousMarked.index === sentence.index - 1;
    let continuation = false;
    let reason: string | undefined;
    const oldAdverbial = uses.find((u) => u.old && u.adverbial);
    const oldModifier = uses.find((u) => u.old && !u.adverbial);
    if (recent.onlyPresentAdverbial) {
      reason = retrospectiveCue(head, recent, cues)?.reason;
    } else if (!recentAdverbial) {
      if (oldAdverbial) reason = `dated ${oldAdverbial.expr.value} ("${oldAdverbial.expr.span.text}"), before the publication date`;
      else if (oldModifier && !anyRecent && !hasPresentCue(s.text, cues)) reason = `about a past event (${oldModifier.expr.value}: "${oldModifier.expr.span.text}") with nothing in the present`;
      else {
        const cue = retrospectiveCue(head, recent, cues);
        if (cue) reason = cue.reason;
        else if (
          cues.pluperfect.test(s.text) &&
          !anyRecent &&
          (oldModifier || afterMarked)
        ) {
          reason = 'pluperfect continuing a past account';
        } else if (afterMarked && continued < cues.continuationMax && continuesPast(s.text, allUses.length, cues)) {
          reason = 'past tense, no date of its own, continuing the past account before it';
          continuation = true;
        } else if (pastIncident && !sentence.heading && uses.length === 0 && namesIncident(s.text, cues) && continuesPast(s.text, 0, cues)) {
          reason = `past tense, no date of its own, about the incident the article dates earlier ("${pastIncident.expr.span.text}")`;
        }
      }
    }
    if (reason) {
      marks.push({ sentence: sentence.index, span: s, reason });
      previousMarked = sentence;
      continued = continuation ? continued + 1 : 0;
    }
  }
  return marks;
}

/** The "background" stage: sentences about past history, each with its reason. */
export function createBackgroundStage(options: BackgroundOptions = {}): Stage {
  const cues = options.cues ?? defaultBackgroundCues();
  return {
    name: STAGE,
    // 2: "earlier this month/year" is past; 3: an incident the article dates only in the past; 4: a trailing aside's old date is no history; then the cue file's version
    version: `4.${cues.version}`,
    requires: ['sentences', 'dates'],
    provides: ['background'],
    run(doc) {
      const diagnostics: Diagnostic[] = [];
      if (dayOf(doc.meta.publishedAt) === undefined) {
        diagnostics.push(diagnostic(STAGE, 'background-no-publication-date', 'info', 'no publication date: only wording cues mark background, not the age of dates'));
      }
      const background = markBackground(doc.get('sentences'), doc.get('dates'), doc.meta.publishedAt, cues, options.thresholdDays ?? cues.thresholdDays);
      return { layers: { background }, diagnostics };
    },
  };
}

export { loadBackgroundCues, defaultBackgroundCues } from './cues.js';
