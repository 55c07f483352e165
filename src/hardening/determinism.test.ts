import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'sitrep.js');

function analyzeJson(path: string): string {
  const r = spawnSync(process.execPath, [BIN, 'analyze', path, '--json', '--published', '2024-07-10'], { encoding: 'utf8', maxBuffer: 1e8 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('the same input gives byte-identical --json output across runs', () => {
  const samples = join(PACKAGE_ROOT, 'samples');
  for (const name of readdirSync(samples).sort()) {
    const path = join(samples, name);
    const first = analyzeJson(path);
    assert.ok(first.length > 1000);
    assert.equal(analyzeJson(path), first, `${name}: output differs between runs`);
  }
});
