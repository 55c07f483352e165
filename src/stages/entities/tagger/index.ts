/**
 * Named-entity tagger: averaged perceptron, BILOU labels, first-order Viterbi, word clusters,
 * gazetteers and two-pass document features. See train.ts (npm run train:ner) for training.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NUM_LABELS, labelsToSpans, labelOf, posOf, O, POS_B, POS_I, POS_L, POS_U } from './labels.js';
import type { NerLabel, NerSpanByToken } from './labels.js';
import { NerModel } from './model.js';
import { FeatureExtractor, DocFeatures } from './features.js';
import { BOS_WORD, EOS_WORD, WordInfo } from './word-info.js';
import { CAP_INIT } from './word-shape.js';
import { viterbi } from './viterbi.js';
import { tokenizeText } from './tokenize.js';

export type { NerLabel, NerSpanByToken } from './labels.js';
export { tokenizeText } from './tokenize.js';

export interface TaggedToken {
  text: string;
}

export interface NerTagger {
  /** tag a document given as sentences of tokens; returns entity spans per sentence */
  tagDocument(sentences: string[][]): NerSpanByToken[][];
}

const L = NUM_LABELS;
const L2 = 2 * NUM_LABELS;
/** arena entries per word: five segments of both passes' weights */
const SUMS = 5 * L2;
/** words whose sums are kept before the arena starts afresh (about 34 MB) */
const ARENA_WORDS = 50_000;

/** repository-level data folder (data/ner), resolved from dist/stages/entities/tagger/ */
export function defaultNerDataDir(): string {
  return fileURLToPath(new URL('../../../../data/ner/', import.meta.url));
}

export function defaultModelPath(): string {
  return join(defaultNerDataDir(), 'model.bin.gz');
}

export class PerceptronNerTagger implements NerTagger {
  private emit = new Float32Array(1024 * L);
  private acc = new Int32Array(2 * L);
  private emit2 = new Float32Array(1024 * L);
  /** the words' summed weights (see wordSums), valid for words stamped with the current generation */
  private arena = new Int32Array(4096 * SUMS);
  private arenaUsed = 0;
  private generation: object = {};
  private sumsAt = new Int32Array(1024);

  private readonly resolve: (h: number) => number;

  constructor(
    readonly model: NerModel,
    readonly features: FeatureExtractor,
  ) {
    this.resolve = (h: number) => model.lookup(h);
  }

  private ensure(n: number): void {
    if (this.emit.length < n * L) {
      this.emit = new Float32Array(n * L * 2);
      this.emit2 = new Float32Array(n * L * 2);
    }
  }

  /** both passes' labels for a document, flattened over its tokens */
  labelDocument(sentences: string[][]): { doc: DocFeatures; pass1: Uint8Array; pass2: Uint8Array } {
    const doc = this.features.extractDocument(sentences, this.resolve, true);
    const n = doc.n;
    this.ensure(n);
    const model = this.model;
    const emit = this.emit;
    const emit2 = this.emit2;
    const pass1 = new Uint8Array(n);
    this.scoreBoth(doc, emit, emit2);
    for (let s = 0; s + 1 < doc.sentStart.length; s++) {
      const a = doc.sentStart[s];
      viterbi(emit, a * L, doc.sentStart[s + 1] - a, model.t1, pass1, a);
    }
    const pf = this.features.predictionFeatures(doc, pass1);
    this.addExtra(pf, emit2);
    const pass2 = new Uint8Array(n);
    for (let s = 0; s + 1 < doc.sentStart.length; s++) {
      const a = doc.sentStart[s];
      viterbi(emit2, a * L, doc.sentStart[s + 1] - a, model.t2, pass2, a);
      joinNameParticles(doc, pass2, a, doc.sentStart[s + 1]);
    }
    return { doc, pass1, pass2 };
  }

