import type { ActorDictionary } from './dictionary.js';

export { ActorDictionary, loadActorDictionary, type DictionaryOptions } from './dictionary.js';
export { ActorFileError, readActorFile, validateActorFile } from './load.js';
export { PhraseIndex, TokenText, leadingWord } from './phrase-index.js';
export type * from './types.js';

declare module '../../core/services.js' {
  interface Services {
    /** the compiled actor dictionary (data/actors/actors.json + NER gazetteer lists) */
    actors?: ActorDictionary;
  }
}
export { TokenView } from './token-view.js';
