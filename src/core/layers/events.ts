import type { Span } from '../span.js';
import type { CountKind, DatePrecision } from './facts.js';
import type { PlacePrecision } from './entities.js';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export interface EventParticipant {
  span: Span;
  actorMentionId?: string;
  actorCode?: string;
  name: string;
}

export interface EventRecord {
  id: string;
  type: PloverType;
  mode?: string;
  trigger: Span;
  sentence: number;
  sentenceSpan: Span;
  source?: EventParticipant;
  target?: EventParticipant;
  place?: { placeMentionId?: string; name: string; lat?: number; lon?: number; country?: string; precision?: PlacePrecision; fromArticleFocus: boolean };
  date?: { value: string; precision: DatePrecision; timeExpressionId?: string; fromPublication: boolean };
  countIds: string[];
  quoteIds: string[];
  /** past history: never an event of the reporting day */
  background: boolean;
  /** the same event restated earlier in the article */
  duplicateOf?: string;
  acled?: { eventType: string; subEventType: string; interaction?: number };
}

export interface TallyClaim {
  countId: string;
  value: number;
  qualifier: string;
  claimant: string | null;
  span: Span;
}

export interface CountTally {
  kind: CountKind;
  low: number;
  best: number;
  high: number;
  claims: TallyClaim[];
}
