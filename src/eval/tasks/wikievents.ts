/**
 * WikiEvents (../shared/eval/raw/wikievents/dev.jsonl, KAIROS annotations of real attack and
 * bombing news): the documents most like the articles sitrep is judged on. There is no
 * canonical FORMATS.md record for it, so this task reads the raw release as it is: tokens by
 * sentence, entity mentions by token index, events with a trigger and role-labelled arguments.
 *
 * KAIROS types that have a PLOVER counterpart are scored: attacks, deaths and injuries
 * (ASSAULT), demonstrations (PROTEST), arrests (COERCE), threats (THREATEN or COERCE) and
 * requests or commands (REQUEST). A gold event is found when a predicted event of its PLOVER type
 * has its trigger in the sentence of the gold trigger; its doer, its victim or target and its
 * place match when some found event's source, target or place is the argument's mention (overlapping
 * spans) or names it (whole-word alias match). Each rate is over every gold event or argument.
 */
import type { EventRecord, PlaceMention, PloverType } from '../../core/layers/index.js';
import { SitrepDocument } from '../../core/document.js';
import { anyAliasMatches, overlaps } from '../text-match.js';
import type { EvalTask } from './registry.js';

type Token = [string, number, number];

export interface WikiEventsRecord {
  doc_id: string;
  text: string;
  sentences: [Token[], string][];
  entity_mentions: { id: string; start: number; end: number; text: string }[];
  event_mentions: { event_type: string; trigger: { start: number; end: number; text: string }; arguments: { entity_id: string; role: string; text: string }[] }[];
}

interface RawSpan {
  start: number;
  end: number;
}

/** The events of a document with every span in raw text offsets, as this scorer reads them. */
export interface ScoredEvent {
  type: PloverType;
  trigger: RawSpan;
  sentence: RawSpan;
  source?: { span: RawSpan; name: string; text: string };
  target?: { span: RawSpan; name: string; text: string };
  place?: { span?: RawSpan; name: string; text?: string };
}

const PLOVER_OF: [RegExp, PloverType[]][] = [
  [/^(?:Conflict\.Attack|Life\.Die|Life\.Injure)\./, ['ASSAULT']],
  [/^Conflict\.Demonstrate\./, ['PROTEST']],
  [/^Justice\.ArrestJailDetain\./, ['COERCE']],
  [/^Contact\.ThreatenCoerce\./, ['THREATEN', 'COERCE']],
  [/^Contact\.RequestCommand\./, ['REQUEST']],
];
const DOER = new Set(['Attacker', 'Killer', 'Injurer', 'Perpetrator', 'Demonstrator', 'Jailer', 'Communicator']);
const TARGET = new Set(['Target', 'Victim', 'Detainee', 'Recipient']);

export function ploverTypesOf(kairosType: string): PloverType[] | undefined {
  return PLOVER_OF.find(([re]) => re.test(kairosType))?.[1];
}

/**
 * Character spans of the release's tokens, found in order in the text (the offsets it ships
 * are not document offsets). Sentence spans run from their first token to their last.
 */
export function alignTokens(record: WikiEventsRecord): { tokens: RawSpan[]; sentenceOf: number[]; sentences: RawSpan[] } {
  const tokens: RawSpan[] = [];
  const sentenceOf: number[] = [];
  const sentences: RawSpan[] = [];
  let at = 0;
  record.sentences.forEach(([words], s) => {
    const first = tokens.length;
    for (const [word] of words) {
      const found = record.text.indexOf(word, at);
      const start = found < 0 ? at : found;
      tokens.push({ start, end: found < 0 ? at : start + word.length });
      sentenceOf.push(s);
      if (found >= 0) at = start + word.length;
    }
    sentences.push({ start: tokens[first]?.start ?? at, end: tokens.at(-1)?.end ?? at });
  });
  return { tokens, sentenceOf, sentences };
}

interface Rates {
  [metric: string]: { hit: number; total: number };
}

export function scoreWikiEvents(records: readonly WikiEventsRecord[], predict: (record: WikiEventsRecord) => ScoredEvent[]): Record<string, number> {
  const rates: Rates = {};
  const count = (metric: string, hit: boolean) => {
    const r = (rates[metric] ??= { hit: 0, total: 0 });
    r.total++;
    if (hit) r.hit++;
  };
  for (const record of records) {
    const predicted = predict(record);
    const { tokens, sentenceOf, sentences } = alignTokens(record);
    const mentions = new Map(record.entity_mentions.map((m) => [m.id, { start: tokens[m.start]!.start, end: tokens[m.end - 1]!.end, text: m.text }]));
    for (const gold of record.event_mentions) {
      const types = ploverTypesOf(gold.event_type);
      if (!types) continue;
      const sentence = sentences[sentenceOf[gold.trigger.start]!]!;
      const found = predicted.filter((p) => types.includes(p.type) && p.trigger.start >= sentence.start && p.trigger.start < sentence.end);
      count(`${types[0]!.toLowerCase()}Recall`, found.length > 0);
      for (const arg of gold.arguments) {
        const mention = mentions.get(arg.entity_id);
        if (!mention) continue;
        const names = (x: { span?: RawSpan; name: string; text?: string } | undefined) =>
          !!x && ((x.span !== undefined && overlaps(x.span, mention)) || anyAliasMatches([x.name, x.text], [mention.text]));
        if (DOER.has(arg.role)) count('sourceMatch', found.some((p) => names(p.source)));
        else if (TARGET.has(arg.role)) count('targetMatch', found.some((p) => names(p.target)));
        else if (arg.role === 'Place') count('placeMatch', found.some((p) => names(p.place)));
      }
    }
  }
  const out: Record<string, number> = {};
  for (const [metric, { hit, total }] of Object.entries(rates).sort()) out[metric] = Math.round((hit / total) * 1000) / 1000;
  return out;
}

/** A document's events in raw offsets (the pipeline's spans point into the cleaned text). */
export function scoredEvents(doc: SitrepDocument): ScoredEvent[] {
  const map = doc.maybe('clean')?.map;
  const raw = (s: RawSpan): RawSpan => (map ? map.toRawRange(s.start, s.end) : { start: s.start, end: s.end });
  const places = new Map((doc.maybe('places') ?? []).map((p: PlaceMention) => [p.id, p]));
  const participant = (p: EventRecord['source']) => (p ? { span: raw(p.span), name: p.name, text: p.span.text } : undefined);
  return (doc.maybe('events') ?? []).map((e) => {
    const mention = e.place?.placeMentionId ? places.get(e.place.placeMentionId) : undefined;
    return {
      type: e.type,
      trigger: raw(e.trigger),
      sentence: raw(e.sentenceSpan),
      source: participant(e.source),
      target: participant(e.target),
      place: e.place ? { name: e.place.name, ...(mention ? { span: raw(mention.span), text: mention.span.text } : {}) } : undefined,
    };
  });
}

export const wikieventsTask: EvalTask = {
  name: 'wikievents',
  description: 'WikiEvents (raw KAIROS release): PLOVER-mapped event recall, doer / target / place match',
  pooled: true,
  score(records, { pipeline }) {
    return scoreWikiEvents(records as WikiEventsRecord[], (r) => scoredEvents(pipeline.run(new SitrepDocument(r.text, { id: r.doc_id }))));
  },
};
