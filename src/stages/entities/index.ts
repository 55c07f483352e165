import { diagnostic } from '../../core/diagnostics.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadActorDictionary, type ActorDictionary } from '../../services/actors/index.js';
import '../../services/ner/index.js';
import { recogniseEntities } from './recognise.js';

export { recogniseEntities } from './recognise.js';

/**
 * Named entities over the segment stage's tokens. Services: `actors` (the actor
 * dictionary; the shipped one is loaded when absent) and, optionally, `nerTagger`
 * (without it the stage runs on dictionaries and rules, and says so in an info diagnostic).
 */
export function createEntitiesStage(options: { dictionary?: ActorDictionary } = {}): Stage {
  return {
    name: 'entities',
    // 8: "Kyiv Mayor" read as one organisation is the place Kyiv; a name of several words before "party" is the party; an unknown NORP before "district" is the district; "militias known as X" names a group; "General Zaw Min Tun" cut to "Min Tun" is made whole
    version: '8',
    requires: ['sentences', 'tokens'],
    provides: ['entities'],
    run(doc, services) {
      const dict = services.actors ?? options.dictionary ?? loadActorDictionary();
      const entities = recogniseEntities(doc.text, doc.get('tokens'), doc.get('sentences'), dict, services.nerTagger);
      const diagnostics = services.nerTagger ? [] : [diagnostic('entities', 'ner-tagger-absent', 'info', 'no NER tagger service: entities from dictionaries and rules only')];
      return { layers: { entities }, diagnostics };
    },
  };
}
