import type { CasualtyCount, NearDuplicateSentence, Quote, Restatement, Sentence } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { countRestatements } from './counts.js';

const fold = (s: string) => s.toLowerCase().replace(/[“”„«»"]/g, '"').replace(/[‘’`]/g, "'").replace(/\s+/g, ' ').trim();

/** Two quotes say the same when their words mostly coincide (a word or two changed). */
function sameQuote(a: Quote, b: Quote): boolean {
  const wa = new Set(fold(a.span.text).split(/\W+/).filter(Boolean));
  const wb = new Set(fold(b.span.text).split(/\W+/).filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return false;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(wa.size, wb.size) >= 0.5;
}

/**
 * Facts that restate earlier facts of the same article: everything in a sentence
 * flagged as a near-duplicate of an earlier one, and counts said again or told in
 * part (see counts.ts). The restated fact points at the fact it repeats.
 */
export function findRestatements(sentences: readonly Sentence[], nearDuplicates: readonly NearDuplicateSentence[], quotes: readonly Quote[], counts: readonly CasualtyCount[], statements: readonly Quote[] = []): Restatement[] {
  const repeatOf = new Map(nearDuplicates.map((d) => [d.sentence, d.duplicateOf]));
  const out = [...speechRestatements('quotes', quotes, repeatOf), ...speechRestatements('statements', statements, repeatOf)];
  out.push(...countRestatements(sentences, nearDuplicates, counts));
  return out;
}

/** Quotes (or statements) of a repeated sentence restate those of the sentence it repeats. */
function speechRestatements(layer: 'quotes' | 'statements', quotes: readonly Quote[], repeatOf: ReadonlyMap<number, number>): Restatement[] {
  const out: Restatement[] = [];
  for (const q of quotes) {
    const first = repeatOf.get(q.sentence);
    if (first === undefined) continue;
    const originals = quotes.filter((o) => o.sentence === first);
    const repeats = quotes.filter((o) => o.sentence === q.sentence);
    // the same sentence again: its k-th quote repeats the k-th quote, even with a word changed
    const original = originals.length === repeats.length ? originals[repeats.indexOf(q)] : originals.find((o) => sameQuote(o, q));
    if (original) out.push({ layer, id: q.id, duplicateOf: original.id, reason: `sentence ${q.sentence} repeats sentence ${first}` });
  }
  return out;
}

export function createRestatementStage(): Stage {
  return {
    name: 'restatements',
    version: '4',
    requires: ['sentences', 'nearDuplicates', 'quotes', 'statements', 'counts'],
    provides: ['restatements'],
    run(doc) {
      return { layers: { restatements: findRestatements(doc.get('sentences'), doc.get('nearDuplicates'), doc.get('quotes'), doc.get('counts'), doc.get('statements')) } };
    },
  };
}