  /**
   * Where a word's summed weights sit in the arena: 5 segments of 2L (its own features, then
   * its features as the neighbour at -2, -1, +1, +2), computed once per word. One arena
   * instead of an array per word keeps new words from costing an allocation each.
   */
  private wordSums(wi: WordInfo): number {
    if (wi.sumsOwner === this.generation) return wi.sumsAt;
    const at = this.arenaUsed;
    if (at + SUMS > this.arena.length) {
      const grown = new Int32Array(this.arena.length * 2);
      grown.set(this.arena.subarray(0, at));
      this.arena = grown;
    }
    const sums = this.arena;
    sums.fill(0, at, at + SUMS);
    const w = this.model.w;
    const model = this.model;
    for (let seg = 0; seg < 5; seg++) {
      const feats = seg === 0 ? wi.feats : wi.ctx[seg - 1]!;
      const so = at + seg * L2;
      for (let k = 0; k < feats.length; k++) {
        const r = model.lookup(feats[k]);
        if (r < 0) continue;
        const o = r * L2;
        for (let l = 0; l < L2; l++) sums[so + l] += w[o + l];
      }
    }
    this.arenaUsed = at + SUMS;
    wi.sumsAt = at;
    wi.sumsOwner = this.generation;
    return at;
  }

  /** start the arena afresh between documents once it holds many words (the word cache is bounded too) */
  private trimArena(): void {
    if (this.arenaUsed < ARENA_WORDS * SUMS) return;
    this.arenaUsed = 0;
    this.generation = {};
  }

  /** pass-1 emissions into emit1 and pass-2 emissions from the base features into emit2 */
  private scoreBoth(doc: DocFeatures, emit1: Float32Array, emit2: Float32Array): void {
    const fs = doc.featStart;
    const w = this.model.w;
    const acc = this.acc;
    const rows = doc.rows;
    const words = doc.words;
    const s1 = this.model.header.scale1;
    const s2 = this.model.header.scale2;
    this.trimArena();
    const bos = this.wordSums(BOS_WORD);
    const eos = this.wordSums(EOS_WORD);
    // each word's place in the arena, looked up once per position: [bos, bos, words..., eos, eos]
    let at = this.sumsAt;
    for (let s = 0; s + 1 < doc.sentStart.length; s++) {
      const a = doc.sentStart[s];
      const b = doc.sentStart[s + 1];
      if (at.length < b - a + 4) at = this.sumsAt = new Int32Array(2 * (b - a) + 4);
      at[0] = at[1] = bos;
      for (let i = a; i < b; i++) at[i - a + 2] = this.wordSums(words[i]);
      at[b - a + 2] = at[b - a + 3] = eos;
      const sums = this.arena; // read after the sums above, which may have grown it
      for (let i = a; i < b; i++) {
        const j = i - a + 2;
        const own = at[j];
        const m2 = at[j - 2] + L2;
        const m1 = at[j - 1] + 2 * L2;
        const p1 = at[j + 1] + 3 * L2;
        const p2 = at[j + 2] + 4 * L2;
        for (let l = 0; l < L2; l++) {
          acc[l] = sums[own + l] + sums[m2 + l] + sums[m1 + l] + sums[p1 + l] + sums[p2 + l];
        }
        for (let k = fs[i]; k < fs[i + 1]; k++) {
          const o = rows[k] * L2;
          for (let l = 0; l < L2; l++) acc[l] += w[o + l];
        }
        const o = i * L;
        for (let l = 0; l < L; l++) {
          emit1[o + l] = acc[l] * s1;
          emit2[o + l] = acc[L + l] * s2;
        }
      }
    }
  }

  /** add the pass-2 weights of the first-pass document features */
  private addExtra(extra: { feats: Uint32Array; start: Int32Array }, emit2: Float32Array): void {
    const w = this.model.w;
    const s2 = this.model.header.scale2;
    const n = extra.start.length - 1;
    for (let i = 0; i < n; i++) {
      for (let k = extra.start[i]; k < extra.start[i + 1]; k++) {
        const r = this.model.lookup(extra.feats[k]);
        if (r < 0) continue;
        const o = r * L2 + L;
        const e = i * L;
        for (let l = 0; l < L; l++) emit2[e + l] += w[o + l] * s2;
      }
    }
  }

