import { claimantName, toldAsMore, type BackgroundMark, type CasualtyCount, type CountKind, type CountTally, type Restatement, type TallyClaim } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadVictimGroups, type VictimGroups } from './victim-groups.js';

export { loadVictimGroups, type VictimGroups } from './victim-groups.js';

/** Kinds that tally together: an evacuation is a displacement. */
const TALLY_KIND: Partial<Record<CountKind, CountKind>> = { evacuated: 'displaced' };
const SOFT = new Set(['approximately', 'up_to', 'less_than']);

function claim(c: CasualtyCount): TallyClaim {
  return { countId: c.id, value: c.value, qualifier: c.qualifier, claimant: claimantName(c), span: c.span };
}

/**
 * Reconcile claims about the same deaths (or injuries...). The largest single claim is the
 * headline figure; smaller claims from other sentences are often parts of it (27
 * claimed by one side plus 2 by the other = "at least 29"). When the parts add up to
 * more than the largest claim, the sum becomes the high estimate, not the best one.
 */
function reconcile(counts: CasualtyCount[]): { low: number; best: number; high: number } {
  const largest = Math.max(...counts.map((c) => c.value));
  const firm = counts.filter((c) => !SOFT.has(c.qualifier)).map((c) => c.value);
  const partsSum = counts.filter((c) => c.value < largest).reduce((n, c) => n + c.value, 0);
  const low = firm.length ? Math.max(...firm) : Math.min(...counts.map((c) => c.value));
  const high = Math.max(largest, partsSum, ...counts.filter((c) => c.qualifier === 'up_to').map((c) => c.value));
  return { low: Math.min(low, largest), best: largest, high };
}

/**
 * One kind's tally inside one article. When every figure names its victims' side and there
 * are several sides ("killed 23 Afghan soldiers", "twenty insurgents were killed"), the
 * figures count different people: each side is reconciled on its own and the sides add up.
 * A figure for people of no named side may include any of the others, so then all figures
 * are competing claims about one toll. A figure told as more victims ("was also killed", "were
 * wounded too") adds to the rest.
 */
export function tallyKind(kind: CountKind, counts: CasualtyCount[], groups?: VictimGroups): CountTally {
  const claims = counts.map(claim);
  // "a local commander was also killed": more victims on top of those counted before
  const more = counts.filter(toldAsMore);
  const rest = sentenceLists(counts.filter((c) => !more.includes(c)), groups);
  const parts = [...(rest.length ? bySides(rest, groups) : []), ...more.map((c) => reconcile([c]))];
  const sum = (k: 'low' | 'best' | 'high') => parts.reduce((n, s) => n + s[k], 0);
  return { kind, low: sum('low'), best: sum('best'), high: sum('high'), claims };
}

/**
 * "five women, a girl and two men were injured": figures for different victims in one sentence,
 * on one side and from one source, are one list of people, not rival claims; they stand as
 * their sum.
 */
function sentenceLists(counts: CasualtyCount[], groups?: VictimGroups): CasualtyCount[] {
  const key = (c: CasualtyCount) => `${c.sentence}\u0000${claimantName(c) ?? ''}`;
  const lists = new Map<string, CasualtyCount[]>();
  for (const c of counts) lists.set(key(c), [...(lists.get(key(c)) ?? []), c]);
  const out: CasualtyCount[] = [];
  for (const list of lists.values()) {
    const sides = new Set(list.map((c) => groups?.groupOf(c.who)));
    // every member names its own victims, and none is a toll or total that holds the others ("bringing the death toll to 10")
    const distinctVictims = list.every((c) => c.whoSpan && !/\b(?:toll|total|bringing)\b/i.test(c.span.text)) && new Set(list.map((c) => c.who.toLowerCase())).size === list.length;
    // known, different sides are added up side by side already (bySides)
    const differentKnownSides = sides.size > 1 && !sides.has(undefined);
    if (list.length < 2 || !distinctVictims || differentKnownSides) {
      out.push(...list);
      continue;
    }
    out.push({ ...list[0]!, value: list.reduce((n, c) => n + c.value, 0), who: sides.size === 1 ? list[0]!.who : 'people' });
  }
  return out;
}

function bySides(counts: CasualtyCount[], groups?: VictimGroups): { low: number; best: number; high: number }[] {
  const bySide = new Map<string, CasualtyCount[]>();
  for (const c of counts) {
    const side = groups?.groupOf(c.who);
    if (side === undefined) return [reconcile(counts)];
    bySide.set(side, [...(bySide.get(side) ?? []), c]);
  }
  return [...bySide.values()].map((side) => rivalAccounts(side) ?? reconcile(side));
}

/**
 * "At least 17 soldiers were killed, the army said" and "its fighters killed 35 soldiers, the
 * group said": firm figures for the same side from different named sources are rival accounts
 * of the same deaths, not parts of the larger one. The range runs from the smallest account to
 * the largest, and the best estimate is the conservative one, as ACLED codes it.
 */
function rivalAccounts(side: CasualtyCount[]): { low: number; best: number; high: number } | undefined {
  const bySource = new Map<string, number>();
  for (const c of side) {
    const source = claimantName(c);
    if (source === null || SOFT.has(c.qualifier)) continue;
    bySource.set(source, Math.max(bySource.get(source) ?? 0, c.value));
  }
  if (bySource.size < 2) return undefined;
  const accounts = [...bySource.values()];
  const low = Math.min(...accounts);
  return { low, best: low, high: Math.max(...side.map((c) => c.value)) };
}

export function tallyCounts(counts: readonly CasualtyCount[], restatements: readonly Restatement[], background: readonly BackgroundMark[], groups?: VictimGroups): CountTally[] {
  const restated = new Set(restatements.filter((r) => r.layer === 'counts').map((r) => r.id));
  const past = new Set(background.map((b) => b.sentence));
  const byKind = new Map<CountKind, CasualtyCount[]>();
  for (const c of counts) {
    // restatements are the same claim again; subsets are inside another count; history is not today's toll
    if (restated.has(c.id) || c.subsetOf || past.has(c.sentence)) continue;
    const kind = TALLY_KIND[c.kind] ?? c.kind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), c]);
  }
  return [...byKind].map(([kind, list]) => tallyKind(kind, list, groups));
}

export function createTallyStage(groups: VictimGroups = loadVictimGroups()): Stage {
  return {
    name: 'tallies',
    // 4: rival accounts of one side's deaths from different sources range from the smallest to the largest
    version: `4.${groups.version}`,
    requires: ['counts', 'restatements', 'background'],
    provides: ['tallies'],
    run(doc) {
      return { layers: { tallies: tallyCounts(doc.get('counts'), doc.get('restatements'), doc.get('background'), groups) } };
    },
  };
}
