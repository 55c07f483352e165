import type { CountPatterns } from './patterns.js';
import { matchAll } from '../../core/match-all.js';

/** A claim cue in a sentence and the noun phrase that makes the claim (offsets into the sentence). */
export interface ClaimCue {
  verbStart: number;
  verbEnd: number;
  np: { start: number; end: number };
  /** the claimant is a pronoun ("…, he said"): it counts only when coreference names who */
  pronoun?: boolean;
}

const SUBJECT_PRONOUNS = /(?:^|\s)(he|she|they|it)\s+$/iu;

const BOUNDARY = /[,;:“”"(){}\[\]–—]/u;
// words between a subject and its verb that are not part of the subject
const TRAILING = new Set(['also', 'later', 'has', 'have', 'had', 'earlier', 'previously', 'reportedly', 'again', 'further', 'then', 'separately', 'officially', 'publicly', 'on']);
// "claimed responsibility", "claimed the lives of": not a claim about a number
const NOT_A_CLAIM = /^\s+(?:responsibility|credit|the\s+lives|lives|victory)/iu;

/** "police and witnesses said": "and" after a claimant's head noun (the lexicon's claimantHeads) joins two claimants, not two clauses */
const claimantBefore = (s: string, at: number, heads: ReadonlySet<string>) => heads.has(/(\p{L}+)\s*$/u.exec(s.slice(Math.max(0, at - 20), at))?.[1]?.toLowerCase() ?? '');

function wordsBack(s: string, end: number, stop: ReadonlySet<string>, heads: ReadonlySet<string>): { start: number; end: number } | undefined {
  let words = 0;
  let last = end;
  // skip adverbs and auxiliaries right before the verb
  for (;;) {
    const m = /(\S+)\s*$/u.exec(s.slice(0, last));
    if (!m || !TRAILING.has(m[1]!.toLowerCase())) break;
    last = m.index;
  }
  let i = last;
  let start = last;
  while (words < 8) {
    const m = /(\S+)\s*$/u.exec(s.slice(0, i));
    if (!m) break;
    let w = m[1]!;
    if (BOUNDARY.test(w[w.length - 1]!)) break;
    const lead = w.search(BOUNDARY);
    if (lead >= 0) {
      // "“The ministry" → keep what follows the opening mark
      w = w.slice(lead + 1);
      if (w) start = m.index + lead + 1;
      break;
    }
    if (stop.has(w.toLowerCase()) && !(w.toLowerCase() === 'and' && words > 0 && claimantBefore(s, m.index, heads))) break;
    start = m.index;
    i = m.index;
    words++;
  }
  let e = last;
  while (e > start && /\s/u.test(s[e - 1]!)) e--;
  return e > start ? { start, end: e } : undefined;
}

function wordsForward(s: string, from: number): { start: number; end: number } | undefined {
  let start = from;
  while (start < s.length && /\s/u.test(s[start]!)) start++;
  let end = start;
  let words = 0;
  const re = /\S+/gu;
  re.lastIndex = start;
  for (let m = re.exec(s); m && words < 8; m = re.exec(s)) {
    const w = m[0];
    const cut = w.search(/[,;:.“”"()–—]/u);
    if (cut === 0) break;
    end = m.index + (cut > 0 ? cut : w.length);
    words++;
    if (cut > 0) break;
  }
  return end > start ? { start, end } : undefined;
}

/** Every claim cue of a sentence: "X said", "X claimed", "according to X", "..., said X". */
export function findClaimCues(s: string, p: CountPatterns): ClaimCue[] {
  const cues: ClaimCue[] = [];
  for (const m of matchAll(p.claimVerb, s)) {
    const verbStart = m.index!;
    const verbEnd = verbStart + m[0].length;
    if (NOT_A_CLAIM.test(s.slice(verbEnd))) continue;
    // passive or adjectival use: "were reported killed", "the reported attack"
    if (/(?:^|\s)(?:was|were|is|are|been|being|be|an?|the)\s+$/iu.test(s.slice(0, verbStart))) continue;
    let np: { start: number; end: number } | undefined;
    if (/^according\s+to$/iu.test(m[0])) np = wordsForward(s, verbEnd);
    else if (/[,”"’]\s*$/u.test(s.slice(0, verbStart)) && !/^\s+(?:that|on|in|at|it|he|she|they)\b/iu.test(s.slice(verbEnd))) {
      // "..., said the ministry"; but "..., the police said" has its subject before
      np = wordsForward(s, verbEnd);
    } else {
      // "…, he said": the pronoun right before the verb is the claimant
      const pro = SUBJECT_PRONOUNS.exec(s.slice(Math.max(0, verbStart - 8), verbStart));
      if (pro) {
        const start = verbStart - pro[0].length + pro[0].indexOf(pro[1]!);
        cues.push({ verbStart, verbEnd, np: { start, end: start + pro[1]!.length }, pronoun: true });
        continue;
      }
      np = wordsBack(s, verbStart, p.claimStop, p.claimantHeads);
    }
    if (!np) continue;
    const text = s.slice(np.start, np.end);
    if (!/\p{L}/u.test(text)) continue;
    // a lowercase verb form heading the phrase means we walked into another clause
    if (/^(?:were|was|is|are|been|being)$/iu.test(text)) continue;
    cues.push({ verbStart, verbEnd, np });
  }
  return cues;
}

/** The cue that claims a count at [start, end): the nearest one before it, else the nearest after. */
export function claimCueFor(cues: readonly ClaimCue[], start: number, end: number): ClaimCue | undefined {
  let before: ClaimCue | undefined;
  let after: ClaimCue | undefined;
  for (const c of cues) {
    if (c.verbEnd <= start && c.np.end <= start) before = c;
    else if (c.verbStart >= end && !after) after = c;
  }
  return before ?? after;
}
