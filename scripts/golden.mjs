#!/usr/bin/env node
// Regenerate the expected output of every golden case: node scripts/golden.mjs
// Then review the change with `git diff test/golden` before committing it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenProjection, runGoldenCase } from '../dist/golden/golden.js';

const root = new URL('../test/golden/', import.meta.url).pathname;
for (const name of readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory()).sort()) {
  const dir = join(root, name);
  const doc = await runGoldenCase(readFileSync(join(dir, 'input.txt'), 'utf8'), JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')));
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(goldenProjection(doc), null, 2)}\n`);
  console.log(`golden: wrote ${name}/expected.json`);
}
