import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PACKAGE_ROOT } from '../core/paths.js';
import { openStore } from '../store/open-store.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'sitrep.js');
const ARTICLES = 60;
const PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://127.0.0.1:5432/test';

function articleFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
  mkdirSync(join(dir, 'in'));
  const towns = ['Arden', 'Belmor', 'Cassel', 'Dunmore', 'Elswick', 'Farrow'];
  for (let i = 0; i < ARTICLES; i++) {
    const town = towns[i % towns.length];
    writeFileSync(join(dir, 'in', `a${String(i).padStart(3, '0')}.txt`), `Report ${i}: gunmen attacked a checkpoint near ${town} on Monday, killing ${i + 2} soldiers, the army said.\nThe governor of ${town} called for calm and promised an inquiry (item ${i}).\n`);
  }
  return dir;
}

/** Start an ingest and kill it with SIGKILL after `ms`. */
function killedIngest(folder: string, db: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'ingest', folder, '--db', db, '--json'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function checkIntegrity(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listArticles({ limit: 100, cursor });
      ids.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(ids).size, ids.length, 'no article twice');
    for (const id of ids) {
      const a = await store.getArticle(id);
      // stored whole or not at all: the document and its layers are complete
      assert.ok(a && a.document.clean && Array.isArray(a.document.layers.sentences), `article ${id} is complete`);
    }
    return ids.length;
  } finally {
    await store.close();
  }
}

async function crashThenFinish(db: string): Promise<void> {
  const dir = articleFolder();
  // kill at varied points: during start-up, early in the batch, mid-batch
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let round = 0; round < 5; round++) {
    await killedIngest(join(dir, 'in'), db, 700 + Math.floor(random() * 2500));
    const stored = await checkIntegrity(db);
    assert.ok(stored <= ARTICLES);
  }
  const before = await checkIntegrity(db);
  if (process.env.SITREP_DEBUG) console.error(`crash test: ${before} of ${ARTICLES} stored before the final run`);
  const r = spawnSync(process.execPath, [BIN, 'ingest', join(dir, 'in'), '--db', db, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.stored + summary.duplicates, ARTICLES);
  assert.equal(summary.duplicates, before, 'what was stored before the crashes is recognised, not stored again');
  assert.equal(await checkIntegrity(db), ARTICLES);
}

test('sqlite: ingest killed with SIGKILL at random points leaves no partial article; a re-run completes the batch once', { timeout: 240_000 }, async () => {
  await crashThenFinish(join(mkdtempSync(join(tmpdir(), 'sitrep-crash-db-')), 'crash.db'));
});

async function pgReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const pgProblem = await pgReachable();
test('postgres: the same crash test', { timeout: 240_000, skip: pgProblem && !process.env.CI ? `PostgreSQL unreachable at ${PG_URL}: ${pgProblem}` : false }, async () => {
  assert.equal(pgProblem, undefined, `PostgreSQL unreachable at ${PG_URL} (required when CI is set)`);
  const schema = `sitrep_crash_${process.pid}_${Date.now().toString(36)}`;
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  try {
    await crashThenFinish(url);
  } finally {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});
