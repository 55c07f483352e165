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

/** What the stage reads of one word form, looked up once per form. */
export interface WordInfo {
  /** the form lower-cased */
  lower: string;
  lemmas: string[];
  /** the trigger entries its lemmas start, in lemma order (undefined: it starts none, as most words do) */
  starts: TriggerEntry[][] | undefined;
}

export interface TriggerMatcher {
  lemmas(token: Token): string[];
  /** the word infos of a sentence's tokens, by index */
  words(tokens: readonly Token[]): WordInfo[];
  /** `infos`: the tokens' word infos from `words` (read here when not given) */
  find(tokens: readonly Token[], infos?: readonly WordInfo[]): TriggerHit[];
}

const PUNCT = /^[.,;:!?]$/;

export function triggerMatcher(lexicon: EventsLexicon): TriggerMatcher {
  const byFirst = new Map<string, TriggerEntry[]>();
  for (const t of lexicon.triggers) {
    const list = byFirst.get(t.words[0]!) ?? [];
    list.push(t);
    byFirst.set(t.words[0]!, list);
  }
  const cache = new Map<string, WordInfo>();
  const info = (word: string): WordInfo => {
    let c = cache.get(word);
    if (!c) {
      const ls = lemmaCandidates(word, lexicon.irregular);
      const starts = ls.map((l) => byFirst.get(l)).filter((x): x is TriggerEntry[] => x !== undefined);
      cache.set(word, (c = { lower: word.toLowerCase(), lemmas: ls, starts: starts.length ? starts : undefined }));
    }
    return c;
  };
  const lemmas = (tok: Token): string[] => info(tok.span.text).lemmas;
  const words = (tokens: readonly Token[]): WordInfo[] => {
    const infos: WordInfo[] = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) infos[i] = info(tokens[i]!.span.text);
    return infos;
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

  const find = (tokens: readonly Token[], infos: readonly WordInfo[] = words(tokens)): TriggerHit[] => {
    const hits: TriggerHit[] = [];
    const n = tokens.length;
    // each token's word is looked up once (a token's window is looked at by many entries)
    const lem = (j: number): string[] => infos[j]!.lemmas;
    // whether the sentence holds one of an entry's `sentenceHas` lemmas: the same for every token
    const sentenceHas = new Map<readonly string[], boolean>();
    for (let i = 0; i < n; i++) {
      const starts = infos[i]!.starts;
      if (!starts) continue;
      const tok = tokens[i]!;
      let matched: TriggerHit[] | undefined;
      for (const entries of starts) {
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
  return { lemmas, words, find };
}
