import assert from 'node:assert/strict';
import type { CasualtyCount } from '../../core/layers/index.js';
import { invalidSpans, segmentedDoc } from '../../testing/docs.js';
import { createCountsStage } from './index.js';

const stage = createCountsStage();

/** The counts stage alone over a segmented text (no actors, places or dates), every span checked. */
export function countsOf(text: string): CasualtyCount[] {
  const doc = segmentedDoc(text);
  doc.set('actors', []);
  doc.set('places', []);
  doc.set('dates', []);
  const out = stage.run(doc, {}).layers.counts!;
  assert.deepEqual(invalidSpans(doc.text, out), []);
  return out;
}
