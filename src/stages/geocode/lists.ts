import type { RankedCandidate } from './rank.js';

/** how far below the top a division reading may score and still win by its list */
const LIST_MARGIN = 4;

/**
 * "cases in Texas, Kansas, New York and Ohio": a name listed among first-level divisions of
 * one country is that country's division too ("New York" the state, "Washington" the
 * state, not the cities). Takes each mention's group, how each mention joins the next
 * ('comma' / 'and' when listed, else undefined) and each group's ranked candidates; returns
 * the ranked lists with the division moved to the top where the list says so.
 */
export function preferListedDivisions(mentionGroup: readonly number[], listGaps: readonly (string | undefined)[], ranked: readonly RankedCandidate[][]): RankedCandidate[][] {
  const out = ranked.map((r) => [...r]);
  const moved = new Set<number>();
  const listy = (k: string | undefined) => k === 'comma' || k === 'and';
  mentionGroup.forEach((g, i) => {
    if (moved.has(g)) return;
    const neighbours: number[] = [];
    if (i > 0 && listy(listGaps[i - 1])) neighbours.push(mentionGroup[i - 1]!);
    if (i + 1 < mentionGroup.length && listy(listGaps[i])) neighbours.push(mentionGroup[i + 1]!);
    const tops = neighbours.map((n) => ranked[n]![0]?.entry);
    const divisions = tops.filter((e) => e?.featureCode === 'ADM1' && e.match !== 'short');
    // "New York City, Long Island, New York, Pennsylvania": an island or a region beside it does not break the list
    if (!divisions.length || tops.some((e) => !e || e.featureClass === 'P')) return;
    const list = out[g]!;
    const top = list[0];
    if (!top || top.entry.featureCode === 'ADM1') return;
    const country = divisions[0]!.country;
    const at = list.findIndex((r) => r.entry.featureCode === 'ADM1' && r.entry.country === country && r.score >= top.score - LIST_MARGIN);
    if (at <= 0) return;
    const [division] = list.splice(at, 1);
    list.unshift({ ...division!, reasons: [...division!.reasons, 'listed-with-divisions'] });
    moved.add(g);
  });
  return out;
}

/**
 * "New York state governor … deaths in New York since April": once the article names a
 * division by its division form, the bare name is that division too, not the big city inside
 * it. Takes each group's key ("div:" marks the division form) and ranked candidates.
 */
export function preferNamedDivision(keys: readonly string[], ranked: readonly RankedCandidate[][]): RankedCandidate[][] {
  const byKey = new Map(keys.map((k, g) => [k, g]));
  return ranked.map((list, g) => {
    const named = byKey.get(`div:${keys[g]}`);
    const division = named === undefined ? undefined : ranked[named]![0]?.entry;
    const top = list[0]?.entry;
    if (!division || division.featureCode !== 'ADM1' || !top || top.featureClass !== 'P' || top.country !== division.country || top.admin1 !== division.admin1) return list;
    const at = list.findIndex((r) => r.entry.index === division.index);
    if (at <= 0) return list;
    const out = [...list];
    const [moved] = out.splice(at, 1);
    out.unshift({ ...moved!, reasons: [...moved!.reasons, 'division-named-elsewhere'] });
    return out;
  });
}
