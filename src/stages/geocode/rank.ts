import type { GazetteerEntry } from '../../services/gazetteer/index.js';
import type { MentionHints } from './context.js';
import { COUNTRY_CODES, WIDE_CODES } from './feature-codes.js';

/**
 * Ranks the candidates of every place mention in one article. Mentions with the same
 * folded name form a group and resolve together (one sense per article). A score is a
 * sum of small evidence terms, each leaving a reason:
 *   prior     feature code (country > capital > admin seat > town), log population, match kind
 *   pattern   "X, Y" / "X in Y" containment, "X province", "city of X"
 *   focus     the article's countries and first-level divisions (leave-one-out posterior mass)
 *   near      distance to the confident places of other groups
 */
export interface GroupInput {
  entries: GazetteerEntry[];
  hints: MentionHints[];
  mentions: number;
  /** the place is only the leading or trailing words of a longer name ("Orange House") */
  partial?: boolean;
}

export interface RankedCandidate {
  entry: GazetteerEntry;
  score: number;
  reasons: string[];
}

const FEATURE_PRIOR: Record<string, number> = {
  PCLI: 6, PCLD: 4, TERR: 4, CONT: 5, RGN: 3.5, SEA: 3.5, OCN: 3.5, GULF: 3.5, STRT: 3, LK: 2.5, STM: 2.5, ISL: 2.5, MTS: 2.5,
  ADM1: 3, ADM2: 1.5, AREA: 2, PPLC: 3, PPLA: 1.5, PPLA2: 0.8, PPLA3: 0.3, PPLA4: 0.2, PPLA5: 0.1, PPL: 0, PPLG: 0.5,
  PPLX: -0.5, PPLL: -0.3, PPLS: -0.3, PPLF: -0.5, PPLR: -0.5, STLMT: -0.5,
};
const MATCH_PRIOR: Record<string, number> = { name: 0, alternate: -0.3, demonym: 0, code: -0.5, short: -1.2 };
/** the wide codes without regions and straits, as the ranker reads them: too wide to anchor a stray or to contain a town */
const WIDE_BUT_REGIONS = new Set([...WIDE_CODES].filter((c) => c !== 'RGN' && c !== 'STRT'));
const POP_WEIGHT = 0.45;
const COUNTRY_NAME_PENALTY = -8;
const SOFTMAX_KEEP = 20;
/** "Russian forces shelled X": a demonym names an actor more often than where things happen */
const DEMONYM_FOCUS_WEIGHT = 0.25;
/** a village this small, in a country no other place of the article is in, is a word that collides with a name */
const STRAY_POPULATION = 5000;
const STRAY_FOCUS_SHARE = 0.5;
const STRAY_PENALTY = -4;
/** the same for a town matched by an old or local alternate name */
const STRAY_ALTERNATE_POPULATION = 50_000;
const SEAT_HOMONYM_BONUS = 1;
/** the head of a longer name that is a city this big ("İstanbul Atatürk Airport") is known far from the story */
const WELL_KNOWN_POPULATION = 1_000_000;
const WIDE_AREA_CODES = new Set(['CONT', 'RGN', 'SEA', 'OCN', 'GULF', 'STRT']);
const WATER_CODES = new Set(['SEA', 'OCN', 'GULF', 'STRT']);
const DEFINITE_AREA_PENALTY = -6;
export const STRAY_REASON = 'stray-village';

interface Cand {
  e: GazetteerEntry;
  s: number;
  reasons: string[];
  contained: boolean;
}

