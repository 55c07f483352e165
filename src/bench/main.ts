import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { SitrepDocument } from '../core/document.js';
import { PACKAGE_ROOT, sharedAvailable, sharedPath } from '../core/paths.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { reconcileThroughput } from '../reconcile/bench-reconcile.js';
import { loadGazetteer } from '../services/gazetteer/index.js';
import { runServeBench } from './serve-bench.js';
import { loadBenchTexts, megabytes, type BenchText } from './texts.js';

/**
 * `npm run bench`: one run, side by side on the same real texts: the substrate
 * (wink-nlp tokenise + POS), a peer (compromise's NER), and sitrep per stage and end to
 * end. Prints a table and writes bench/results.json. Never fails on timing.
 */
const MAX_CHARS = Number(process.env.SITREP_BENCH_CHARS ?? 3_000_000);

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

function substrate(texts: BenchText[]): number {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  return time(() => {
    for (const t of texts) nlp.readDoc(t.text).tokens().out(its.pos);
  });
}

async function peerCompromise(texts: BenchText[]): Promise<number | undefined> {
  try {
    const nlp = (await import('compromise')).default as any;
    return time(() => {
      for (const t of texts) {
        const d = nlp(t.text);
        d.people().out('array');
        d.places().out('array');
        d.organizations().out('array');
      }
    });
  } catch {
    return undefined;
  }
}

function coldStartMs(): number {
  const sample = join(PACKAGE_ROOT, 'samples', 'border-shelling.txt');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'sitrep.js'), 'analyze', sample, '--json'], { encoding: 'utf8', maxBuffer: 1e8 });
  if (r.status !== 0) throw new Error(`cold start run failed: ${r.stderr}`);
  return performance.now() - t0;
}

/** Peak RSS of the pipeline alone, analysing the same texts in a child process. */
function pipelineRssMb(): number | undefined {
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'bench', 'rss-child.js'), String(MAX_CHARS)], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return (JSON.parse(r.stdout) as { peakRssMb: number }).peakRssMb;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  if (!sharedAvailable()) {
    console.log(`bench: skipped — the shared data folder ${sharedPath()} is absent (set SITREP_SHARED)`);
    return;
  }
  const texts = loadBenchTexts(MAX_CHARS);
  const mb = megabytes(texts);
  console.log(`bench: ${texts.length} real texts, ${mb.toFixed(2)} MB (from ${sharedPath()})`);

  const cold = coldStartMs();
  const gazetteerLoadMs = time(() => loadGazetteer()) * 1000;
  const pipeline = await createDefaultPipeline();
  // warm up so one-off loading is not counted as throughput
  for (const t of texts.slice(0, 20)) pipeline.run(new SitrepDocument(t.text, { publishedAt: t.publishedAt }));
  pipeline.timings.clear();

  const subSeconds = substrate(texts);
  const peerSeconds = await peerCompromise(texts);
  const e2eSeconds = time(() => {
    for (const t of texts) pipeline.run(new SitrepDocument(t.text, { publishedAt: t.publishedAt }));
  });
  const stages: Record<string, { mbPerSec: number; share: number }> = {};
  for (const [name, t] of pipeline.timings) stages[name] = { mbPerSec: round(mb / (t.ms / 1000)), share: round(t.ms / 1000 / e2eSeconds, 3) };

  const stageMs = (name: string) => pipeline.timings.get(name)?.ms ?? 0;
  const whoWhereMs = stageMs('entities') + stageMs('actors') + stageMs('geocode');
  const reconcile = await reconcileThroughput(texts, { maxArticles: Number(process.env.SITREP_BENCH_RECONCILE ?? 200) });

  const results = {
    texts: texts.length,
    megabytes: round(mb, 3),
    substrate: { name: 'wink-nlp tokenise+POS', mbPerSec: round(mb / subSeconds) },
    endToEnd: { mbPerSec: round(mb / e2eSeconds), articlesPerSec: round(texts.length / e2eSeconds, 1) },
    ratio: round(subSeconds / e2eSeconds, 3),
    coldStartMs: Math.round(cold),
    peakRssMb: pipelineRssMb(),
    benchProcessRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    stages,
    whoWhere: { stages: ['entities', 'actors', 'geocode'], mbPerSec: whoWhereMs > 0 ? round(mb / (whoWhereMs / 1000)) : null },
    gazetteerLoadMs: Math.round(gazetteerLoadMs),
    reconciliation: { articlesPerSec: round(reconcile.articlesPerSec, 1), mbPerSec: round(reconcile.mbPerSec), articles: reconcile.articles, stories: reconcile.clusters },
    peers: peerSeconds === undefined ? {} : { 'compromise-ner': { mbPerSec: round(mb / peerSeconds) } },
    node: process.version,
    at: new Date().toISOString(),
  };

  const rows: [string, string][] = [
    ['substrate (wink tokenise+POS)', `${results.substrate.mbPerSec} MB/s`],
    ...Object.entries(results.peers).map(([k, v]): [string, string] => [`peer: ${k}`, `${v.mbPerSec} MB/s`]),
    ['sitrep end to end', `${results.endToEnd.mbPerSec} MB/s, ${results.endToEnd.articlesPerSec} articles/s`],
    ['ratio end-to-end / substrate', String(results.ratio)],
    ['cold start (analyze, one article)', `${results.coldStartMs} ms`],
    ['peak RSS, pipeline alone', results.peakRssMb === undefined ? 'not measured (child failed)' : `${results.peakRssMb} MB`],
    ['peak RSS, this bench process', `${results.benchProcessRssMb} MB (with substrate, peer, reconciliation)`],
    ...Object.entries(stages).map(([k, v]): [string, string] => [`  stage ${k}`, `${v.mbPerSec} MB/s (${Math.round(v.share * 100)}% of time)`]),
    ['entities + actors + geocode', `${results.whoWhere.mbPerSec} MB/s`],
    ['gazetteer load', `${results.gazetteerLoadMs} ms`],
    ['reconciliation (story index)', `${results.reconciliation.articlesPerSec} articles/s, ${results.reconciliation.mbPerSec} MB/s over ${reconcile.articles} stored articles`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(36)} ${v}`);
  // serving: ingest articles/s into SQLite and PostgreSQL, and API latency over 100k events
  const serve = process.env.SITREP_BENCH_SERVE === '0' ? { skipped: 'SITREP_BENCH_SERVE=0' } : await runServeBench();
  mkdirSync(join(PACKAGE_ROOT, 'bench'), { recursive: true });
  writeFileSync(join(PACKAGE_ROOT, 'bench', 'results.json'), `${JSON.stringify({ ...results, serve }, null, 2)}\n`);
  console.log('written: bench/results.json');
}

await main();
