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

export interface NerTaggerService {
  /** one array of token texts per sentence in, one array of spans per sentence out */
  tagDocument(sentences: string[][]): NerTokenSpan[][];
  /** where the tagger came from, for the run record */
  readonly version?: string;
}

declare module '../../core/services.js' {
  interface Services {
    nerTagger?: NerTaggerService;
  }
}

interface TaggerModule {
  loadNerTagger(modelPath?: string): { tagDocument(sentences: string[][]): NerTokenSpan[][] };
}

/** Wrap an already loaded tagger object. */
export function nerTaggerService(tagger: { tagDocument(sentences: string[][]): NerTokenSpan[][] }, version?: string): NerTaggerService {
  return { tagDocument: (s) => tagger.tagDocument(s), version };
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
    return { tagger: nerTaggerService(mod.loadNerTagger(modelPath), modelPath ?? 'default') };
  } catch (err) {
    return { reason: (err as Error).message };
  }
}
