import { readFileSync } from 'node:fs';
import type { Services } from '../core/services.js';
import { dataPath, PACKAGE_ROOT } from '../core/paths.js';
import { createCleanStage } from '../stages/clean/index.js';
import { createSegmentStage } from '../stages/segment/index.js';
import { createNearDuplicateStage } from '../stages/near-duplicates/index.js';
import { Pipeline } from './pipeline.js';
import type { Stage } from './stage.js';

export const SOFTWARE_VERSION: string = JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')).version;

/** Services the default stages use, loaded once per process. */
export function loadDefaultServices(): Services {
  void dataPath;
  return {};
}

/** The stages of the full analysis, in order. */
export function defaultStages(): Stage[] {
  return [createCleanStage(), createSegmentStage(), createNearDuplicateStage()];
}

export function createDefaultPipeline(services: Services = loadDefaultServices()): Pipeline {
  return Pipeline.build(defaultStages(), services, { softwareVersion: SOFTWARE_VERSION });
}
