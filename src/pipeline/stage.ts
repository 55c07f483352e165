import type { Diagnostic } from '../core/diagnostics.js';
import type { ArticleMeta, SitrepDocument } from '../core/document.js';
import type { LayerName, Layers } from '../core/layers/index.js';
import type { Services } from '../core/services.js';

export interface StageOutput {
  layers: Partial<Layers>;
  diagnostics?: Diagnostic[];
  /** metadata the stage found in the text (e.g. the outlet from a credit line) */
  meta?: Partial<ArticleMeta>;
}

/**
 * A stage reads the layers it requires from the document and returns the layers it
 * provides. It never mutates the document and never imports another stage.
 */
export interface Stage {
  readonly name: string;
  /** bump when the stage's output changes for the same input */
  readonly version: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  run(doc: SitrepDocument, services: Services): StageOutput;
}
