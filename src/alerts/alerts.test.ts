import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../analysis/ingest-run.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { describePostgres, freshSchema } from '../store/jobs/test-postgres.js';
import { openStore } from '../store/open-store.js';
import type { AlertDefinition, AlertMatch } from './alert.js';
import { AlertEvaluator, openAlertHook } from './evaluate.js';
import { openAlertStore } from './open-alerts.js';
import { startReceiver } from './test-receiver.js';
import type { AlertStore } from './alert-store.js';
import type { Store } from '../store/store.js';

// four reports of one shelling, written for this test: the toll grows 3 → 8 → 12 → 14
const report = (n: number) => fileURLToPath(new URL(`../../src/alerts/fixtures/report-${n}.json`, import.meta.url));

let pipeline: Promise<Pipeline> | undefined;

const define = (name: string, filter: Record<string, string>, thresholds: AlertDefinition['thresholds'], deliver: string): AlertDefinition => ({
  name,
  filter,
  thresholds,
  deliver,
  createdAt: new Date().toISOString(),
});

/** Ingest the four reports one by one into the store at `location`, evaluating alerts after each save. */
async function scenario(location: string, dir: string): Promise<void> {
  const receiver = await startReceiver();
  const store = await openStore(location);
  const alerts = await openAlertStore(location);
  try {
    const jsonl = join(dir, 'alerts.jsonl');
    const caucasus = { type: 'ASSAULT', country: 'ARM,AZE' };
    await alerts.addAlert(define('caucasus-hook', caucasus, { killed: 10 }, `webhook:${receiver.url}`));
    await alerts.addAlert(define('caucasus-file', caucasus, { killed: 10 }, `jsonl:${jsonl}`));
    await alerts.addAlert(define('caucasus-five', caucasus, { killed: 5 }, 'stdout'));
    await alerts.addAlert(define('ukraine', { country: 'UKR' }, { killed: 1 }, 'stdout'));
    await alerts.addAlert(define('protests', { type: 'PROTEST' }, {}, 'stdout'));
    await alerts.addAlert(define('many-injured', caucasus, { injured: 50 }, 'stdout'));

    const printed: string[] = [];
    const problems: string[] = [];
    const evaluator = new AlertEvaluator(store, alerts, { write: (l) => printed.push(l), log: (l) => problems.push(l), webhookBackoffMs: 10 });
    const fired: AlertMatch[][] = [];
    for (const n of [1, 2, 3, 4, 3]) {
      const step: AlertMatch[] = [];
      const summary = await ingestPaths([report(n)], await (pipeline ??= createDefaultPipeline()), store, {
        onStored: async (saved) => void step.push(...(await evaluator.articleStored(saved))),
      });
      assert.equal(summary.failed, 0, JSON.stringify(summary.errors));
      fired.push(step);
    }
    const names = fired.map((step) => step.map((m) => m.alert).sort());
    // 3 killed: nothing; 8: the min-5 alert; 12: the min-10 alerts; 14 and a re-ingest: nothing again
    assert.deepEqual(names, [[], ['caucasus-five'], ['caucasus-file', 'caucasus-hook'], [], []]);
    assert.deepEqual(problems, []);

    const hookMatch = fired[2]!.find((m) => m.alert === 'caucasus-hook')!;
    assert.equal(hookMatch.eventKey, fired[1]![0]!.eventKey, 'the growing event keeps its key');
    assert.equal(hookMatch.event.figures.find((f) => f.kind === 'killed')?.best, 12);
    assert.equal(hookMatch.event.reports.length, 3);

    assert.equal(receiver.requests.length, 1, 'the webhook receiver sees exactly one POST');
    const post = receiver.requests[0]!;
    assert.equal(post.method, 'POST');
    assert.match(post.headers['content-type'] ?? '', /^application\/json/);
    const body = JSON.parse(post.body) as AlertMatch;
    assert.equal(body.alert, 'caucasus-hook');
    assert.equal(body.eventKey, hookMatch.eventKey);
    assert.equal(body.event.type, 'ASSAULT');
    assert.deepEqual(body.event.figures.find((f) => f.kind === 'killed'), { kind: 'killed', low: 3, best: 12, high: 12, sources: 3 });

    assert.ok(existsSync(jsonl));
    const lines = readFileSync(jsonl, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 1);
    assert.equal((JSON.parse(lines[0]!) as AlertMatch).alert, 'caucasus-file');
    assert.equal(printed.length, 1);
    assert.match(printed[0]!, /^alert caucasus-five: ASSAULT .*8 killed/);

    const stored = await alerts.listMatches();
    assert.deepEqual(stored.map((m) => m.alert).sort(), ['caucasus-file', 'caucasus-five', 'caucasus-hook']);
  } finally {
    await alerts.close();
    await store.close();
    await receiver.close();
  }
}

