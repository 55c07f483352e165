import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import { invalidSpans } from '../testing/docs.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'sitrep.js');

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, env: { ...process.env, SITREP_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function articleFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), 'Militia fighters attacked a checkpoint near the river on Friday, officials said.\n');
  writeFileSync(join(dir, 'nested', 'b.txt'), 'The council met on Saturday and called for calm after the clashes.\n');
  writeFileSync(join(dir, 'nested', 'deeper', 'c.jsonl'), `${JSON.stringify({ id: 'c1', text: 'Talks resumed in the capital on Sunday.', outlet: 'Test Wire', publishedAt: '2024-02-04' })}\n`);
  writeFileSync(join(dir, 'nested', 'corrupt.txt'), Buffer.from([0x00, 0xff, 0x13, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  return dir;
}

test('ingest stores a folder, names the corrupt file, and a second run stores nothing new', () => {
  const dir = articleFolder();
  const db = join(dir, 'test.db');
  const first = sitrep(['ingest', dir, '--db', db, '--json']);
  assert.equal(first.code, 1, 'exit code says some failed');
  const s1 = JSON.parse(first.stdout);
  assert.equal(s1.stored, 3);
  assert.equal(s1.failed, 1);
  assert.match(s1.errors[0].input, /corrupt\.txt$/);
  assert.ok(s1.errors[0].message.length > 0);
  const second = JSON.parse(sitrep(['ingest', dir, '--db', db, '--json']).stdout);
  assert.deepEqual({ stored: second.stored, duplicates: second.duplicates }, { stored: 0, duplicates: 3 });
  const list = JSON.parse(sitrep(['articles', 'list', '--db', db, '--json']).stdout);
  assert.equal(list.items.length, 3);
  const shown = JSON.parse(sitrep(['articles', 'show', 'c1', '--db', db, '--json']).stdout);
  assert.equal(shown.outlet, 'Test Wire');
  const hits = JSON.parse(sitrep(['search', 'checkpoint', '--db', db, '--json']).stdout);
  assert.equal(hits.length, 1);
});

test('analyze --json gives every layer with valid spans, from a file or standard input', () => {
  const text = 'Ceasefire talks stall\nBy Ann Writer\nNegotiators left Geneva on Tuesday without a deal, the envoy said.\nSource: Test Wire';
  const r = sitrep(['analyze', '-', '--json', '--published', '2024-03-06'], text);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.meta.outlet, 'Test Wire');
  assert.equal(doc.meta.publishedAt, '2024-03-06');
  assert.ok(!doc.clean.text.includes('Ann Writer'));
  assert.ok(doc.layers.sentences.length >= 2);
  const { boilerplate, ...cleanLayers } = doc.layers;
  assert.deepEqual(invalidSpans(doc.clean.text, cleanLayers), []);
  assert.deepEqual(invalidSpans(doc.raw, boilerplate), []);
});

test('bad input gives one clear line naming it, never a stack trace', () => {
  const missing = sitrep(['analyze', '/no/such/article.txt']);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /\/no\/such\/article\.txt/);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
  const badDate = sitrep(['analyze', '-', '--published', 'yesterday'], 'Text.');
  assert.notEqual(badDate.code, 0);
  assert.match(badDate.stderr, /--published "yesterday"/);
  const badGold = sitrep(['eval', 'gold', '/no/such.gold.json']);
  assert.match(badGold.stderr, /no such file/);
  assert.doesNotMatch(badGold.stderr, /\n\s+at /);
});

test('every command has --help with examples', () => {
  for (const cmd of [['analyze'], ['ingest'], ['articles', 'list'], ['articles', 'show'], ['search'], ['eval'], ['serve'], ['watch'], ['export'], ['clusters'], ['demo'], ['report'], ['alerts', 'add']]) {
    const r = sitrep([...cmd, '--help']);
    assert.equal(r.code, 0, cmd.join(' '));
    assert.match(r.stdout, /Example/, cmd.join(' '));
  }
});

test('a reader that stops early (sitrep ... | head) ends the command quietly, with no stack trace', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy(); // the pipe's reader is gone before sitrep writes
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.doesNotMatch(stderr, /EPIPE|Unhandled|\n\s+at /, stderr);
  assert.equal(code, 0);
});
