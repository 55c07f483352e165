import type { Span } from '../../core/span.js';
import type { GazetteerEntry } from '../../services/gazetteer/index.js';
import { WIDE_CODES } from './feature-codes.js';
import { haversineKm, STRAY_REASON, type RankedCandidate } from './rank.js';

/**
 * Where a mention goes when its own reading is not believable: a street or building the
 * gazetteer lacks, a namesake far from the story, a tiny foreign village. ACLED's practice
 * for a place it cannot find is to code the nearest known area with lower precision; the
 * nearest known area is the container the words give ("Celebrity Cake Studio in Tacoma",
 * "Kapkwen (Bomet)"), else a town named just before ("Miami ... Collins Avenue"), else the
 * article's focus.
 */
export interface FallbackContext {
  spans: readonly Span[];
  /** each mention's top reading when it stands on its own (not a fine-grained name, not a stray) */
  tops: readonly (GazetteerEntry | undefined)[];
  /** how each mention is linked to the next ("X, Y", "X in Y") */
  links: readonly (string | undefined)[];
  adjectival: readonly boolean[];
  focus: GazetteerEntry | undefined;
  /** each mention's top is a town whose name also names its first-level division ("Donetsk", "Sumy") */
  divisionSeat?: readonly boolean[];
  /** each mention is a dateline: where the story was filed, which places nothing else */
  dateline?: readonly boolean[];
  /** each later mention's final place, its own reading or the one standing in for it (filled as mentions resolve, last first) */
  standing?: readonly (GazetteerEntry | undefined)[];
}

const CONTAINER_CODES = new Set(['ADM1', 'ADM2']);
/** how far back (characters) a town named before a street still places it */
const LOOK_BACK_CHARS = 200;
const LOOK_BACK_POPULATION = 50_000;
/** a town this close to its named container's point is inside it, whatever the admin codes say */
const NEAR_CONTAINER_KM = 100;

export const isStray = (r: RankedCandidate | undefined): boolean => !!r && r.reasons.some((x) => x.startsWith(STRAY_REASON));

const containerOf = (i: number, ctx: FallbackContext): GazetteerEntry | undefined => {
  const kind = ctx.links[i];
  if (kind !== 'comma' && kind !== 'in') return undefined;
  return ctx.adjectival[i + 1] ? undefined : ctx.tops[i + 1];
};

const linksOut = (i: number, ctx: FallbackContext): boolean => ctx.links[i] === 'comma' || ctx.links[i] === 'in';

const standingContainer = (i: number, ctx: FallbackContext): GazetteerEntry | undefined =>
  ctx.links[i] === 'comma' || ctx.links[i] === 'in' ? ctx.standing?.[i + 1] : undefined;

/** The division an "X, Y" / "X in Y" mention names as its container, when X's own reading lies outside it. */
export function outsideContainer(top: RankedCandidate, i: number, ctx: FallbackContext): GazetteerEntry | undefined {
  // a town, or a district ("Arghandab district, Zabul" is not the Arghandab district of Kandahar)
  if ((top.entry.featureClass !== 'P' && top.entry.featureCode !== 'ADM2') || top.reasons.some((r) => r.startsWith('pattern:in'))) return undefined;
  // "the Qalat area of Kushki Kuhna district, Herat": past a container the gazetteer lacks, its own container
  const k = containerOf(i, ctx) || !linksOut(i, ctx) || ctx.tops[i + 1] ? i + 1 : i + 2;
  const outer = k === i + 1 ? containerOf(i, ctx) : containerOf(i + 1, ctx);
  // "Kyrylivka (Donetsk)", "Stepok, Sumy": a seat named like its division stands for the division
  if (!outer || !(CONTAINER_CODES.has(outer.featureCode) || (outer.featureClass === 'P' && ctx.divisionSeat?.[k]))) return undefined;
  // "Sevastopol, Crimea", "Bila Tserkva, Kiev Region": a town just across the line of a city-level
  // division is what the words mean; a namesake elsewhere lies hundreds of kilometres off
  if (haversineKm(top.entry.lat, top.entry.lon, outer.lat, outer.lon) <= NEAR_CONTAINER_KM) return undefined;
  return outer.country !== top.entry.country || outer.admin1 !== top.entry.admin1 ? outer : undefined;
}

/** The known place that stands in for mention i, with the reason. */
export function anchorFor(i: number, ctx: FallbackContext): { entry: GazetteerEntry; reason: string } | undefined {
  const focus = ctx.focus;
  // "the Azizabad area of Shindand district": a container known by its seat or itself standing in is still nearer than the focus
  const named = containerOf(i, ctx) ?? (ctx.adjectival[i + 1] ? undefined : standingContainer(i, ctx));
  // a container read as a small namesake in another country than the article's ("Guma" as a Philippine village) places nothing
  const farVillage = !!named && !!focus && named.country !== focus.country && named.featureClass === 'P' && named.population < LOOK_BACK_POPULATION;
  const outer = farVillage ? undefined : named;
  // a division is coarser than the focus town inside it
  const insideOuter = !!outer && !!focus && focus.featureClass === 'P' && focus.country === outer.country && focus.admin1 === outer.admin1;
  if (outer && !WIDE_CODES.has(outer.featureCode) && (outer.featureClass === 'P' || !insideOuter)) return { entry: outer, reason: `container:${outer.name}` };
  const start = ctx.spans[i]!.start;
  for (let j = i - 1; j >= 0 && start - ctx.spans[j]!.end <= LOOK_BACK_CHARS; j--) {
    const t = ctx.tops[j];
    // only a town sure enough of itself: a nearby "Bourbon" may be a street read as a village
    if (t && !ctx.dateline?.[j] && t.featureClass === 'P' && t.population >= LOOK_BACK_POPULATION && (!focus || t.country === focus.country)) return { entry: t, reason: `named-before:${t.name}` };
  }
  return ctx.focus ? { entry: ctx.focus, reason: `article-focus:${ctx.focus.name}` } : undefined;
}
