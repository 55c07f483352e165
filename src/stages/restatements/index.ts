import type { CasualtyCount, NearDuplicateSentence, Quote, Restatement, Sentence } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';

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

const claimantOf = (c: CasualtyCount) => (c.claimant ? fold(c.claimant.name ?? c.claimant.span.text) : '');
const sameCount = (a: CasualtyCount, b: CasualtyCount) =>
  a.kind === b.kind && a.value === b.value && a.qualifier === b.qualifier && claimantOf(a) === claimantOf(b);

/**
 * Facts that restate earlier facts of the same article: everything in a sentence
 * flagged as a near-duplicate of an earlier one, and the count in a headline or
 * subheading that the body states again ("At least 29 dead" then "At least 29 people
 * have been killed"). The restated fact points at the fact it repeats.
 */
export function findRestatements(sentences: readonly Sentence[], nearDuplicates: readonly NearDuplicateSentence[], quotes: readonly Quote[], counts: readonly CasualtyCount[]): Restatement[] {
  const out: Restatement[] = [];
  const repeatOf = new Map(nearDuplicates.map((d) => [d.sentence, d.duplicateOf]));
  for (const q of quotes) {
    const first = repeatOf.get(q.sentence);
    if (first === undefined) continue;
    const originals = quotes.filter((o) => o.sentence === first);
    const repeats = quotes.filter((o) => o.sentence === q.sentence);
    // the same sentence again: its k-th quote repeats the k-th quote, even with a word changed
    const original = originals.length === repeats.length ? originals[repeats.indexOf(q)] : originals.find((o) => sameQuote(o, q));
    if (original) out.push({ layer: 'quotes', id: q.id, duplicateOf: original.id, reason: `sentence ${q.sentence} repeats sentence ${first}` });
  }
  for (const c of counts) {
    const first = repeatOf.get(c.sentence);
    const original = first !== undefined ? counts.find((o) => o.sentence === first && sameCount(o, c)) : undefined;
    if (original) {
      out.push({ layer: 'counts', id: c.id, duplicateOf: original.id, reason: `sentence ${c.sentence} repeats sentence ${first}` });
      continue;
    }
    // a heading's figure restates the body's (the body usually says who claims it)
    if (sentences[c.sentence]?.heading) {
      const body = counts.find((o) => o !== c && !sentences[o.sentence]?.heading && o.kind === c.kind && o.value === c.value && o.qualifier === c.qualifier);
      if (body) out.push({ layer: 'counts', id: c.id, duplicateOf: body.id, reason: 'a heading restating the body' });
    }
  }
  return out;
}

export function createRestatementStage(): Stage {
  return {
    name: 'restatements',
    version: '1',
    requires: ['sentences', 'nearDuplicates', 'quotes', 'counts'],
    provides: ['restatements'],
    run(doc) {
      return { layers: { restatements: findRestatements(doc.get('sentences'), doc.get('nearDuplicates'), doc.get('quotes'), doc.get('counts')) } };
    },
  };
}
