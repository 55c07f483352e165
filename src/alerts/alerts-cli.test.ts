import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../core/paths.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'sitrep.js');
const report = (n: number) => fileURLToPath(new URL(`../../src/alerts/fixtures/report-${n}.json`, import.meta.url));

function sitrep(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('sitrep alerts: add, list, ingest fires once to stdout and JSONL, matches, remove; bad input is one clear line', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'sitrep.db');
  const jsonl = join(dir, 'alerts.jsonl');

  const added = sitrep('alerts', 'add', '--name', 'caucasus', '--type', 'ASSAULT', '--country', 'ARM,AZE', '--min-killed', '10', '--db', db);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /added alert caucasus {2}--type ASSAULT --country ARM,AZE --min-killed 10 {2}→ stdout/);
  assert.equal(sitrep('alerts', 'add', '--name', 'file', '--type', 'assault', '--min-killed', '10', '--deliver', `jsonl:${jsonl}`, '--db', db).code, 0);

  for (const [args, message] of [
    [['--name', 'caucasus'], /^sitrep: an alert named "caucasus" already exists\n$/],
    [['--name', 'x', '--type', 'BOMBING'], /^sitrep: unknown PLOVER type BOMBING/],
    [['--name', 'x', '--min-killed', 'many'], /^sitrep: minimum killed must be a whole number from 1, not "many"\n$/],
    [['--name', 'x', '--deliver', 'email:me'], /^sitrep: delivery "email:me" must be stdout, jsonl:PATH or webhook:URL\n$/],
    [['--name', 'x', '--from', '2024-13-45'], /^sitrep: "from" must be a date/],
  ] as const) {
    const r = sitrep('alerts', 'add', ...args, '--db', db);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message);
  }

  const listed = JSON.parse(sitrep('alerts', 'list', '--json', '--db', db).stdout) as { items: { name: string; filter: Record<string, string>; thresholds: Record<string, number> }[] };
  assert.deepEqual(listed.items.map((a) => [a.name, a.filter, a.thresholds]), [
    ['caucasus', { type: 'ASSAULT', country: 'ARM,AZE' }, { killed: 10 }],
    ['file', { type: 'assault' }, { killed: 10 }],
  ]);

  const outputs = [[1, 2], [3], [4]].map((ns) => sitrep('ingest', ...ns.map(report), '--db', db, '--threads', '1'));
  for (const o of outputs) assert.equal(o.code, 0, o.stderr);
  const alertLines = outputs.map((o) => o.stdout.split('\n').filter((l) => l.startsWith('alert ')));
  assert.deepEqual(alertLines.map((l) => l.length), [0, 1, 0], 'only the report that brings the toll to 12 prints an alert');
  assert.match(alertLines[1]![0]!, /^alert caucasus: ASSAULT .*12 killed \(3–12\); 3 reports/);
  assert.equal(readFileSync(jsonl, 'utf8').trimEnd().split('\n').length, 1);

  const matches = JSON.parse(sitrep('alerts', 'matches', '--json', '--db', db).stdout) as { items: { alert: string }[] };
  assert.deepEqual(matches.items.map((m) => m.alert).sort(), ['caucasus', 'file']);
  assert.equal(sitrep('alerts', 'remove', 'file', '--db', db).code, 0);
  const gone = sitrep('alerts', 'remove', 'file', '--db', db);
  assert.deepEqual([gone.code, gone.stderr], [1, 'sitrep: no alert named "file"\n']);
  assert.match(sitrep('alerts', 'matches', '--db', db).stdout, /caucasus: ASSAULT/);
});
