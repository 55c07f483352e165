import type { Stage } from '../../pipeline/stage.js';
import { loadActorDictionary, type ActorDictionary } from '../../services/actors/index.js';
import { resolveActors } from './resolve.js';

export { resolveActors } from './resolve.js';
export { UNKNOWN_CODE } from './codes.js';

/**
 * Actor mentions resolved to CAMEO/PLOVER-style codes. Services: `actors` (the actor
 * dictionary; the shipped one is loaded when absent).
 */
export function createActorsStage(options: { dictionary?: ActorDictionary } = {}): Stage {
  return {
    name: 'actors',
    version: '1',
    requires: ['sentences', 'tokens', 'entities'],
    provides: ['actors'],
    run(doc, services) {
      const dict = services.actors ?? options.dictionary ?? loadActorDictionary();
      return { layers: { actors: resolveActors(doc.text, doc.get('tokens'), doc.get('sentences'), doc.get('entities'), dict) } };
    },
  };
}
