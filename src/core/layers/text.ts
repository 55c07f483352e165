import type { Span } from '../span.js';

/** A passage removed by cleaning, as a span of the RAW text. */
export interface BoilerplateBlock {
  raw: Span;
  kind: 'byline' | 'author-bio' | 'credit' | 'related-links' | 'share' | 'caption' | 'subscription' | 'video-player' | 'dateline' | 'other';
  /** the rule that matched, for the reader to see why */
  rule: string;
}

export interface Sentence {
  index: number;
  span: Span;
  paragraph: number;
  /** a line without final punctuation standing alone (headline, subheading) */
  heading: boolean;
}

export interface Token {
  span: Span;
  /** universal POS tag from the substrate tagger */
  pos: string;
  sentence: number;
}

/** A sentence that repeats an earlier one with a word or two changed. */
export interface NearDuplicateSentence {
  sentence: number;
  duplicateOf: number;
  similarity: number;
}
