export class PeriodError extends Error {}

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * The days a `--since` window covers ("24h", "7d", "2w"), counted back from `now`.
 * Events are dated to the day, so the window is widened to whole days: 24h is
 * yesterday and today.
 */
export function sinceToRange(since: string, now: Date): { from: string; to: string } {
  const m = /^\s*(\d+)\s*([hdw])\s*$/i.exec(since);
  if (!m || Number(m[1]) <= 0) throw new PeriodError(`--since takes a duration like 24h, 7d or 2w, not "${since}"`);
  const ms = Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: day(now.getTime() - ms), to: day(now.getTime()) };
}
