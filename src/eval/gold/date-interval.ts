/** Calendar intervals of TIMEX3-like values, for comparing dates of different precision. */
export interface DayInterval {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const SEASONS: Record<string, [number, number, number]> = { SP: [3, 5, 0], SU: [6, 8, 0], FA: [9, 11, 0], AU: [9, 11, 0], WI: [12, 2, 1] };

function isoWeekStart(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return monday;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The days a value covers: 2023-09-19, 2023-09, 2023, 2023-W38, 2020-FA, 199 (decade), a/b ranges. */
export function intervalOf(value: string): DayInterval | undefined {
  if (value.includes('/')) {
    const [a, b] = value.split('/');
    const ia = intervalOf(a!);
    const ib = intervalOf(b!);
    return ia && ib ? { start: ia.start, end: ib.end } : undefined;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { start: `${m[1]}-${m[2]}-${m[3]}`, end: `${m[1]}-${m[2]}-${m[3]}` };
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    const s = isoWeekStart(Number(m[1]), Number(m[2]));
    const e = new Date(s);
    e.setUTCDate(s.getUTCDate() + 6);
    return { start: iso(s), end: iso(e) };
  }
  m = /^(\d{4})-(SP|SU|FA|AU|WI)/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const [from, to, carry] = SEASONS[m[2]!]!;
    return { start: `${y}-${pad(from)}-01`, end: `${y + carry}-${pad(to)}-${pad(lastDay(y + carry, to))}` };
  }
  m = /^(\d{4})-Q([1-4])/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { start: `${y}-${pad(q * 3 - 2)}-01`, end: `${y}-${pad(q * 3)}-${pad(lastDay(y, q * 3))}` };
  }
  m = /^(\d{4})-(\d{2})(?!\d)/.exec(value);
  if (m) return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDay(Number(m[1]), Number(m[2])))}` };
  m = /^(\d{4})(?![\d-])/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{3})$/.exec(value);
  if (m) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31` };
  return undefined;
}

/**
 * A predicted date matches a gold date when it names the same day, or, for a gold
 * date coarser than a day, when it lies inside the gold period.
 */
export function dateMatches(predicted: DayInterval | undefined, goldDate: string, goldPrecision?: string): boolean {
  const gold = intervalOf(goldDate);
  if (!predicted || !gold) return false;
  const goldIsDay = gold.start === gold.end && (!goldPrecision || goldPrecision === 'day');
  if (goldIsDay) return predicted.start === gold.start && predicted.end === gold.end;
  return predicted.start >= gold.start && predicted.end <= gold.end;
}