  tagDocument(sentences: string[][]): NerSpanByToken[][] {
    if (sentences.length === 0) return [];
    const { doc, pass2 } = this.labelDocument(sentences);
    const out: NerSpanByToken[][] = [];
    for (let s = 0; s < sentences.length; s++) {
      const a = doc.sentStart[s];
      out.push(labelsToSpans(pass2.subarray(a, doc.sentStart[s + 1])));
    }
    return out;
  }
}

const B_PER = labelOf(0, POS_B);
const I_PER = labelOf(0, POS_I);
const L_PER = labelOf(0, POS_L);
const U_PER = labelOf(0, POS_U);
/** Arabic article glued to a name: al-Assad, el-Sisi, ash-Shara */
const ARTICLE_NAME = /^(?:al|el|as|ash|ad|at|az|ar|an|ul)-\p{Lu}/u;
/** lower-case particles inside person names */
const NAME_PARTICLES = new Set(['bin', 'ibn', 'bint', 'ben', 'van', 'von', 'de', 'da', 'di', 'dos', 'das', 'del', 'der']);

/**
 * Person names with lower-case particles are rare in the training data; join them when the
 * model splits them: "Abdel Fattah" + "el-Sisi", "Hamdan" + "bin" + "Mohammed ...".
 */
function joinNameParticles(doc: DocFeatures, labels: Uint8Array, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    const prev = labels[i - 1];
    if (prev !== L_PER && prev !== U_PER) continue;
    const w = doc.words[i];
    if (ARTICLE_NAME.test(w.norm) && (labels[i] === O || posOf(labels[i]) === POS_U)) {
      labels[i - 1] = prev === U_PER ? B_PER : I_PER;
      labels[i] = L_PER;
    } else if (NAME_PARTICLES.has(w.norm) && labels[i] === O && i + 1 < b) {
      const next = labels[i + 1];
      const np = posOf(next);
      const bin = w.norm === 'bin' || w.norm === 'ibn' || w.norm === 'bint';
      if (next === U_PER || next === B_PER || np === POS_U || (bin && next === O && doc.words[i + 1].cap === CAP_INIT)) {
        labels[i - 1] = prev === U_PER ? B_PER : I_PER;
        labels[i] = I_PER;
        labels[i + 1] = next === B_PER ? I_PER : L_PER;
      }
    }
  }
}

/**
 * Load the tagger (default: data/ner/model.bin.gz; loaded once per path and shared). The model
 * file is self-contained: word clusters and gazetteers are baked in at training time.
 */
export function loadNerTagger(modelPath?: string): NerTagger & PerceptronNerTagger {
  const path = modelPath ?? defaultModelPath();
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    throw new Error(`NER model not found at ${path}: run \`npm run train:ner\` to build it`);
  }
  const model = NerModel.load(path);
  const tagger = new PerceptronNerTagger(model, new FeatureExtractor(model.clusters, model.gazetteer));
  loaded.set(path, tagger);
  return tagger;
}

/** taggers are synchronous and stateless between calls, so one instance per model file is shared */
const loaded = new Map<string, PerceptronNerTagger>();

export interface CharSpan {
  start: number;
  end: number;
  label: NerLabel;
}

/**
 * Recognise entities in raw text: sentences by "\n" (and sentence-final punctuation inside a
 * line), tokens by the regex tokenizer. Returns half-open UTF-16 character offsets into `text`.
 */
export function recogniseEntitiesInText(tagger: NerTagger, text: string): CharSpan[] {
  const sents = tokenizeText(text);
  if (sents.length === 0) return [];
  const tagged = tagger.tagDocument(sents.map((s) => s.tokens));
  const out: CharSpan[] = [];
  for (let s = 0; s < sents.length; s++) {
    const st = sents[s];
    for (const sp of tagged[s]) {
      out.push({ start: st.starts[sp.startToken], end: st.ends[sp.endToken - 1], label: sp.label });
    }
  }
  return out;
}
