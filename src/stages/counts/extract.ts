import type { CountKind, CountQualifier, Token } from '../../core/layers/index.js';
import type { NumberMatcher, NumberMention } from './numbers.js';
import { bareCounts, CALENDAR, namedCounts, singleVictimCounts } from './one-victim.js';
import { hasCountCue, type CountPatterns } from './patterns.js';
import { ALLEGED_ACT, chunksBefore, execBefore, lastParticiples, mayFollowVerb, testBefore } from './window.js';
import { matchAll } from '../../core/match-all.js';

/** A count found in one sentence, with offsets into the sentence text. */
export interface RawCount {
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
  kind: CountKind;
  value: number;
  qualifier: CountQualifier;
  vague?: string;
  who?: { start: number; end: number };
  /** index (in the returned array) of the count this one is a subset of */
  subsetOf?: number;
}

interface Candidate {
  m: NumberMention;
  whoEnd: number;
  whoStart: number;
}

const CONNECTOR = /^\s*(?<punct>[,;:(–—-])?\s*(?:(?:and|or|plus|as well as)\s+|(?<inc>including|among them|among whom|of whom|of them|comprising|namely|mostly|mainly|most of them)\s+)?$/iu;
const PASSIVE_AUX = /(?<![\p{L}])(?:were|was|are|is|been|being)\s*$/iu;
const MONTH_ABBR = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/iu;
const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const CLAUSE_BREAK = /;\s+/gu;
const KILLED_OR_WOUNDED = /^\s+(?:or|and\/or)\s+(?:\p{L}+ly\s+)?(?:wounded|injured|hurt|maimed)(?![\p{L}])/iu;
const SUBSET_OF_KIND = /^\s+of\s+(?:the|those|these)\s*$/iu;
const IN_HOSPITAL = /^\s+(?:in|at)\s+(?:(?:a|the|local|nearby)\s+)?hospitals?(?![\p{L}])/iu;
/** "Three of the injured later died": the injured who died since are dead (the who is the wounded) */
const DIED_OF_WOUNDED = /^\s+of\s+(?<who>(?:the|those)\s+(?:wounded|injured|hurt))(?:\s+(?:later|since|subsequently|eventually|also|have|has|had|\p{L}+ly))*\s+(?:died|succumbed)(?![\p{L}])/diu;
/** "some 60 more were taken to hospital": a number with a verb group of its own is no list member */
const OWN_VERB = /^\s*(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+\p{L}/iu;
/** the comma before the next member of a list of counted groups */
const LIST_COMMA = /^\s*,\s+/u;
/** the coordinator before a list's last member: "3 militants and 2 policemen" */
const LIST_LINK = /^\s*,?\s*(?:and|or|as well as)\s+/iu;

/** Index of the first token starting at or after `at` (tokens are sorted). */
function firstTokenFrom(tokens: readonly Token[], base: number, at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.span.start - base < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function activeAt(p: CountPatterns, s: string, at: number): boolean {
  p.activeAt.lastIndex = at;
  return p.activeAt.test(s);
}

function whoAt(p: CountPatterns, s: string, from: number, re: RegExp = p.who): { start: number; end: number } | undefined {
  // "dozens of people": the who starts after "of"
  const of = /^\s+of(?=\s)/iu.exec(s.slice(from));
  if (of) from += of[0].length;
  const m = re.exec(s.slice(from));
  if (!m) return undefined;
  const lead = m[0].length - m[0].trimStart().length;
  // "9 of the injured were reservists": a who phrase never runs over a verb
  if (/(?<![\p{L}])(?:were|was|are|is|been|have|has|had)(?![\p{L}])/iu.test(m[0])) return undefined;
  return { start: from + lead, end: from + m[0].length };
}

function whoAllowed(p: CountPatterns, s: string, who: { start: number; end: number } | undefined, kind: CountKind): boolean {
  if (!who) return true;
  const head = s.slice(who.start, who.end).toLowerCase().split(/\s+/).pop()!;
  if (p.trapUnits.has(head)) return false;
  const only = p.kindOnlyWho.get(head);
  return !only || only.includes(kind);
}

/**
 * Find the counts of one sentence. `tokens` are the sentence's tokens with offsets
 * into the same text as `s` shifted by `base`.
 */
export function extractCounts(s: string, base: number, tokens: readonly Token[], p: CountPatterns, nm: NumberMatcher): RawCount[] {
  const out: RawCount[] = [];
  if (!hasCountCue(p, s)) return out;
  const candidates: Candidate[] = [];
  const lastParticiple = lastParticiples(p, s);
  const tokenAfter = (at: number, skip = 0) => tokens[firstTokenFrom(tokens, base, at) + skip];
  // a left-verb number followed by a noun that is not a who noun counts things, not people ("killing 3 cows")
  const thingAfter = (at: number) => {
    const t0 = tokenAfter(at);
    if (!t0) return false;
    const t = t0.pos === 'ADJ' ? tokenAfter(at, 1) : t0;
    return !!t && p.trapUnits.has(t.span.text.toLowerCase());
  };

  // "a construction worker", "a 17 years old man": determiner-less noun phrase after an article
  const nounPhrase = (at: number): { start: number; end: number } | undefined => {
    const first = firstTokenFrom(tokens, base, at);
    if (first >= tokens.length) return undefined;
    let last = -1;
    for (let i = first; i < tokens.length && i < first + 5; i++) {
      const t = tokens[i]!;
      // "a suspected murderer": a participle used as an adjective inside the phrase
      const adjectival = t.pos === 'VERB' && /ed$/iu.test(t.span.text) && i + 1 < tokens.length && NP_POS.has(tokens[i + 1]!.pos);
      // "an off-duty officer": a word hyphened to the next is a modifier, whatever its tag
      const compound = tokens[i + 1]?.span.text === '-' && tokens[i + 1]!.span.start === t.span.end;
      if (NP_POS.has(t.pos) || adjectival || compound || (t.span.text === '-' && i > first)) {
        if (t.pos === 'NOUN' || t.pos === 'PROPN' || p.whoNouns.has(t.span.text.toLowerCase())) last = i;
      } else break;
    }
    if (last < 0) return undefined;
    const head = tokens[last]!.span.text.toLowerCase();
    // "a 21-year-old", "a 14 year old" is a person
    const startAt = tokens[first]!.span.start - base;
    for (let k = first + 2; k <= first + 4 && k < tokens.length; k++) {
      if (/^\d+\s*-?\s*years?\s*-?\s*old$/iu.test(s.slice(startAt, tokens[k]!.span.end - base))) {
        // "a 12-year-old boy": the noun after the age is the person
        const noun = tokens[k + 1]?.pos === 'NOUN' && p.whoNouns.has(tokens[k + 1]!.span.text.toLowerCase()) ? tokens[k + 1]! : tokens[k]!;
        return { start: startAt, end: noun.span.end - base };
      }
    }
    if (p.trapUnits.has(head) || CALENDAR.test(head.replace(/\.$/, '')) || MONTH_ABBR.test(head)) return undefined;
    return { start: tokens[first]!.span.start - base, end: tokens[last]!.span.end - base };
  };
  // "a 12-year-old girl": one person with no verb of its own, a member of a list at most
  const singles: ListSingle[] = [];
  const mentions = nm.find(s);
  for (const m of mentions) {
    if (!m.article && nm.isTrap(s, m)) continue;
    let best: RawCount | undefined;
    const who = m.article ? nounPhrase(m.end) : whoAt(p, s, m.end);
    if (m.article && !who) continue;
    // "a further 3 fighters": the article belongs to the number, which is the count ("a 17 years
    // old man" keeps its article: that number is an age)
    if (m.article && mentions.some((o) => !o.article && o.start >= who!.start && o.start < who!.end && !nm.isTrap(s, o))) continue;
    const base0 = { numStart: m.start, numEnd: m.end, value: m.value, qualifier: m.qualifier, ...(m.vague ? { vague: m.vague } : {}) };
    // 1. a verb before the number: "killing 3 civilians", "arrested 12 people"
    const chunks = chunksBefore(s, m.qualStart);
    for (const k of p.kinds) {
      if (!mayFollowVerb(p, k, chunks)) continue;
      const lm = execBefore(p.left.get(k), s, m.qualStart);
      if (!lm || !whoAllowed(p, s, who, k) || testBefore(ALLEGED_ACT, s, lm.index)) continue;
      if (!who && thingAfter(m.end)) continue;
      const c: RawCount = { ...base0, start: lm.index, end: who ? who.end : m.end, kind: k, ...(who ? { who } : {}) };
      if (!best || c.start < best.start) best = c;
    }
    // 2. a toll: "the death toll rose to 29"
    if (!best && !m.article) {
      for (const k of p.kinds) {
        const tm = execBefore(p.toll.get(k), s, m.qualStart);
        if (tm) {
          best = { ...base0, start: tm.index, end: who ? who.end : m.end, kind: k, ...(who ? { who } : {}) };
          break;
        }
      }
    }
    if (!best && !m.article && p.kinds.includes('killed')) {
      const dm = DIED_OF_WOUNDED.exec(s.slice(m.end));
      const w = dm?.indices?.groups?.who;
      if (dm && w) best = { ...base0, start: m.qualStart, end: m.end + dm[0].length, kind: 'killed', who: { start: m.end + w[0], end: m.end + w[1] } };
    }
    // 3. a participle after it: "27 dead", "7,000 residents ... were evacuated"
    if (!best) {
      let len = -1;
      const from = m.article ? who!.end : m.end;
      for (const k of p.kinds) {
        if (lastParticiple(k) < from) continue;
        const rest = s.slice(from);
        // `right` is `rightPassive` plus a lookahead at the end: when the passive body's first
        // match passes that lookahead it is also `right`'s match, and the bigger regex need not run
        const passive = p.rightPassive.exec(k, s, from);
        let rm = passive && (activeAt(p, rest, passive[0].length) ? passive : p.right.exec(k, s, from));
        if (!rm && passive && PASSIVE_AUX.test(passive.groups?.aux ?? '')) rm = passive;
        if (!rm || rm[0].length <= len) continue;
        const g = rm.groups ?? {};
        if (g.pp && !g.who) continue;
        if (m.article && (g.who || /\b(?:were|are|have)\b/iu.test(g.aux ?? ''))) continue;
        const wi = rm.indices?.groups?.who;
        const w = m.article ? who : wi && g.who ? { start: from + wi[0] + g.who.length - g.who.trimStart().length, end: from + wi[1] } : undefined;
        if (!whoAllowed(p, s, w, k)) continue;
        // "1,500 civilians had been killed or wounded": casualties of both kinds, not a death toll
        if (k === 'killed' && KILLED_OR_WOUNDED.test(s.slice(from + rm[0].length))) continue;
        // "Two of the wounded were in critical condition": part of people counted already
        if (SUBSET_OF_KIND.test(s.slice(from, from + (rm.indices?.groups?.kind?.[0] ?? 0)))) continue;
        // "96 people were detained in hospital": kept for treatment, not held by anyone
        if (k === 'detained' && IN_HOSPITAL.test(s.slice(from + rm[0].length))) continue;
        len = rm[0].length;
        // "7,000 residents of 16 areas were evacuated": the phrase stops at the who, so the
        // count does not swallow the other number
        const end = g.pp && w ? w.end : from + rm[0].length;
        best = { ...base0, start: m.qualStart, end, kind: k, ...(w ? { who: w } : {}) };
      }
    }
    // 4. a participle after a long modifier: "Five policemen escorting a bus have been killed"
    // (not when the "modifier" lists more groups: "Six women, a boy and three men were killed" — a list, counted below)
    if (!best && !m.article && who) {
      const far = farCount(p, s, m.end, lastParticiple, base0);
      if (far && !listOfGroups(s, who.end, far.end, mentions)) best = far;
    }
    if (best) out.push(best);
    else if (who && !m.article) candidates.push({ m, whoStart: who.start, whoEnd: who.end });
    else if (who && m.article) singles.push({ start: m.start, end: who.end, who });
  }

  namedCounts(s, base, tokens, p, out);
  bareCounts(s, base, tokens, p, out, nounPhrase);
  singleVictimCounts(s, p, out);
  // at the start of the sentence or of a clause after a semicolon ("…gun battle; terror suspect killed")
  for (const at of [0, ...matchAll(CLAUSE_BREAK, s).map((m) => m.index! + m[0].length)]) {
    if (out.some((c) => c.start === at)) continue;
    for (const k of p.kinds) {
      const hm = p.headline.exec(k, s, at);
      if (!hm || out.some((c) => c.start < at + hm[0].length && at < c.end)) continue;
      const w = hm.groups!.who!;
      out.push({ start: at, end: at + hm[0].length, numStart: at, numEnd: at + w.length, kind: k, value: 1, qualifier: 'exact', who: { start: at, end: at + w.length } });
      break;
    }
  }
  out.sort((a, b) => a.numStart - b.numStart);
  // "hacked to death a chief and his assistant": the one victim has company
  for (const c of out) {
    const m = c.value === 1 && !c.vague ? p.companion.exec(s.slice(c.end)) : null;
    if (m && !out.some((o) => o !== c && o.start >= c.end && o.start < c.end + m[0].length)) {
      c.value = 2;
      c.end += m[0].length;
    }
  }
  inherit(s, out, candidates, singles);
  // "8 of these were killed", "3 civilians killed, including 2 beheaded": part of the count before
  out.forEach((c, i) => {
    if (c.subsetOf !== undefined) return;
    let prev = -1;
    for (let j = 0; j < out.length; j++) if (j !== i && out[j]!.kind === c.kind && out[j]!.end <= c.start && (prev < 0 || out[j]!.end > out[prev]!.end)) prev = j;
    if (prev < 0 || out[prev]!.value < c.value) return;
    const between = s.slice(out[prev]!.end, c.start);
    if (/^\s*(?:[,;(–—-]\s*)?(?:including|among them|among whom|of whom|of them)\s+$/iu.test(between) || /^\s+of\s+(?:these|those|them|whom)(?![\p{L}])/iu.test(s.slice(c.numEnd))) c.subsetOf = prev;
  });
  // "Eight people including four children ... were killed": a count inside another's phrase is part of it
  out.forEach((c, i) => {
    if (c.subsetOf !== undefined) return;
    const outer = out.findIndex((o, j) => j !== i && o.kind === c.kind && o.start <= c.numStart && c.numStart < o.end && !(o.numStart >= c.start && o.numStart < c.end) && o.value >= c.value);
    if (outer >= 0) c.subsetOf = outer;
  });
  return out;
}

/** ", a 9-year-old girl and two men were": after a group, more groups with numbers, the last right before the verb. */
function listOfGroups(s: string, from: number, to: number, mentions: readonly NumberMention[]): boolean {
  const comma = LIST_COMMA.exec(s.slice(from, to));
  if (!comma || !mentions.some((o) => o.start === from + comma[0].length)) return false;
  let last = -1;
  for (const a of matchAll(/\s(?:and|as well as)\s+/giu, s.slice(from, to))) if (mentions.some((o) => o.start === from + a.index! + a[0].length)) last = from + a.index!;
  // "Two local leaders, a councillor and a parliamentary hopeful, were shot dead": an aside closed by a comma names the two
  return last >= 0 && !s.slice(last, to).includes(',');
}

/** The nearest participle after a who and its modifier (of any kind): the verb the number is the subject of. */
function farCount(p: CountPatterns, s: string, from: number, lastParticiple: (k: CountKind) => number, base0: Omit<RawCount, 'start' | 'end' | 'kind'>): RawCount | undefined {
  let best: RawCount | undefined;
  for (const k of p.kinds) {
    if (lastParticiple(k) < from) continue;
    const rm = p.far.exec(k, s, from);
    const wi = rm?.indices?.groups?.who;
    if (!rm || !wi || (best && from + rm[0].length >= best.end)) continue;
    const lead = rm.groups!.who!.length - rm.groups!.who!.trimStart().length;
    best = { ...base0, start: base0.numStart, end: from + rm[0].length, kind: k, who: { start: from + wi[0] + lead, end: from + wi[1] } };
  }
  return best;
}

/** Numbers with a who but no verb of their own take the kind of the count they follow. */
interface ListSingle { start: number; end: number; who: { start: number; end: number } }

function inherit(s: string, out: RawCount[], candidates: Candidate[], singles: readonly ListSingle[] = []): void {
  let chain: { parent: number; members: number[]; inc: boolean; listStart: boolean } | undefined;
  const close = () => {
    if (!chain) return;
    const parent = out[chain.parent]!;
    const sum = chain.members.reduce((n, i) => n + out[i]!.value, 0);
    if (chain.inc || (chain.listStart && sum === parent.value)) for (const i of chain.members) out[i]!.subsetOf = chain.parent;
    chain = undefined;
  };
  const leftover: Candidate[] = [];
  for (const c of candidates) {
    // the count (or inherited number) right before this candidate
    let prev = -1;
    for (let i = 0; i < out.length; i++) if (out[i]!.end <= c.m.qualStart && (prev < 0 || out[i]!.end > out[prev]!.end)) prev = i;
    const between = prev < 0 ? '' : s.slice(out[prev]!.end, c.m.qualStart);
    const cm = CONNECTOR.exec(between);
    // "3 militants and 2 policemen were wounded": coordinated with what follows, not with what precedes
    const link = LIST_LINK.exec(s.slice(c.whoEnd));
    const coordinated = !cm?.groups?.inc && link && out.some((o) => o.start === c.whoEnd + link[0].length);
    if (prev < 0 || !cm || !between.trim() || coordinated || OWN_VERB.test(s.slice(c.whoEnd)) || OWN_VERB.test(s.slice(c.m.end)) || out.some((o) => o.start <= c.m.start && c.m.start < o.end)) {
      leftover.push(c);
      continue;
    }
    const inChain = chain && (chain.parent === prev || chain.members.includes(prev));
    if (!inChain) {
      close();
      chain = { parent: prev, members: [], inc: !!cm.groups?.inc, listStart: !!cm.groups?.punct && !/\band\b/i.test(between) };
    } else if (cm.groups?.inc) chain!.inc = true;
    const from = out[prev]!;
    out.push({ start: c.m.qualStart, end: c.whoEnd, numStart: c.m.start, numEnd: c.m.end, kind: from.kind, value: c.m.value, qualifier: c.m.qualifier, ...(c.m.vague ? { vague: c.m.vague } : {}), who: { start: c.whoStart, end: c.whoEnd } });
    chain!.members.push(out.length - 1);
  }
  close();
  // "5-7 local policemen and 2 militia members were killed": a coordinated subject shares the verb
  // "five women, a 9-year-old girl and two men were injured": a list of groups shares it too
  for (const c of leftover.reverse()) {
    let q = c.whoEnd;
    const members: ListSingle[] = [];
    for (let comma = LIST_COMMA.exec(s.slice(q)); comma; comma = LIST_COMMA.exec(s.slice(q))) {
      const at = q + comma[0].length;
      const one = singles.find((x) => x.start === at);
      const counted = one ? undefined : out.find((o) => o.start === at && o.subsetOf === undefined);
      if (!one && !counted) break;
      if (one) members.push(one);
      q = one ? one.end : counted!.end;
    }
    const link = LIST_LINK.exec(s.slice(q));
    if (!link) continue;
    const next = out.find((o) => o.start === q + link[0].length && o.subsetOf === undefined);
    if (!next || out.some((o) => o.start <= c.m.start && c.m.start < o.end)) continue;
    out.push({ start: c.m.qualStart, end: c.whoEnd, numStart: c.m.start, numEnd: c.m.end, kind: next.kind, value: c.m.value, qualifier: c.m.qualifier, ...(c.m.vague ? { vague: c.m.vague } : {}), who: { start: c.whoStart, end: c.whoEnd } });
    for (const one of members) out.push({ start: one.start, end: one.end, numStart: one.start, numEnd: one.end, kind: next.kind, value: 1, qualifier: 'exact', who: one.who });
  }
}
