/**
 * Training documents: a space-tokenised NER record split into sentences with BILOU gold labels,
 * and the headline re-casing that teaches the tagger not to trust capitalisation in Title Cased
 * or UPPER CASED headlines (used for augmentation in training and for the robustness check).
 */
import { mulberry32 } from '../tagger/clusters.js';
import { NerSpanByToken, spansToLabels, NER_TYPES } from '../tagger/labels.js';
import type { NerRecord } from '../../../eval/tasks/ner.js';

export interface TrainDoc {
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
  if (dropped) console.log(`warning: ${rec.id}: ${dropped} entities not aligned to tokens`);
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

/**
 * Case augmentation: news headlines are often Title Cased or UPPER CASED; re-case the headline
 * of some documents in place (same labels) so the model learns not to trust capitalisation
 * there and to use the document's body instead. Returns how many of each were made.
 */
export function recaseHeadlines(docs: TrainDoc[], seed: number): { title: number; upper: number } {
  const ra = mulberry32(seed ^ 0x1234567);
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
  return { title: t, upper: u };
}
