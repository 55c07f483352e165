import { readFileSync } from 'node:fs';
import type { Services } from '../core/services.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { loadActorDictionary } from '../services/actors/index.js';
import { loadGazetteer } from '../services/gazetteer/index.js';
import { loadNerTaggerService } from '../services/ner/index.js';
import { createActorsStage } from '../stages/actors/index.js';
import { createBackgroundStage } from '../stages/background/index.js';
import { createCleanStage } from '../stages/clean/index.js';
import { createCountsStage } from '../stages/counts/index.js';
import { createDatesStage } from '../stages/dates/index.js';
import { createEntitiesStage } from '../stages/entities/index.js';
import { createEventsStage } from '../stages/events/index.js';
import { createGeocodeStage } from '../stages/geocode/index.js';
import { createNearDuplicateStage } from '../stages/near-duplicates/index.js';
import { createQuotesStage } from '../stages/quotes/index.js';
import { createRestatementStage } from '../stages/restatements/index.js';
import { createSegmentStage } from '../stages/segment/index.js';
import { createTallyStage } from '../stages/tallies/index.js';
import { Pipeline } from './pipeline.js';
import type { Stage } from './stage.js';

export const SOFTWARE_VERSION: string = JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')).version;

let loaded: Promise<Services> | undefined;

/** Services the default stages use (gazetteer, NER tagger, actor dictionary), loaded once per process. */
export function loadDefaultServices(): Promise<Services> {
  loaded ??= (async () => {
    const { tagger } = await loadNerTaggerService();
    return { gazetteer: loadGazetteer(), nerTagger: tagger, actors: loadActorDictionary() };
  })();
  return loaded;
}

/** The stages of the full analysis, in order. */
export function defaultStages(): Stage[] {
  return [
    createCleanStage(),
    createSegmentStage(),
    createNearDuplicateStage(),
    createEntitiesStage(),
    createActorsStage(),
    createGeocodeStage(),
    createDatesStage(),
    createBackgroundStage(),
    createQuotesStage(),
    createCountsStage(),
    createEventsStage(),
    createRestatementStage(),
    createTallyStage(),
  ];
}

export async function createDefaultPipeline(services?: Services): Promise<Pipeline> {
  return Pipeline.build(defaultStages(), services ?? (await loadDefaultServices()), { softwareVersion: SOFTWARE_VERSION });
}
