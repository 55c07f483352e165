import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerTaggerService, nerTaggerService } from './index.js';

test('loading the tagger never throws: a missing model is a reason, not an error', async () => {
  const r = await loadNerTaggerService('/nonexistent/model.bin.gz');
  assert.equal(r.tagger, undefined);
  assert.ok(r.reason);
});

test('a loaded tagger is wrapped as the service', () => {
  const svc = nerTaggerService({ tagDocument: (s) => s.map(() => []) }, 'test');
  assert.deepEqual(svc.tagDocument([['a', 'b']]), [[]]);
  assert.equal(svc.version, 'test');
});

test('a raw-text recogniser, when the tagger module has one, is exposed on the service', () => {
  const svc = nerTaggerService({ tagDocument: (s) => s.map(() => []) }, 'test', (_t, text) => [{ start: 0, end: text.length, label: 'PER' }]);
  assert.deepEqual(svc.recogniseText?.('Zorbo'), [{ start: 0, end: 5, label: 'PER' }]);
  assert.equal(nerTaggerService({ tagDocument: () => [] }).recogniseText, undefined);
});
