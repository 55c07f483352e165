import type { Stage } from '../../pipeline/stage.js';
import { loadActorDictionary, type ActorDictionary } from '../../services/actors/index.js';
import { gazetteerPlaceCountry } from './place-country.js';
import { resolveActors } from './resolve.js';

export { resolveActors } from './resolve.js';
export { UNKNOWN_CODE } from './codes.js';

/**
 * Actor mentions resolved to CAMEO/PLOVER-style codes. Services: `actors` (the actor
 * dictionary; the shipped one is loaded when absent) and, when given, `gazetteer` (the country
 * of towns the dictionary does not list, for the sentence's context).
 */
export function createActorsStage(options: { dictionary?: ActorDictionary } = {}): Stage {
  return {
    name: 'actors',
    // 7: a civilian or official noun followed by "in <place>" belongs to that place's country (forces excepted); 8: weapons after a nationality are its forces, affiliations ("-linked") no actor
    // 9: local people (police, protesters, residents) take the country of their scene; a thing's nationality is no context
    // 10: an institution adjective before a thing is no actor
    // 11: a town the dictionary lacks sets its country only when the article names that country or the town is a big city
    // 12: "the group" after a listed organisation is that organisation
    // 13: rights groups are an NGO institution that may stand bare
    // 14: an institution after a possessive pronoun belongs to the pronoun's antecedent's country
    version: '14',
    requires: ['sentences', 'tokens', 'entities'],
    provides: ['actors'],
    run(doc, services) {
      const dict = services.actors ?? options.dictionary ?? loadActorDictionary();
      const placeCountry = services.gazetteer ? gazetteerPlaceCountry(services.gazetteer) : undefined;
      return { layers: { actors: resolveActors(doc.text, doc.get('tokens'), doc.get('sentences'), doc.get('entities'), dict, placeCountry) } };
    },
  };
}

