import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './open-store.js';
import { redactLocation, splitSchemaParam } from './postgres/connection.js';
import { StoreError } from './store.js';

test('redactLocation drops passwords from user info and parameters', () => {
  assert.equal(redactLocation('postgres://ana:s3cret@db.example:5432/news'), 'postgres://ana@db.example:5432/news');
  assert.equal(redactLocation('postgresql://db.example/news?password=s3cret&sslmode=require'), 'postgresql://db.example/news?sslmode=require');
  assert.equal(redactLocation('postgres://127.0.0.1/test'), 'postgres://127.0.0.1/test');
});

test('splitSchemaParam takes our schema parameter off the URL and checks it', () => {
  assert.deepEqual(splitSchemaParam('postgres://h/db?schema=sitrep&sslmode=disable'), { connectionString: 'postgres://h/db?sslmode=disable', schema: 'sitrep' });
  assert.deepEqual(splitSchemaParam('postgres://h/db'), { connectionString: 'postgres://h/db' });
  assert.throws(() => splitSchemaParam('postgres://h/db?schema=a;drop'), StoreError);
});

test('openStore opens SQLite for paths', async () => {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'sitrep-open-')), 'x.db'));
  assert.equal(store.kind, 'sqlite');
  await store.close();
});

test('openStore names an unreachable PostgreSQL server in one line, without the password', async () => {
  // port 1 on loopback refuses connections at once
  await assert.rejects(openStore('postgres://ana:s3cret@127.0.0.1:1/news'), (err: Error) => {
    assert.ok(err instanceof StoreError);
    assert.match(err.message, /^cannot open PostgreSQL at postgres:\/\/ana@127\.0\.0\.1:1\/news: unreachable/);
    assert.doesNotMatch(err.message, /s3cret/);
    assert.doesNotMatch(err.message, /\n/);
    return true;
  });
});
