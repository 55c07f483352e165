import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../core/document.js';
import { OffsetMap } from '../core/offset-map.js';
import { Pipeline, PipelineError } from './pipeline.js';
import type { Stage } from './stage.js';

const cleanStage: Stage = {
  name: 'identity-clean', version: '1', requires: [], provides: ['clean'],
  run: (doc) => ({ layers: { clean: { text: doc.raw, map: OffsetMap.identity(doc.raw.length) } } }),
};
const sentenceStage: Stage = {
  name: 'one-sentence', version: '1', requires: ['clean'], provides: ['sentences'],
  run: (doc) => ({ layers: { sentences: [{ index: 0, span: { start: 0, end: doc.text.length, text: doc.text }, paragraph: 0, heading: false }] } }),
};
const failing: Stage = {
  name: 'broken', version: '1', requires: ['clean'], provides: ['tokens'],
  run: () => { throw new Error('boom'); },
};
const needsTokens: Stage = {
  name: 'needs-tokens', version: '1', requires: ['tokens'], provides: ['entities'],
  run: () => ({ layers: { entities: [] } }),
};

test('the builder rejects a stage whose requirements come later or never', () => {
  assert.throws(() => Pipeline.build([sentenceStage, cleanStage], {}), PipelineError);
  assert.throws(() => Pipeline.build([cleanStage, needsTokens], {}), /requires "tokens"/);
});

test('the builder rejects two providers of one layer', () => {
  assert.throws(() => Pipeline.build([cleanStage, { ...cleanStage, name: 'other-clean' }], {}), /both provide "clean"/);
});

test('a failing stage becomes a diagnostic; dependants are skipped; the run goes on', () => {
  const p = Pipeline.build([cleanStage, failing, needsTokens, sentenceStage], {}, { softwareVersion: '1.0.0' });
  const doc = p.run(new SitrepDocument('Some text.'));
  assert.ok(doc.has('sentences'));
  assert.equal(doc.has('tokens'), false);
  const codes = doc.diagnostics.map((d) => `${d.stage}/${d.code}/${d.severity}`);
  assert.deepEqual(codes, ['broken/stage-failed/error', 'needs-tokens/stage-skipped/warning']);
  assert.match(doc.diagnostics[0]!.message, /boom/);
  assert.equal(p.timings.get('identity-clean')?.runs, 1);
});

test('the pipeline version changes when a stage version changes', () => {
  const a = Pipeline.build([cleanStage], {}, { softwareVersion: '1.0.0' });
  const b = Pipeline.build([{ ...cleanStage, version: '2' }], {}, { softwareVersion: '1.0.0' });
  assert.notEqual(a.version, b.version);
  assert.match(a.version, /^1\.0\.0\+[0-9a-f]{8}$/);
});

test('a layer, once set, is never replaced', () => {
  const doc = new SitrepDocument('x');
  doc.set('boilerplate', []);
  assert.throws(() => doc.set('boilerplate', []), /already set/);
});
