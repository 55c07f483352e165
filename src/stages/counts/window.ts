import type { CountKind } from '../../core/layers/index.js';
import type { CountPatterns } from './patterns.js';
import { matchAll } from '../../core/match-all.js';

/**
 * Looking at the text around a number: end-anchored patterns run on a bounded window,
 * and cheap checks that skip a slow pattern where it cannot match.
 */

// "suspected of killing a chief", "militiamen who had killed civilians", "accusing him of murdering": the killers'
// past deed, not this event's count; after a comma the relative clause tells this event ("vigilantes, who killed one")
export const ALLEGED_ACT = /(?:(?:nearly|almost|narrowly|attempt(?:ed|ing)?\s+to|tr(?:y|ied|ying)\s+to|plan(?:ned|ning)?\s+to|threaten(?:ed|ing|s)?\s+to|(?:suspected|accused|believed|alleged)\s+to\s+have)|(?:suspected|accused|convicted|charged|wanted|blamed|jailed|sentenced|guilty|responsible|arrested|detained|held)\s+(?:of|for|over|with|in connection with)|accus(?:e|es|ed|ing)\s+(?:him|her|them|\p{L}+)\s+of|(?<!,\s*)\bwho\s+(?:(?:they|police|residents|he|she)\s+(?:believe|believed|say|said|claim|claimed|suspect|suspected)\s+)?(?:had\s+|has\s+|have\s+)?(?:allegedly\s+|reportedly\s+)?)\s*$/iu;
/**
 * The patterns before a number are anchored at its left and reach back at most a
 * clause; looking at a bounded window keeps a sentence of 10,000 numbers linear.
 */
const LOOKBACK = 240;

/** Run an end-anchored regex on the text just before `end`; the match index is made absolute. */
export function execBefore(re: RegExp | undefined, s: string, end: number): RegExpExecArray | null {
  if (!re) return null;
  const from = Math.max(0, end - LOOKBACK);
  const m = re.exec(s.slice(from, end));
  if (m) m.index += from;
  return m;
}

export const testBefore = (re: RegExp, s: string, end: number) => re.test(s.slice(Math.max(0, end - LOOKBACK), end));

/**
 * The last three white-space separated chunks before `end`, lower-cased, leading
 * non-letters dropped: a `left` pattern (VERB, then at most two determiner words, then
 * white space) can only match when one of them is the last word of one of its verbs.
 * Checking that first spares the end-anchored regex, which is slow, at most numbers.
 */
export function chunksBefore(s: string, end: number): string[] {
  const out: string[] = [];
  let i = end;
  if (i === 0 || !/\s/u.test(s[i - 1]!)) return out;
  while (out.length < 3 && i > 0) {
    while (i > 0 && /\s/u.test(s[i - 1]!)) i--;
    const stop = i;
    while (i > 0 && !/\s/u.test(s[i - 1]!)) i--;
    if (stop > i) out.push(s.slice(i, stop).toLowerCase().replace(/^[^\p{L}]+/u, ''));
  }
  return out;
}

export const mayFollowVerb = (p: CountPatterns, k: CountKind, chunks: readonly string[]) => {
  const words = p.verbLastWords.get(k);
  return !!words && chunks.some((c) => words.has(c));
};

/** Per kind, the last place in the sentence where its participle may start (-1: nowhere). */
export function lastParticiples(p: CountPatterns, s: string): (k: CountKind) => number {
  const cache = new Map<CountKind, number>();
  return (k) => {
    let at = cache.get(k);
    if (at === undefined) {
      at = -1;
      for (const m of matchAll(p.participleAt.get(k)!, s)) at = m.index!;
      cache.set(k, at);
    }
    return at;
  };
}
