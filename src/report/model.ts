import type { EventFilter } from '../query/event-filter.js';

/** Where a figure or a line came from: one sentence of one stored article. */
export interface SourceNote {
  /** footnote number, 1-based, in order of first use */
  n: number;
  articleId: string;
  title?: string;
  outlet?: string;
  url?: string;
  publishedAt?: string;
  /** the sentence as it reads in the article's clean text */
  sentence: string;
  /** the sentence's [start, end) in the clean text, and the same passage in the raw text */
  span: { start: number; end: number };
  rawSpan: { start: number; end: number };
  /** the phrase inside the sentence the fact was read from ("killing 12 civilians") */
  phrase?: string;
}

export interface FigureClaimLine {
  value: number;
  qualifier: string;
  claimant: string | null;
  outlet?: string;
  articleId: string;
  /** the count the claim was read from */
  countId: string;
  note: number;
}

/** One headline figure over the period: each story's articles' tallies reconciled, summed over stories. */
export interface HeadlineFigure {
  kind: 'killed' | 'injured' | 'displaced';
  low: number;
  best: number;
  high: number;
  /** articles whose tally counts */
  sources: number;
  /** stories (clusters of articles) the figure adds up */
  stories: number;
  /** some event's reports do not agree */
  disagreement: boolean;
  claims: FigureClaimLine[];
}

/** One real-world event: one line, however many articles reported it. */
export interface EventLine {
  date?: string;
  datePrecision?: string;
  /** the date was taken from the publication date, not stated */
  dateFromPublication: boolean;
  type: string;
  source?: string;
  target?: string;
  place?: string;
  placePrecision?: string;
  country?: string;
  lat?: number;
  lon?: number;
  trigger: string;
  killed?: number;
  injured?: number;
  notes: number[];
}

export interface AreaGroup {
  area: string;
  lines: EventLine[];
}

export interface QuoteLine {
  text: string;
  direct: boolean;
  note: number;
}

export interface ActorQuotes {
  actor: string;
  quotes: QuoteLine[];
}

export interface ReportModel {
  title: string;
  generatedAt: string;
  /** what the report covers, in words: "Azerbaijan (AZ)", "bbox 44,38,47,41" */
  area: string;
  period: { from?: string; to?: string };
  filter: EventFilter;
  /** articles with at least one event in the period */
  articleCount: number;
  headline: HeadlineFigure[];
  happened: AreaGroup[];
  quotes: ActorQuotes[];
  daily: { day: string; events: number }[];
  background: EventLine[];
  /** events of the place and filter left out of a bounded period because they have no date */
  undatedEvents: number;
  /** the view the map should show, when the filter names one: [west, south, east, north] */
  mapExtent?: [number, number, number, number];
  notes: SourceNote[];
}

export const HEADLINE_KINDS = ['killed', 'injured', 'displaced'] as const;
