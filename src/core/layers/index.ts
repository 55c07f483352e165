import type { OffsetMap } from '../offset-map.js';
import type { BoilerplateBlock, NearDuplicateSentence, Sentence, Token } from './text.js';
import type { ActorMention, Entity, PlaceMention } from './entities.js';
import type { BackgroundMark, CasualtyCount, Quote, TimeExpression } from './facts.js';
import type { CountTally, EventRecord } from './events.js';

export * from './text.js';
export * from './entities.js';
export * from './facts.js';
export * from './events.js';

export interface CleanText {
  text: string;
  map: OffsetMap;
}

/**
 * Every annotation layer a stage may provide. All spans point into the clean text
 * unless the layer says otherwise (boilerplate points into the raw text).
 */
export interface Layers {
  clean: CleanText;
  boilerplate: BoilerplateBlock[];
  sentences: Sentence[];
  tokens: Token[];
  nearDuplicates: NearDuplicateSentence[];
  entities: Entity[];
  actors: ActorMention[];
  places: PlaceMention[];
  dates: TimeExpression[];
  /** words in quotation marks with their speaker: direct quotes, and reported speech that carries quoted words */
  quotes: Quote[];
  /** reported speech with no quotation marks ("X said that …", "according to X, …"): the writer's words, a speaker's claim */
  statements: Quote[];
  counts: CasualtyCount[];
  background: BackgroundMark[];
  events: EventRecord[];
  tallies: CountTally[];
  /** facts that restate an earlier fact of the same article (a repeated sentence, a headline) */
  restatements: Restatement[];
}

export interface Restatement {
  layer: 'quotes' | 'statements' | 'counts' | 'events';
  id: string;
  duplicateOf: string;
  reason: string;
}

export type LayerName = keyof Layers;
