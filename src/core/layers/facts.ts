import type { Span } from '../span.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type DatePrecision = 'minute' | 'hour' | 'part-of-day' | 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century';

export interface TimeExpression {
  id: string;
  span: Span;
  type: TimexType;
  /** TIMEX3 value: 2023-09-19, 2023-W38, 2020-FA, 1988/1994 is written as range */
  value: string;
  precision?: DatePrecision;
  /** first and last calendar day covered (ISO dates), when the expression is a date or range */
  range?: { start: string; end: string };
  /** resolved against the publication date rather than stated in full */
  relative: boolean;
}

export interface SpeakerRef {
  span: Span;
  /** the actor mention the speaker resolves to (through coreference when a pronoun) */
  actorMentionId?: string;
  actorCode?: string;
  /** canonical name of the speaker (the person or actor), when known */
  name?: string;
}

export interface Quote {
  id: string;
  /** the quoted or reported content */
  span: Span;
  direct: boolean;
  /** never invented: null when no speaker can be found (with a diagnostic) */
  speaker: SpeakerRef | null;
  cue?: Span;
  sentence: number;
}

/**
 * Everything attributed to a speaker, in text order: the quotes (words in quotation marks,
 * alone or inside reported speech) and the statements (reported speech in the writer's
 * words). Ids are unique across both layers, so an event's `quoteIds` may name either.
 */
export function attributedSpeech(layers: { quotes?: readonly Quote[]; statements?: readonly Quote[] }): Quote[] {
  const all = [...(layers.quotes ?? []), ...(layers.statements ?? [])];
  return all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

export type CountKind = 'killed' | 'injured' | 'displaced' | 'evacuated' | 'arrested' | 'detained' | 'missing' | 'kidnapped' | 'captured';
export type CountQualifier = 'exact' | 'at_least' | 'more_than' | 'approximately' | 'up_to' | 'less_than';

export interface CasualtyCount {
  id: string;
  /** the phrase the count was read from, e.g. "more than 200 injured" */
  span: Span;
  /** the number itself, e.g. "200", "two", "dozens" */
  numberSpan: Span;
  kind: CountKind;
  value: number;
  qualifier: CountQualifier;
  /** vague quantity words kept as written ("dozens", "hundreds") */
  vague?: string;
  /** who: people, civilians, soldiers, children, positions ... */
  who: string;
  whoSpan?: Span;
  /** this count is a subset of another ("27 dead, including two civilians") */
  subsetOf?: string;
  claimant: SpeakerRef | null;
  placeMentionId?: string;
  timeExpressionId?: string;
  sentence: number;
}

/** Who claims a count: the claimant's resolved name, else its words; null when the reporter states it. */
export function claimantName(count: CasualtyCount): string | null {
  return count.claimant ? (count.claimant.name ?? count.claimant.span.text) : null;
}

/**
 * A count told as more victims on top of those counted before ("a local commander was also
 * killed", "two more were wounded too"): never the same deaths told again.
 */
export function toldAsMore(count: CasualtyCount): boolean {
  return /\b(?:also|too|as well)\b/i.test(count.span.text);
}

export interface BackgroundMark {
  sentence: number;
  span: Span;
  reason: string;
}
