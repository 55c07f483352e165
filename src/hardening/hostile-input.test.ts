import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SitrepDocument } from '../core/document.js';
import { articlesFromBuffer } from '../ingest/index.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { documentToJson } from '../serialize/document-json.js';
import { articleRecord } from '../store/record.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { invalidSpans } from '../testing/docs.js';
import { hostileInput } from './hostile-inputs.js';

const RUNS = Number(process.env.SITREP_FUZZ_RUNS ?? 10_000);

test(`${RUNS} hostile inputs mixed with good articles: no crash, good ones stored, bad ones named with a reason`, { timeout: 600_000 }, async () => {
  const pipeline = await createDefaultPipeline();
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'sitrep-fuzz-')), 'fuzz.db'));
  await store.migrate();
  const inputs = fc.sample(hostileInput, { numRuns: RUNS, seed: 20241124 });
  let stored = 0;
  let refused = 0;
  let goodSeen = 0;
  try {
    for (const [n, input] of inputs.entries()) {
      const name = `fuzz-${n}.${input.format ?? 'txt'}`;
      const items = await articlesFromBuffer(input.bytes, name, { format: input.format });
      if (input.good) goodSeen++;
      for (const item of items) {
        if (!item.ok) {
          assert.ok(!input.good, `${name}: a good article was refused: ${item.failure.message}`);
          assert.ok(item.failure.input.startsWith(name), `${name}: the failure must name the input, got "${item.failure.input}"`);
          assert.ok(item.failure.message.length > 3, `${name}: the failure must give a reason`);
          refused++;
          continue;
        }
        const doc = pipeline.run(new SitrepDocument(item.article.text, item.article.meta));
        const failed = doc.diagnostics.filter((d) => d.code === 'stage-failed');
        assert.deepEqual(failed, [], `${name}: a stage crashed`);
        const json = documentToJson(doc, pipeline.version);
        const { boilerplate, ...layers } = json.layers;
        assert.deepEqual(invalidSpans(json.clean!.text, layers), [], `${name}: invalid spans`);
        assert.deepEqual(invalidSpans(json.raw, boilerplate), [], `${name}: invalid boilerplate spans`);
        await store.saveArticle(articleRecord(json));
        stored++;
      }
    }
  } finally {
    await store.close();
  }
  assert.ok(goodSeen > RUNS / 10, 'the mix holds good articles');
  assert.ok(refused > 0 && stored > 0);
});
