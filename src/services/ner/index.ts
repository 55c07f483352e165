/**
 * The statistical NER tagger (src/stages/entities/tagger/) as an injected service.
 * The tagger module is loaded at run time so that the rest of the pipeline builds and
 * runs (with rules and dictionaries only) while the tagger or its model is missing.
 */
export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerTokenSpan {
  startToken: number;
  /** exclusive */
  endToken: number;
  label: NerLabel;
}

/** A tagged name as half-open UTF-16 offsets into the text given. */
export interface NerCharSpan {
  start: number;
  end: number;
  label: NerLabel;
}

export interface NerTaggerService {
  /** one array of token texts per sentence in, one array of spans per sentence out */
  tagDocument(sentences: string[][]): NerTokenSpan[][];
  /**
   * Tag raw text with the tagger's own sentence splitter and tokenizer (the ones it was
   * trained with: clitics, hyphens and "U.S." as in CoNLL). Preferred over `tagDocument`
   * on another tokenizer's tokens, which costs the tagger several points of F1.
   */
  recogniseText?(text: string): NerCharSpan[];
  /** where the tagger came from, for the run record */
  readonly version?: string;
}

declare module '../../core/services.js' {
  interface Services {
    nerTagger?: NerTaggerService;
  }
}

type RawTagger = { tagDocument(sentences: string[][]): NerTokenSpan[][] };

interface TaggerModule {
  loadNerTagger(modelPath?: string): RawTagger;
  recogniseEntitiesInText?(tagger: RawTagger, text: string): NerCharSpan[];
}

/** Wrap an already loaded tagger object (and, when given, its own raw-text recogniser). */
export function nerTaggerService(tagger: RawTagger, version?: string, recognise?: (tagger: RawTagger, text: string) => NerCharSpan[]): NerTaggerService {
  const svc: NerTaggerService = { tagDocument: (s) => tagger.tagDocument(s), version };
  if (recognise) svc.recogniseText = (text) => recognise(tagger, text);
  return svc;
}

/**
 * Load the trained tagger, or undefined (with the reason) when the tagger module or
 * its model file is not there: callers then run on rules and dictionaries alone.
 */
export async function loadNerTaggerService(modelPath?: string): Promise<{ tagger?: NerTaggerService; reason?: string }> {
  // a variable specifier keeps the compiler from requiring the module at build time
  const specifier = '../../stages/entities/tagger/index.js';
  try {
    const mod = (await import(specifier)) as TaggerModule;
    if (typeof mod.loadNerTagger !== 'function') return { reason: 'tagger module has no loadNerTagger' };
    const recognise = typeof mod.recogniseEntitiesInText === 'function' ? mod.recogniseEntitiesInText : undefined;
    return { tagger: nerTaggerService(mod.loadNerTagger(modelPath), modelPath ?? 'default', recognise) };
  } catch (err) {
    return { reason: (err as Error).message };
  }
}
