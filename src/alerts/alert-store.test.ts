import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePostgres, freshSchema, withPgClient } from '../store/jobs/test-postgres.js';
import { openStore } from '../store/open-store.js';
import { AlertError, parseDelivery, parseThresholds, thresholdsMet, validateAlert, type AlertDefinition, type AlertMatch } from './alert.js';
import type { AlertStore } from './alert-store.js';
import { openAlertStore, storeLocation } from './open-alerts.js';

const alert = (name: string, createdAt: string): AlertDefinition => ({
  name,
  filter: { type: 'ASSAULT', country: 'ARM,AZE' },
  thresholds: { killed: 5 },
  deliver: 'stdout',
  createdAt,
});

const match = (name: string, key: string, at: string): AlertMatch => ({
  alert: name,
  eventKey: key,
  articleId: 'a1',
  matchedAt: at,
  event: { key, type: 'ASSAULT', place: 'Ijevan', figures: [{ kind: 'killed', low: 3, best: 12, high: 12, sources: 3 }], reports: [] },
});

/** What every AlertStore must do; `open` gives a fresh connection to the same tables. */
async function conformance(open: () => Promise<AlertStore>): Promise<void> {
  const a = await open();
  const b = await open();
  try {
    assert.deepEqual(await a.listAlerts(), []);
    await a.addAlert(alert('caucasus', '2024-04-01T00:00:00.000Z'));
    await a.addAlert(alert('second', '2024-04-02T00:00:00.000Z'));
    await assert.rejects(a.addAlert(alert('caucasus', '2024-04-03T00:00:00.000Z')), AlertError, 'names are unique');
    assert.deepEqual(await b.listAlerts(), [alert('caucasus', '2024-04-01T00:00:00.000Z'), alert('second', '2024-04-02T00:00:00.000Z')]);

    // two workers racing on one match: exactly one records (and so delivers) it
    const raced = await Promise.all([a.recordMatch(match('caucasus', 'k1', '2024-04-10T10:00:00.000Z')), b.recordMatch(match('caucasus', 'k1', '2024-04-10T10:00:01.000Z'))]);
    assert.deepEqual(raced.filter(Boolean).length, 1);
    assert.equal(await a.recordMatch(match('caucasus', 'k1', '2024-04-11T00:00:00.000Z')), false, 'a later report of the same event does not re-record');
    assert.equal(await a.recordMatch(match('second', 'k1', '2024-04-10T11:00:00.000Z')), true, 'another alert may match the same event');
    assert.equal(await a.recordMatch(match('caucasus', 'k2', '2024-04-10T12:00:00.000Z')), true);

    assert.equal(await b.hasMatch('caucasus', ['zz', 'k1']), true);
    assert.equal(await b.hasMatch('caucasus', ['zz']), false);
    assert.equal(await b.hasMatch('caucasus', []), false);
    assert.equal(await b.hasMatch('nobody', ['k1']), false);
    const all = await b.listMatches();
    assert.deepEqual(all.map((m) => `${m.alert}/${m.eventKey}`), ['caucasus/k2', 'second/k1', 'caucasus/k1'], 'newest first');
    assert.deepEqual(all[0], match('caucasus', 'k2', '2024-04-10T12:00:00.000Z'));
    assert.deepEqual((await b.listMatches({ alert: 'second' })).map((m) => m.eventKey), ['k1']);
    assert.equal((await b.listMatches({ limit: 1 })).length, 1);

    assert.equal(await a.removeAlert('caucasus'), true);
    assert.equal(await a.removeAlert('caucasus'), false);
    assert.deepEqual((await b.listMatches()).map((m) => m.alert), ['second'], 'an alert goes with its matches');
  } finally {
    await a.close();
    await b.close();
  }
}

test('SQLite alert store: own tables in the store file, one match per (alert, event)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'x.db');
  const store = await openStore(db);
  assert.equal(storeLocation(store), db);
  await conformance(() => openAlertStore(db));
  assert.equal(await store.countArticles(), 0, 'the store still works beside the alert tables');
  await store.close();
});

await describePostgres('PostgreSQL alert store', () => {
  test('PostgreSQL alert store in its own schema, one match per (alert, event) under a race', async (t) => {
    const { schema, url, drop } = freshSchema('alerts');
    t.after(drop);
    const store = await openStore(url);
    t.after(() => store.close());
    assert.equal(storeLocation(store), url);
    // workers starting together migrate at once: none may fail
    for (const alerts of await Promise.all(Array.from({ length: 4 }, () => openAlertStore(url)))) await alerts.close();
    await conformance(() => openAlertStore(url));
    const tables = await withPgClient((c) => c.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name LIKE $2 ORDER BY 1', [schema, 'alert%']));
    assert.deepEqual(tables.rows.map((r) => r.table_name), ['alert_matches', 'alerts']);
  });
});

test('alert definitions: thresholds, deliveries and filters are checked, with messages that name the value', () => {
  assert.deepEqual(parseThresholds({ killed: '5', injured: undefined, displaced: '' }), { killed: 5 });
  assert.throws(() => parseThresholds({ killed: 'five' }), /minimum killed must be a whole number from 1, not "five"/);
  assert.throws(() => parseThresholds({ injured: '0' }), /minimum injured/);
  assert.deepEqual(parseDelivery('jsonl:out/alerts.jsonl'), { kind: 'jsonl', path: 'out/alerts.jsonl' });
  assert.deepEqual(parseDelivery('webhook:http://127.0.0.1:9/x'), { kind: 'webhook', url: 'http://127.0.0.1:9/x' });
  assert.throws(() => parseDelivery('email:me@example.org'), /must be stdout, jsonl:PATH or webhook:URL/);
  assert.throws(() => parseDelivery('webhook:ftp://x'), /only http and https/);
  assert.throws(() => parseDelivery('webhook:nope'), /"nope" is not a URL/);
  assert.throws(() => validateAlert({ ...alert('x', ''), filter: { type: 'BOMBING' } }), /unknown PLOVER type BOMBING/);
  assert.throws(() => validateAlert({ ...alert('bad name!', '') }), /alert name "bad name!"/);
  assert.equal(validateAlert(alert('ok', '')).name, 'ok');
});

test('thresholds compare the reconciled best figure, not the highest claim', () => {
  const figures = [{ kind: 'killed' as const, low: 3, best: 4, high: 20, sources: 3 }];
  assert.equal(thresholdsMet({ killed: 5 }, figures), false);
  assert.equal(thresholdsMet({ killed: 4 }, figures), true);
  assert.equal(thresholdsMet({ injured: 1 }, figures), false, 'a figure no report gives is zero');
  assert.equal(thresholdsMet({}, figures), true);
});
