import type { BackgroundMark, CasualtyCount, CountKind, CountTally, Restatement, TallyClaim } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';

/** Kinds that tally together: an evacuation is a displacement. */
const TALLY_KIND: Partial<Record<CountKind, CountKind>> = { evacuated: 'displaced' };
const SOFT = new Set(['approximately', 'up_to', 'less_than']);

function claim(c: CasualtyCount): TallyClaim {
  return { countId: c.id, value: c.value, qualifier: c.qualifier, claimant: c.claimant ? (c.claimant.name ?? c.claimant.span.text) : null, span: c.span };
}

/**
 * Reconcile one kind's claims inside one article. The largest single claim is the
 * headline figure; smaller claims from other sentences are often parts of it (27
 * claimed by one side plus 2 by the other = "at least 29"). When the parts add up to
 * more than the largest claim, the sum becomes the high estimate, not the best one.
 */
export function tallyKind(kind: CountKind, counts: CasualtyCount[]): CountTally {
  const claims = counts.map(claim);
  const largest = Math.max(...counts.map((c) => c.value));
  const firm = counts.filter((c) => !SOFT.has(c.qualifier)).map((c) => c.value);
  const parts = counts.filter((c) => c.value < largest);
  const partsSum = parts.reduce((n, c) => n + c.value, 0);
  const low = firm.length ? Math.max(...firm) : Math.min(...counts.map((c) => c.value));
  const best = largest;
  const high = Math.max(largest, partsSum, ...counts.filter((c) => c.qualifier === 'up_to').map((c) => c.value));
  return { kind, low: Math.min(low, best), best, high, claims };
}

export function tallyCounts(counts: readonly CasualtyCount[], restatements: readonly Restatement[], background: readonly BackgroundMark[]): CountTally[] {
  const restated = new Set(restatements.filter((r) => r.layer === 'counts').map((r) => r.id));
  const past = new Set(background.map((b) => b.sentence));
  const byKind = new Map<CountKind, CasualtyCount[]>();
  for (const c of counts) {
    // restatements are the same claim again; subsets are inside another count; history is not today's toll
    if (restated.has(c.id) || c.subsetOf || past.has(c.sentence)) continue;
    const kind = TALLY_KIND[c.kind] ?? c.kind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), c]);
  }
  return [...byKind].map(([kind, list]) => tallyKind(kind, list));
}

export function createTallyStage(): Stage {
  return {
    name: 'tallies',
    version: '1',
    requires: ['counts', 'restatements', 'background'],
    provides: ['tallies'],
    run(doc) {
      return { layers: { tallies: tallyCounts(doc.get('counts'), doc.get('restatements'), doc.get('background')) } };
    },
  };
}
