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
