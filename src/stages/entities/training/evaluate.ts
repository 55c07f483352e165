/**
 * `npm run train:ner -- --eval-only` and the end of training: dev P/R/F1 of both passes on gold
 * tokens, robustness to re-cased headlines, the raw-text path as the pipeline uses it, and speed.
 */
import { labelsToSpans } from '../tagger/labels.js';
import { loadNerTagger, recogniseEntitiesInText } from '../tagger/index.js';
import { readNerRecords, scoreNer, formatNerScore, NerPrediction } from '../../../eval/tasks/ner.js';
import { recordToDoc, titleCaseSentence, upperCaseSentence } from './documents.js';

export function evaluate(modelPath: string, devFile: string): void {
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
  console.log('\ndev (conllpp.jsonl), gold tokens, pass 1 only:');
  console.log(formatNerScore(s1));
  console.log('\ndev (conllpp.jsonl), gold tokens, pass 2 (final):');
  console.log(formatNerScore(s2));

  // the raw-text path, as the pipeline uses it (tokenizer + tagger)
  const fromRawText = (t: string) => recogniseEntitiesInText(tagger, t).map((e) => ({ start: e.start, end: e.end, type: e.label }));

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
    const sc = scoreNer(recased, fromRawText);
    console.log(`dev with ${name} headlines: P=${(100 * sc.precision).toFixed(2)} R=${(100 * sc.recall).toFixed(2)} F1=${(100 * sc.f1).toFixed(2)}`);
  }

  // raw text path, as the pipeline uses it
  const tr = Date.now();
  const s3 = scoreNer(dev, fromRawText);
  const rawMs = Date.now() - tr;
  console.log('\ndev (conllpp.jsonl), recogniseEntitiesInText on raw text (tokenizer + tagger):');
  console.log(formatNerScore(s3));

  // speed: tagging only, warm
  const sents = dev.map((r) => recordToDoc({ ...r, entities: [] }).sentences);
  for (const d of sents) tagger.tagDocument(d);
  const ts = process.hrtime.bigint();
  const reps = 3;
  for (let k = 0; k < reps; k++) for (const d of sents) tagger.tagDocument(d);
  const secs = Number(process.hrtime.bigint() - ts) / 1e9;
  console.log(
    `\nmodel load ${loadMs} ms; tagging ${Math.round((reps * devTokens) / secs)} tokens/s ` +
      `(${((reps * devChars) / secs / 1e6).toFixed(2)} MB/s); raw-text path incl. tokenizer and scoring ` +
      `${((devChars / (rawMs / 1000)) / 1e6).toFixed(2)} MB/s`,
  );
}