test('alerts over SQLite: an event crossing its threshold across reports fires once per alert', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await scenario(join(dir, 'sitrep.db'), dir);
});

test('alerts: no alert defined is a no-op, and an unreachable webhook never loses the stored article', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const location = join(dir, 'sitrep.db');
  const store = await openStore(location);
  const alerts = await openAlertStore(location);
  t.after(async () => {
    await alerts.close();
    await store.close();
  });
  const problems: string[] = [];
  const evaluator = new AlertEvaluator(store, alerts, { log: (l) => problems.push(l), webhookAttempts: 2, webhookBackoffMs: 10 });
  const p = await (pipeline ??= createDefaultPipeline());
  const onStored = async (saved: { id: string; status: 'stored' | 'updated' | 'duplicate' }) => void (await evaluator.articleStored(saved));
  assert.equal((await ingestPaths([report(3)], p, store, { onStored })).stored, 1);
  assert.deepEqual(await alerts.listMatches(), []);

  const closed = await startReceiver();
  await closed.close();
  await alerts.addAlert(define('down', { type: 'ASSAULT' }, { killed: 1 }, `webhook:${closed.url}`));
  const summary = await ingestPaths([report(4)], p, store, { onStored });
  assert.deepEqual([summary.stored, summary.failed], [1, 0]);
  assert.equal(await store.countArticles(), 2);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /alert "down", event .*: not delivered: webhook .* failed after 2 attempts/);
  assert.equal((await alerts.listMatches()).length, 1, 'the match is recorded even though delivery failed');

  const unopenable = await openAlertHook(store, join(dir, 'no-such-dir', 'x.db'), { log: (l) => problems.push(l) });
  await unopenable.onStored({ id: 'x', status: 'stored' });
  await unopenable.close();
  assert.match(problems[1] ?? '', /alerts are not evaluated: cannot open the alert tables/);
});

test('alerts: a late report published earlier re-keys the event but does not fire it again', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const location = join(dir, 'sitrep.db');
  const store = await openStore(location);
  const alerts = await openAlertStore(location);
  t.after(async () => {
    await alerts.close();
    await store.close();
  });
  await alerts.addAlert(define('caucasus', { type: 'ASSAULT', country: 'ARM,AZE' }, { killed: 10 }, 'stdout'));
  const evaluator = new AlertEvaluator(store, alerts, { write: () => {} });
  const p = await (pipeline ??= createDefaultPipeline());
  const fired: string[][] = [];
  for (const n of [3, 1, 2]) {
    const step: string[] = [];
    await ingestPaths([report(n)], p, store, { onStored: async (saved) => void step.push(...(await evaluator.articleStored(saved)).map((m) => m.eventKey)) });
    fired.push(step);
  }
  assert.equal(fired[0]!.length, 1, 'the 12-killed report alone crosses the threshold');
  assert.deepEqual(fired.slice(1), [[], []], 'earlier-published reports arriving later do not fire it again');
});

await describePostgres('alerts over PostgreSQL', () => {
  test('alerts over PostgreSQL: an event crossing its threshold across reports fires once per alert', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-e2e-'));
    const { url, drop } = freshSchema('alerts_e2e');
    t.after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await drop();
    });
    await scenario(url, dir);
  });
});

test('alerts: a deadlock between racing workers is retried, not reported; other failures are reported once', async () => {
  const problems: string[] = [];
  let calls = 0;
  const failing = (code: string, times: number) => ({
    listAlerts: async () => {
      calls++;
      if (calls <= times) throw Object.assign(new Error(`error ${code}`), { code });
      return [];
    },
  }) as unknown as AlertStore;
  const evaluator = (alerts: AlertStore) => new AlertEvaluator({} as Store, alerts, { log: (l) => problems.push(l) });
  assert.deepEqual(await evaluator(failing('40P01', 2)).articleStored({ id: 'a1', status: 'stored' }), []);
  assert.equal(calls, 3);
  assert.deepEqual(problems, []);
  calls = 0;
  await evaluator(failing('23505', 1)).articleStored({ id: 'a2', status: 'stored' });
  assert.equal(calls, 1);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /article a2: could not evaluate alerts: error 23505/);
});
