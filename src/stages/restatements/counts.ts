import { claimantName, toldAsMore, type CasualtyCount, type NearDuplicateSentence, type Restatement, type Sentence } from '../../core/layers/index.js';

const fold = (s: string) => s.toLowerCase().replace(/[‘’`]/g, "'").replace(/\s+/g, ' ').trim();
const claimantOf = (c: CasualtyCount) => fold(claimantName(c) ?? '');
const sameCount = (a: CasualtyCount, b: CasualtyCount) =>
  a.kind === b.kind && a.value === b.value && a.qualifier === b.qualifier && claimantOf(a) === claimantOf(b);

/**
 * A figure given in passing, as a participle clause hung on another event
 * ("…launched an offensive, killing at least 29 people"), summarises; the
 * sentence that states it as its own fact ("At least 29 people have been killed")
 * is the statement the figure belongs to.
 */
const inPassing = (c: CasualtyCount) => /^\p{L}+ing\b/u.test(c.span.text) && !/^(?:including|during)\b/iu.test(c.span.text);

/** Rank of a mention as the figure's home: a body statement beats a passing mention beats a heading. */
function rank(c: CasualtyCount, sentences: readonly Sentence[]): number {
  if (sentences[c.sentence]?.heading) return 2;
  return inPassing(c) ? 1 : 0;
}

/**
 * Counts that restate counts of the same article:
 * - everything counted in a near-duplicate sentence;
 * - the same figure (kind, value, qualifier, claimant) in a heading or given in passing, that
 *   another sentence states as its own fact: it points at that statement (the earliest);
 * - a lone victim told in a later sentence who is part of a total stated earlier ("two civilians
 *   were killed" … "a construction worker was killed in Susa"): one of the two, not a third death.
 */
export function countRestatements(sentences: readonly Sentence[], nearDuplicates: readonly NearDuplicateSentence[], counts: readonly CasualtyCount[]): Restatement[] {
  const out: Restatement[] = [];
  const repeatOf = new Map(nearDuplicates.map((d) => [d.sentence, d.duplicateOf]));
  const byId = new Map(counts.map((c) => [c.id, c]));
  for (const c of counts) {
    const first = repeatOf.get(c.sentence);
    const original = first !== undefined ? counts.find((o) => o.sentence === first && sameCount(o, c)) : undefined;
    if (original) {
      out.push({ layer: 'counts', id: c.id, duplicateOf: original.id, reason: `sentence ${c.sentence} repeats sentence ${first}` });
      continue;
    }
    const whole = c.subsetOf !== undefined ? byId.get(c.subsetOf) : undefined;
    if (whole && whole.sentence < c.sentence) {
      out.push({ layer: 'counts', id: c.id, duplicateOf: whole.id, reason: `part of the total stated in sentence ${whole.sentence}` });
      continue;
    }
    // victims told as more are new ones, not the figure stated again
    const same = counts.filter((o) => o.sentence !== c.sentence && sameCount(o, c) && !toldAsMore(o) && !toldAsMore(c));
    if (same.length === 0) continue;
    const home = [c, ...same].sort((a, b) => rank(a, sentences) - rank(b, sentences) || a.sentence - b.sentence)[0]!;
    // two body statements of one figure may be two events: only a summary defers to a statement
    if (rank(home, sentences) >= rank(c, sentences)) continue;
    const reason = sentences[c.sentence]?.heading ? 'a heading restating the body' : `the figure stated in sentence ${home.sentence}`;
    out.push({ layer: 'counts', id: c.id, duplicateOf: home.id, reason });
  }
  return out;
}
