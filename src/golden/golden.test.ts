import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import { invalidSpans } from '../testing/docs.js';
import { goldenProjection, runGoldenCase } from './golden.js';

const root = join(PACKAGE_ROOT, 'test', 'golden');

// End-to-end cases we wrote: the whole pipeline's readable output must equal the
// reviewed expected file (regenerate with `node scripts/golden.mjs`, review the diff).
for (const name of readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory()).sort()) {
  test(`golden case ${name}`, async () => {
    const dir = join(root, name);
    const doc = await runGoldenCase(readFileSync(join(dir, 'input.txt'), 'utf8'), JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')));
    const { boilerplate, ...layers } = doc.layers;
    assert.deepEqual(invalidSpans(doc.clean!.text, layers), []);
    assert.deepEqual(invalidSpans(doc.raw, boilerplate), []);
    assert.deepEqual(goldenProjection(doc), JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
  });
}
