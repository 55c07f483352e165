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
  const has = (tok: Token | undefined, words: readonly string[]) => !!tok && lemmas(tok).some((l) => words.includes(l));

  /** Match the rest of a phrase after its first word: the second word may come up to two tokens later ("hand them over"). */
  const matchRest = (tokens: readonly Token[], i: number, words: readonly string[]): number | undefined => {
    let at = i;
    for (let w = 1; w < words.length; w++) {
      const gap = w === 1 ? 3 : 1;
      let found: number | undefined;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + gap); j++) {
        if (lemmas(tokens[j]!).includes(words[w]!)) {
          found = j;
          break;
        }
        if (/^[.,;:!?]$/.test(tokens[j]!.span.text)) break;
      }
      if (found === undefined) return undefined;
      at = found;
    }
    return at;
  };

  const find = (tokens: readonly Token[]): TriggerHit[] => {
    const hits: TriggerHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const matched: TriggerHit[] = [];
      for (const lemma of lemmas(tok)) {
        for (const e of byFirst.get(lemma) ?? []) {
          if (e.pos && !e.pos.includes(tok.pos)) continue;
          if (e.lowercase && tok.span.text !== tok.span.text.toLowerCase()) continue;
          const last = e.words.length > 1 ? matchRest(tokens, i, e.words) : i;
          if (last === undefined) continue;
          if (e.next && !tokens.slice(last + 1, last + 1 + e.window).some((t) => has(t, e.next!))) continue;
          if (e.prev && !tokens.slice(Math.max(0, i - e.window), i).some((t) => has(t, e.prev!))) continue;
          if (e.sentenceHas && !tokens.some((t) => has(t, e.sentenceHas!))) continue;
          if (e.notPrev && tokens.slice(Math.max(0, i - e.window), i).some((t) => has(t, e.notPrev!))) continue;
          if (e.notNext && tokens.slice(last + 1, last + 1 + e.window).some((t) => has(t, e.notNext!))) continue;
          if (matched.some((m) => m.entry === e)) continue;
          matched.push({ first: i, last, type: e.type, ...(e.mode ? { mode: e.mode } : {}), speech: e.speech, entry: e });
        }
      }
      if (!matched.length) continue;
      // a conditional or multi-word trigger beats a bare one on the same token ("hunger strike" is no air strike)
      const best = Math.max(...matched.map((m) => m.entry.specificity));
      hits.push(...matched.filter((m) => m.entry.specificity === best));
    }
    return hits;
  };
  return { lemmas, find };
}
