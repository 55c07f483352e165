import type { PloverType, Token } from '../../core/layers/index.js';
import { lemmaCandidates, type EventsLexicon, type TriggerEntry } from './lexicon.js';

/** One trigger found in a sentence: token indices are into the sentence's token list. */
export interface TriggerHit {
  first: number;
  last: number;
  type: PloverType;
  mode?: string;
  speech: boolean;
  entry: TriggerEntry;
}

export interface TriggerMatcher {
  lemmas(token: Token): string[];
  find(tokens: readonly Token[]): TriggerHit[];
}

const PUNCT = /^[.,;:!?]$/;

export function triggerMatcher(lexicon: EventsLexicon): TriggerMatcher {
  const byFirst = new Map<string, TriggerEntry[]>();
  for (const t of lexicon.triggers) {
    const list = byFirst.get(t.words[0]!) ?? [];
    list.push(t);
    byFirst.set(t.words[0]!, list);
  }
  const cache = new Map<string, string[]>();
  const lemmas = (tok: Token): string[] => {
    let c = cache.get(tok.span.text);
    if (!c) cache.set(tok.span.text, (c = lemmaCandidates(tok.span.text, lexicon.irregular)));
    return c;
  };
  /** Lemmas of a sentence's tokens by index, computed once per `find` (a token's window is looked at by many entries). */
  const sentenceLemmas = (tokens: readonly Token[]) => {
    const memo: (string[] | undefined)[] = new Array(tokens.length);
    return (j: number): string[] => memo[j] ?? (memo[j] = lemmas(tokens[j]!));
  };
  const anyIn = (lem: (j: number) => string[], from: number, to: number, words: readonly string[]) => {
    for (let j = from; j < to; j++) if (lem(j).some((l) => words.includes(l))) return true;
    return false;
  };

  /** Match the rest of a phrase after its first word: the second word may come up to two tokens later ("hand them over"). */
  const matchRest = (tokens: readonly Token[], lem: (j: number) => string[], i: number, words: readonly string[]): number | undefined => {
    let at = i;
    for (let w = 1; w < words.length; w++) {
      const gap = w === 1 ? 3 : 1;
      let found: number | undefined;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + gap); j++) {
        if (lem(j).includes(words[w]!)) {
          found = j;
          break;
        }
        if (PUNCT.test(tokens[j]!.span.text)) break;
      }
      if (found === undefined) return undefined;
      at = found;
    }
    return at;
  };

  const find = (tokens: readonly Token[]): TriggerHit[] => {
    const hits: TriggerHit[] = [];
    const n = tokens.length;
    const lem = sentenceLemmas(tokens);
    // whether the sentence holds one of an entry's `sentenceHas` lemmas: the same for every token
    const sentenceHas = new Map<readonly string[], boolean>();
    for (let i = 0; i < n; i++) {
      const tok = tokens[i]!;
      let matched: TriggerHit[] | undefined;
      for (const lemma of lem(i)) {
        const entries = byFirst.get(lemma);
        if (!entries) continue;
        for (const e of entries) {
          if (e.pos && !e.pos.includes(tok.pos)) continue;
          if (e.lowercase && tok.span.text !== tok.span.text.toLowerCase()) continue;
          const last = e.words.length > 1 ? matchRest(tokens, lem, i, e.words) : i;
          if (last === undefined) continue;
          if (e.next && !anyIn(lem, last + 1, Math.min(n, last + 1 + e.window), e.next)) continue;
          if (e.prev && !anyIn(lem, Math.max(0, i - e.window), i, e.prev)) continue;
          if (e.sentenceHas) {
            let has = sentenceHas.get(e.sentenceHas);
            if (has === undefined) sentenceHas.set(e.sentenceHas, (has = anyIn(lem, 0, n, e.sentenceHas)));
            if (!has) continue;
          }
          if (e.notPrev && anyIn(lem, Math.max(0, i - e.window), i, e.notPrev)) continue;
          if (e.notNext && anyIn(lem, last + 1, Math.min(n, last + 1 + e.window), e.notNext)) continue;
          if (matched?.some((m) => m.entry === e)) continue;
          (matched ??= []).push({ first: i, last, type: e.type, ...(e.mode ? { mode: e.mode } : {}), speech: e.speech, entry: e });
        }
      }
      if (!matched) continue;
      // a conditional or multi-word trigger beats a bare one on the same token ("hunger strike" is no air strike)
      let best = -Infinity;
      for (const m of matched) if (m.entry.specificity > best) best = m.entry.specificity;
      for (const m of matched) if (m.entry.specificity === best) hits.push(m);
    }
    return hits;
  };
  return { lemmas, find };
}
