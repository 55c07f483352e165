import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Nlp = ReturnType<typeof winkNLP>;

/** the part of wink's internal lexeme cache this module adjusts */
interface WinkCache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  intrinsicSize(): number;
}

let shared: { nlp: Nlp; startDocument: () => void } | undefined;

/**
 * wink-nlp, made to read every document as a fresh instance would. wink remembers each
 * unknown word it has tokenised, and a remembered word is kept whole later on: "Clinton’s"
 * once seen before a comma stays one token in later articles, where a fresh instance splits
 * "Clinton" + "’s". Tokens would then depend on which articles came before (a batch, a
 * worker thread). So a word wink learnt from an earlier document is looked up as unknown,
 * as on first sight; what it learns within the current document it keeps, as it always did.
 */
export function historyFreeWink(): { nlp: Nlp; startDocument: () => void } {
  if (shared) return shared;
  // wink's model takes ~100 ms to load: load it once, on first use
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const cache = internalCache(nlp);
  const intrinsic = cache.intrinsicSize();
  const lookup = cache.lookup.bind(cache);
  const add = cache.add.bind(cache);
  let learnt = new Set<string>();
  cache.lookup = (text) => {
    const found = lookup(text);
    return found && found.length === 1 && found[0]! >= intrinsic && !learnt.has(text) ? null : found;
  };
  cache.add = (text, category) => {
    learnt.add(text);
    learnt.add(text.toLowerCase());
    return add(text, category);
  };
  shared = { nlp, startDocument: () => void (learnt = new Set()) };
  return shared;
}

/**
 * wink keeps its lexeme cache private; an `its` mapper used with `as.text` is handed the
 * document's raw data, which holds it.
 */
function internalCache(nlp: Nlp): WinkCache {
  let cache: WinkCache | undefined;
  const grab = (_i: number, rdd: { cache?: WinkCache }) => {
    cache ??= rdd.cache;
    return '';
  };
  nlp.readDoc('a').tokens().out(grab as never, (nlp.as as unknown as { text: never }).text);
  if (!cache || typeof cache.lookup !== 'function' || typeof cache.add !== 'function' || typeof cache.intrinsicSize !== 'function') {
    throw new Error('wink-nlp: its lexeme cache is not where this version of sitrep expects it (see src/stages/segment/wink.ts)');
  }
  return cache;
}
