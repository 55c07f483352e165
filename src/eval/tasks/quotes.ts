/**
 * `sitrep eval quotes FILE.jsonl` (shared/eval/FORMATS.md, "quotes"): a gold quote is
 * found when one predicted quote covers ≥50% of its length; precision per predicted
 * class leaves out predictions that find only gold quotes of the other class; speaker
 * accuracy over found quotes with a gold speaker, by span overlap or text match.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SitrepDocument } from '../../core/document.js';
import { attributedSpeech } from '../../core/layers/index.js';
import { OffsetMap } from '../../core/offset-map.js';
import type { Stage } from '../../pipeline/stage.js';

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
export interface QuotesRecord {
  id: string;
  text: string;
  publishedAt?: string;
  quotes: { start: number; end: number; text: string; direct: boolean; speaker: GoldSpan | null; cue: GoldSpan | null }[];
}
export interface PredictedQuote {
  start: number;
  end: number;
  direct: boolean;
  speaker: GoldSpan | null;
}
export interface ClassScore {
  recall: number;
  precision: number;
  speakerAccuracy: number;
  gold: number;
  predicted: number;
}

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
const lastToken = (s: string) => norm(s).replace(/[^\p{L}\p{N}' ]/gu, '').split(' ').pop() ?? '';

export function speakerMatches(pred: GoldSpan | null, gold: GoldSpan): boolean {
  if (!pred) return false;
  if (pred.start < gold.end && gold.start < pred.end) return true;
  const a = norm(pred.text);
  const b = norm(gold.text);
  if (!a || !b) return false;
  return a.includes(b) || b.includes(a) || lastToken(a) === lastToken(b);
}

function covered(p: { start: number; end: number }, g: { start: number; end: number }): number {
  const len = g.end - g.start;
  if (len <= 0) return 0;
  return Math.max(0, Math.min(p.end, g.end) - Math.max(p.start, g.start)) / len;
}

export function scoreQuotes(records: Iterable<QuotesRecord>, predict: (r: QuotesRecord) => PredictedQuote[]): { direct: ClassScore; indirect: ClassScore } {
  const c = {
    direct: { gold: 0, found: 0, pred: 0, predHit: 0, predOther: 0, spkN: 0, spkOk: 0 },
    indirect: { gold: 0, found: 0, pred: 0, predHit: 0, predOther: 0, spkN: 0, spkOk: 0 },
  };
  for (const r of records) {
    const preds = predict(r);
    for (const g of r.quotes) {
      const k = g.direct ? c.direct : c.indirect;
      k.gold++;
      let best: PredictedQuote | undefined;
      let bestCover = 0;
      for (const p of preds) {
        const cov = covered(p, g);
        if (cov >= 0.5 && cov > bestCover) {
          best = p;
          bestCover = cov;
        }
      }
      if (!best) continue;
      k.found++;
      if (g.speaker) {
        k.spkN++;
        if (speakerMatches(best.speaker, g.speaker)) k.spkOk++;
      }
    }
    for (const p of preds) {
      const k = p.direct ? c.direct : c.indirect;
      k.pred++;
      const finds = r.quotes.filter((g) => covered(p, g) >= 0.5);
      if (finds.some((g) => g.direct === p.direct)) k.predHit++;
      else if (finds.length > 0) k.predOther++;
    }
  }
  const out = (k: typeof c.direct): ClassScore => ({
    recall: k.gold ? k.found / k.gold : 0,
    precision: k.pred - k.predOther > 0 ? k.predHit / (k.pred - k.predOther) : 0,
    speakerAccuracy: k.spkN ? k.spkOk / k.spkN : 0,
    gold: k.gold,
    predicted: k.pred,
  });
  return { direct: out(c.direct), indirect: out(c.indirect) };
}

export function readQuotesJsonl(path: string): QuotesRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as QuotesRecord);
}

/**
 * Predictions from the quotes stage. The document gets the real segment stage and,
 * when given, the entities and actors stages; otherwise those layers are empty.
 */
export function quotesPredictor(stages: { segment: Stage; quotes: Stage; entities?: Stage; actors?: Stage }): (r: QuotesRecord) => PredictedQuote[] {
  return (r) => {
    const doc = new SitrepDocument(r.text, r.publishedAt ? { publishedAt: r.publishedAt } : {});
    doc.set('clean', { text: r.text, map: OffsetMap.identity(r.text.length) });
    const run = (s: Stage) => {
      const out = s.run(doc, {});
      for (const [name, value] of Object.entries(out.layers)) if (!doc.has(name as never)) doc.set(name as never, value as never);
    };
    run(stages.segment);
    if (stages.entities) run(stages.entities);
    if (!doc.has('entities')) doc.set('entities', []);
    if (stages.actors) run(stages.actors);
    if (!doc.has('actors')) doc.set('actors', []);
    run(stages.quotes);
    return attributedSpeech({ quotes: doc.get('quotes'), statements: doc.maybe('statements') }).map((q) => ({
      start: q.span.start,
      end: q.span.end,
      direct: q.direct,
      speaker: q.speaker ? { start: q.speaker.span.start, end: q.speaker.span.end, text: q.speaker.span.text } : null,
    }));
  };
}

/** node dist/eval/tasks/quotes.js FILE.jsonl [--limit N] */
async function main(argv: string[]): Promise<void> {
  const file = argv[0];
  if (!file) throw new Error('usage: quotes.js FILE.jsonl [--limit N]');
  const li = argv.indexOf('--limit');
  let records = readQuotesJsonl(file);
  if (li >= 0) records = records.slice(0, Number(argv[li + 1]));
  const { createSegmentStage } = await import('../../stages/segment/index.js');
  const { createQuotesStage } = await import('../../stages/quotes/index.js');
  const t0 = Date.now();
  const score = scoreQuotes(records, quotesPredictor({ segment: createSegmentStage(), quotes: createQuotesStage() }));
  console.log(JSON.stringify({ records: records.length, seconds: (Date.now() - t0) / 1000, ...score }, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
