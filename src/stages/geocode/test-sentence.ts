import assert from 'node:assert/strict';
import { SitrepDocument } from '../../core/document.js';
import type { Entity, EntityType, PlaceMention } from '../../core/layers/index.js';
import { OffsetMap } from '../../core/offset-map.js';
import { makeSpan } from '../../core/span.js';
import type { Gazetteer } from '../../services/gazetteer/index.js';
import { testGazetteer } from '../../services/gazetteer/test-helper.js';
import { createGeocodeStage } from './index.js';

/** For the geocode rule tests: the built gazetteer, or why a test must skip. */
export const gazetteerForTests: Gazetteer | undefined = testGazetteer();
export const skipWithoutGazetteer: string | false = gazetteerForTests ? false : 'gazetteer not built';

const stage = createGeocodeStage();

/** Geocode one sentence whose named entities are tagged by hand (first occurrence of each surface). */
export function geocodeSentence(text: string, entities: [string, EntityType][]): PlaceMention[] {
  const d = new SitrepDocument(text, {});
  d.set('clean', { text, map: OffsetMap.identity(text.length) });
  d.set('sentences', [{ index: 0, span: makeSpan(text, 0, text.length), paragraph: 0, heading: false }]);
  const ents: Entity[] = entities.map(([surface, type], i) => {
    const at = text.indexOf(surface);
    assert.ok(at >= 0, `"${surface}" not in the text`);
    return { id: `e${i + 1}`, span: makeSpan(text, at, at + surface.length), type, source: 'tagger' };
  });
  d.set('entities', ents);
  return stage.run(d, { gazetteer: gazetteerForTests! }).layers.places!;
}

export const placeAt = (ps: PlaceMention[], surface: string) => ps.find((p) => p.span.text === surface)!;