export interface LinkInput {
  /** index of the contained group (X in "X, Y") */
  inner: number;
  /** index of the container group (Y) */
  outer: number;
  kind: 'comma' | 'in';
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Is x inside y, as far as the gazetteer can tell? */
function contains(y: GazetteerEntry, x: GazetteerEntry): boolean {
  if (x.index === y.index) return false;
  if (COUNTRY_CODES.has(y.featureCode)) return x.country === y.country && !COUNTRY_CODES.has(x.featureCode);
  if (y.featureCode === 'ADM1') return x.country === y.country && !!x.admin1 && x.admin1 === y.admin1 && x.featureCode !== 'ADM1';
  if (WIDE_BUT_REGIONS.has(y.featureCode)) return false;
  if (y.featureClass === 'A' || y.featureClass === 'L' || y.featureClass === 'T') return x.country === y.country && haversineKm(x.lat, x.lon, y.lat, y.lon) < 250;
  return false;
}

/** priors of entries seen before (the gazetteer hands out the same entry objects for a name it has cached) */
const priors = new WeakMap<GazetteerEntry, { s: number; reasons: readonly string[] }>();

function prior(e: GazetteerEntry): { s: number; reasons: string[] } {
  let p = priors.get(e);
  if (!p) priors.set(e, (p = computePrior(e)));
  return { s: p.s, reasons: [...p.reasons] };
}

function computePrior(e: GazetteerEntry): { s: number; reasons: string[] } {
  const f = FEATURE_PRIOR[e.featureCode] ?? 0;
  const p = e.population > 0 ? POP_WEIGHT * Math.log10(e.population + 1) : 0;
  let m = MATCH_PRIOR[e.match] ?? 0;
  // Alternate names of small towns are often old or local names that collide with words.
  if (e.match === 'alternate' && e.featureClass === 'P' && e.population < 50_000 && e.featureCode !== 'PPLC') m -= 2;
  const reasons = [`feature:${e.featureCode}${f ? ` ${f > 0 ? '+' : ''}${f}` : ''}`];
  if (p) reasons.push(`population:${e.population} +${r1(p)}`);
  if (m) reasons.push(`match:${e.match} ${m}`);
  return { s: f + p + m, reasons };
}

export function rankGroups(groups: GroupInput[], links: LinkInput[]): RankedCandidate[][] {
  const cands: Cand[][] = groups.map((g) => {
    const hasCountry = g.entries.some((e) => COUNTRY_CODES.has(e.featureCode));
    const division = g.hints.some((h) => h.division);
    const settlement = g.hints.some((h) => h.settlement);
    return g.entries.map((e) => {
      const { s, reasons } = prior(e);
      let score = s;
      if (division) {
        const b = e.featureClass === 'P' ? -2.5 : COUNTRY_CODES.has(e.featureCode) ? 0 : 2.5;
        if (b) (score += b), reasons.push(`pattern:division ${b > 0 ? '+' : ''}${b}`);
      }
      if (settlement) {
        const b = e.featureClass === 'P' ? 2 : COUNTRY_CODES.has(e.featureCode) ? 0 : -2.5;
        if (b) (score += b), reasons.push(`pattern:settlement ${b > 0 ? '+' : ''}${b}`);
      }
      // "the Pacific", "the Atlantic": the ocean or the region, not a town that bears its name
      // "the Red Sea" off Yemen: the sea, not Sudan's Red Sea state named after it ("Red Sea state" says division)
      const namedAfterWater = !division && (e.featureCode === 'ADM1' || e.featureCode === 'ADM2') && g.entries.some((a) => WATER_CODES.has(a.featureCode));
      if ((e.featureClass === 'P' || namedAfterWater) && g.hints.some((h) => h.definite) && g.entries.some((a) => WIDE_AREA_CODES.has(a.featureCode))) {
        score += DEFINITE_AREA_PENALTY;
        reasons.push(`pattern:the-area ${DEFINITE_AREA_PENALTY}`);
      }
      // "Washington", "New York", "São Paulo": a capital or a big city shares its name with a
      // first-level division; news means the city unless the words say otherwise.
      if (e.featureClass === 'P' && (e.featureCode === 'PPLC' || e.population >= 300_000) && (e.match === 'name' || e.population >= 1_000_000) && g.entries.some((a) => a.featureCode === 'ADM1' && a.country === e.country && a.match !== 'short' && (e.featureCode === 'PPLC' || a.admin1 === e.admin1))) {
        // a city of millions ("New York") outweighs even the much larger sum its state's towns make;
        // a capital has its feature prior already
        const b = e.population >= 1_000_000 && e.featureCode !== 'PPLC' ? 4 : 2.5;
        score += b;
        reasons.push(`homonym-city +${b}`);
      }
      // "Lamu", "Kherson": a bare name shared by a division (by its short form) and its seat means the town.
      if (!division && e.featureClass === 'P' && (e.featureCode === 'PPLA' || e.featureCode === 'PPLC') && e.match === 'name' && g.entries.some((a) => a.featureCode === 'ADM1' && a.match === 'short' && a.country === e.country && a.admin1 === e.admin1)) {
        score += SEAT_HOMONYM_BONUS;
        reasons.push(`seat-homonym +${SEAT_HOMONYM_BONUS}`);
      }
      // A country's name or demonym names the country, never a town that shares it.
      if (hasCountry && e.featureClass === 'P') (score += COUNTRY_NAME_PENALTY), reasons.push(`country-name ${COUNTRY_NAME_PENALTY}`);
      return { e, s: score, reasons, contained: false };
    });
  });

  // "X, Y" and "X in Y": candidates of X inside a candidate of Y support each other.
  for (const l of links) {
    const inner = cands[l.inner]!;
    const outer = cands[l.outer]!;
    const bonusIn = l.kind === 'comma' ? 6 : 2.5;
    const bonusOut = l.kind === 'comma' ? 2 : 1;
    const supported = new Set<Cand>();
    for (const x of inner) {
      const y = outer.find((o) => contains(o.e, x.e));
      if (!y) continue;
      x.s += bonusIn;
      x.reasons.push(`pattern:in ${y.e.name} +${bonusIn}`);
      if (x.e.featureClass === 'P' && x.reasons.some((r) => r.startsWith('country-name'))) {
        x.s -= COUNTRY_NAME_PENALTY; // "Armenia, Colombia": the pattern overrides the country reading
        x.reasons.push(`country-name lifted +${-COUNTRY_NAME_PENALTY}`);
      }
      x.contained = true;
      supported.add(y);
    }
    for (const y of supported) (y.s += bonusOut), y.reasons.push(`pattern:contains +${bonusOut}`);
  }

  // Each group's belief over countries and admin1s, for the other groups' focus.
  const countryMass = groups.map(() => new Map<string, number>());
  const adminMass = groups.map(() => new Map<string, number>());
  const tops: (Cand | undefined)[] = [];
  const topP: number[] = [];
  cands.forEach((cs, gi) => {
    cs.sort((a, b) => b.s - a.s);
    const kept = cs.slice(0, SOFTMAX_KEEP);
    const max = kept[0]?.s ?? 0;
    const ws = kept.map((c) => Math.exp(c.s - max));
    const z = ws.reduce((a, b) => a + b, 0) || 1;
    const g = groups[gi]!;
    const demonymOnly = g.entries.length > 0 && g.entries.every((e) => e.match === 'demonym');
    const weight = Math.min(g.mentions, 3) * (demonymOnly ? DEMONYM_FOCUS_WEIGHT : 1);
    kept.forEach((c, i) => {
      const p = (ws[i]! / z) * weight;
      if (p < 1e-3) return;
      if (c.e.country) add(countryMass[gi]!, c.e.country, p);
      if (c.e.admin1 && (c.e.featureCode === 'ADM1' || c.e.featureClass === 'P')) {
        add(adminMass[gi]!, `${c.e.country}.${c.e.admin1}`, c.e.featureCode === 'ADM1' ? p : p / 2);
      }
    });
    tops.push(kept[0]);
    topP.push(kept.length ? ws[0]! / z : 0);
  });
  const totalCountry = sumMaps(countryMass);
  const totalAdmin = sumMaps(adminMass);

  return cands.map((cs, gi) => {
    const country = leaveOneOut(totalCountry, countryMass[gi]!);
    const admin = leaveOneOut(totalAdmin, adminMass[gi]!);
    let topCountry = '';
    let topShare = 0;
    for (const [k, v] of country) if (v > topShare) (topShare = v), (topCountry = k);
    const anchors: Cand[] = [];
    tops.forEach((t, j) => {
      if (j !== gi && t && topP[j]! >= 0.6 && !WIDE_BUT_REGIONS.has(t.e.featureCode) && t.e.featureCode !== 'RGN') anchors.push(t);
    });
    return cs.map((c) => {
      let s = c.s;
      const reasons = [...c.reasons];
      const share = country.get(c.e.country) ?? 0;
      if (share > 0.01) {
        const b = 3.5 * share + (c.e.country === topCountry && share >= 0.3 ? 1 : 0);
        s += b;
        reasons.push(`focus-country:${c.e.country} ${Math.round(share * 100)}% +${r1(b)}`);
      }
      // "Fino, Mandera county": no Kenyan Fino, and an Italian hamlet is not what the note means.
      // "Orange House" in a Kenyan story: the first word of a longer name is no American town.
      const small = c.e.population < (c.e.match === 'name' ? STRAY_POPULATION : STRAY_ALTERNATE_POPULATION);
      if (((c.e.featureClass === 'P' && small) || (groups[gi]!.partial && !COUNTRY_CODES.has(c.e.featureCode) && c.e.population < WELL_KNOWN_POPULATION)) && share < 0.01 && topShare >= STRAY_FOCUS_SHARE && !c.contained) {
        s += STRAY_PENALTY;
        reasons.push(`${STRAY_REASON}:${topCountry} focus ${STRAY_PENALTY}`);
      }
      if (c.e.admin1) {
        const a = admin.get(`${c.e.country}.${c.e.admin1}`) ?? 0;
        if (a > 0.01 && c.e.featureCode !== 'ADM1') {
          s += 2.5 * a;
          reasons.push(`focus-admin1:${c.e.admin1Name ?? c.e.admin1} ${Math.round(a * 100)}% +${r1(2.5 * a)}`);
        }
      }
      if (!WIDE_BUT_REGIONS.has(c.e.featureCode) && anchors.length) {
        let best: Cand | undefined;
        let d = Infinity;
        for (const a of anchors) {
          if (a.e.index === c.e.index) continue;
          const k = haversineKm(c.e.lat, c.e.lon, a.e.lat, a.e.lon);
          if (k < d) (d = k), (best = a);
        }
        const b = d < 30 ? 2.5 : d < 100 ? 2 : d < 250 ? 1.2 : d < 600 ? 0.5 : 0;
        if (b && best) (s += b), reasons.push(`near:${best.e.name} ${Math.round(d)}km +${b}`);
      }
      return { entry: c.e, score: Math.round(s * 100) / 100, reasons };
    }).sort((a, b) => b.score - a.score);
  });
}

function add(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

function sumMaps(ms: Map<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of ms) for (const [k, v] of m) add(out, k, v);
  return out;
}

/** The other groups' belief, normalised to shares; weak belief (a lone demonym) stays a small share. */
function leaveOneOut(total: Map<string, number>, own: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  let z = 0;
  for (const [k, v] of total) {
    const r = v - (own.get(k) ?? 0);
    if (r > 1e-6) {
      out.set(k, r);
      z += r;
    }
  }
  const norm = Math.max(z, 1);
  for (const [k, v] of out) out.set(k, v / norm);
  return out;
}
