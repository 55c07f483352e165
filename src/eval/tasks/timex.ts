/**
 * Timex scorer (eval/timex, TempEval-3 style): gold and predicted expressions are matched
 * one-to-one by overlap, largest overlap first; extent recall/precision, value accuracy
 * over matched pairs, and value F1 (a true positive is a matched pair with equal values).
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepDocument } from '../../core/document.js';
import type { Sentence, TimexType } from '../../core/layers/index.js';
import { OffsetMap } from '../../core/offset-map.js';
import { makeSpan } from '../../core/span.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { createDatesStage, type DatedExpression } from '../../stages/dates/index.js';
import { readJsonl, renderMetrics, type EvalResult, type EvalTask } from './registry.js';

export interface TimexGold {
  start: number;
  end: number;
  text?: string;
  type: string;
  value: string;
}

export interface TimexRecord {
  id: string;
  text: string;
  publishedAt?: string;
  timexes: TimexGold[];
}

export interface TimexPrediction {
  start: number;
  end: number;
  type: TimexType | string;
  value: string;
}

/** Rates in [0, 1]; a rate without a denominator is left out, never 0. */
export interface TimexScore {
  extentRecall?: number;
  extentPrecision?: number;
  valueAccuracy?: number;
  valueF1?: number;
}

export interface TimexMatch {
  gold: TimexGold;
  predicted: TimexPrediction;
}

/** One-to-one matching by overlap, largest overlap first (ties: earlier gold first). */
export function matchTimexes(gold: readonly TimexGold[], predicted: readonly TimexPrediction[]): TimexMatch[] {
  const pairs: { g: number; p: number; overlap: number }[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > 0) pairs.push({ g: gi, p: pi, overlap });
    }),
  );
  pairs.sort((a, b) => b.overlap - a.overlap || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: TimexMatch[] = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    out.push({ gold: gold[g]!, predicted: predicted[p]! });
  }
  return out;
}

/**
 * One spelling per TIMEX3 value. FORMATS.md writes a decade `196` and weeks `1998-W32`;
 * TimeBank also writes `196X` and `2000-W2`. These are notations of the same value, so
 * they compare equal; nothing else is loosened.
 */
export function canonicalValue(value: string): string {
  return value.replace(/^(\d{4})-W0(\d)(?!\d)/, '$1-W$2').replace(/^(\d{3})X$/, '$1').replace(/^(\d{2})XX$/, '$1');
}

export type TimexClass = 'calendar' | 'duration' | 'set' | 'reference';

export function timexClass(t: { type: string; value: string }): TimexClass {
  if (t.type === 'SET') return 'set';
  if (/_REF$/.test(t.value)) return 'reference';
  return /^P/.test(t.value) ? 'duration' : 'calendar';
}

/**
 * Some files annotate only part of TIMEX3 (FORMATS.md: GUM has "only calendar dates/times").
 * A prediction of a class the file's gold never annotates cannot be judged either way, so
 * it is left out of the count of predictions; a file that annotates every class is scored whole.
 */
export function scoreTimex(records: readonly TimexRecord[], predict: (record: TimexRecord) => TimexPrediction[]): TimexScore {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let equal = 0;
  const annotated = new Set(records.flatMap((r) => r.timexes.map(timexClass)));
  for (const record of records) {
    const preds = predict(record).filter((p) => annotated.has(timexClass(p)));
    const matches = matchTimexes(record.timexes, preds);
    gold += record.timexes.length;
    predicted += preds.length;
    matched += matches.length;
    equal += matches.filter((m) => canonicalValue(m.gold.value) === canonicalValue(m.predicted.value)).length;
  }
  const score: TimexScore = {};
  if (gold > 0) score.extentRecall = matched / gold;
  if (predicted > 0) score.extentPrecision = matched / predicted;
  if (matched > 0) score.valueAccuracy = equal / matched;
  if (gold > 0 && predicted > 0) {
    const p = equal / predicted;
    const r = equal / gold;
    score.valueF1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  }
  return score;
}

/** TimeML annotates the two ends of a range as two expressions: score them that way. */
export function timexPredictions(expressions: readonly DatedExpression[], toRaw: (start: number, end: number) => { start: number; end: number }): TimexPrediction[] {
  return expressions.flatMap((e) =>
    (e.parts ?? [{ span: e.span, type: e.type, value: e.value }]).map((p) => ({ ...toRaw(p.span.start, p.span.end), type: p.type, value: p.value })),
  );
}

const ABBREVIATION = /(?:\b[A-Z]|\b(?:a\.m|p\.m|U\.S|U\.N|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Col|Lt|Sgt|St|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Inc|Corp|Co|Jr|vs|etc))\.$/;

/** Sentences for measurement only: lines, split after . ! ? before a capital (not after "Aug."). */
export function simpleSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ index: out.length, span: makeSpan(text, start, end), paragraph, heading: !/[.!?"”']$/.test(text.slice(start, end)) });
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    let start = lineStart;
    const re = /[.!?]["”'’)]*(?=\s*["“]?\p{Lu})/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      const end = lineStart + m.index + m[0].length;
      if (ABBREVIATION.test(text.slice(Math.max(start, end - 6 - m[0].length), lineStart + m.index + 1))) continue;
      push(start, end);
      start = end;
    }
    push(start, lineEnd);
    if (line.trim() === '') paragraph++;
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Run the dates stage alone over a record (identity cleaning, simple sentences). */
export function predictWithDatesStage(): (record: TimexRecord) => TimexPrediction[] {
  const stage = createDatesStage();
  return (record) => {
    const doc = new SitrepDocument(record.text, { id: record.id, publishedAt: record.publishedAt });
    doc.set('clean', { text: record.text, map: OffsetMap.identity(record.text.length) });
    doc.set('sentences', simpleSentences(record.text));
    const dates = stage.run(doc, {}).layers.dates as DatedExpression[];
    return timexPredictions(dates, (start, end) => ({ start, end }));
  };
}

/** The task for `sitrep eval timex`: the full pipeline, offsets mapped back to the raw text. */
export const timexTask: EvalTask = {
  name: 'timex',
  description: 'time expressions: extent and TIMEX3 value against the document creation time',
  score(records, { pipeline }: { pipeline: Pipeline }) {
    return scoreTimex(records as TimexRecord[], (record) => {
      const doc = pipeline.run(new SitrepDocument(record.text, { id: record.id, publishedAt: record.publishedAt }));
      const dates = (doc.maybe('dates') ?? []) as DatedExpression[];
      const map = doc.maybe('clean')?.map;
      return timexPredictions(dates, (s, e) => (map ? map.toRawRange(s, e) : { start: s, end: e }));
    }) as Record<string, unknown>;
  },
};

/** Standalone measurement: node dist/eval/tasks/timex.js FILE.jsonl... [--json] */
export function runStandalone(files: string[], json: boolean): EvalResult[] {
  const predict = predictWithDatesStage();
  return files.map((file) => {
    const records = readJsonl(file) as TimexRecord[];
    const result: EvalResult = { task: 'timex', dataset: basename(file).replace(/\.jsonl$/, ''), n: records.length, metrics: scoreTimex(records, predict) as Record<string, unknown> };
    console.log(json ? JSON.stringify(result) : renderMetrics(result));
    return result;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  runStandalone(args.filter((a) => !a.startsWith('--')), args.includes('--json'));
}
