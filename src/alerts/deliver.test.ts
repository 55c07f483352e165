import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertMatch } from './alert.js';
import { deliverMatch, describeMatch } from './deliver.js';
import { startReceiver } from './test-receiver.js';

const match: AlertMatch = {
  alert: 'caucasus',
  eventKey: 'a1/event-0-0',
  articleId: 'a3',
  matchedAt: '2024-04-11T09:05:00.000Z',
  event: {
    key: 'a1/event-0-0',
    type: 'ASSAULT',
    place: 'Ijevan',
    date: '2024-04-10',
    figures: [{ kind: 'killed', low: 3, best: 12, high: 12, sources: 3 }],
    reports: [{ articleId: 'a1', eventId: 'event-0-0', trigger: 'shelled' }],
  },
};
const fast = { webhookBackoffMs: 10, webhookTimeoutMs: 2000 };

test('webhook: one well-formed JSON POST per match', async (t) => {
  const receiver = await startReceiver();
  t.after(() => receiver.close());
  assert.equal(await deliverMatch(match, { kind: 'webhook', url: receiver.url }, fast), undefined);
  assert.equal(receiver.requests.length, 1);
  const [request] = receiver.requests;
  assert.equal(request!.method, 'POST');
  assert.equal(request!.path, '/hook');
  assert.match(request!.headers['content-type'] ?? '', /^application\/json/);
  assert.deepEqual(JSON.parse(request!.body), match);
});

test('webhook: a failing receiver is retried with backoff, then reported, never thrown', async (t) => {
  const flaky = await startReceiver([503, 500]);
  t.after(() => flaky.close());
  assert.equal(await deliverMatch(match, { kind: 'webhook', url: flaky.url }, fast), undefined, 'the third attempt gets through');
  assert.equal(flaky.requests.length, 3);

  const down = await startReceiver([500, 500, 500, 500]);
  t.after(() => down.close());
  const problem = await deliverMatch(match, { kind: 'webhook', url: down.url }, { ...fast, webhookAttempts: 2 });
  assert.match(problem ?? '', /failed after 2 attempts: HTTP 500/);
  assert.equal(down.requests.length, 2);

  const refused = await startReceiver([400]);
  t.after(() => refused.close());
  assert.match((await deliverMatch(match, { kind: 'webhook', url: refused.url }, fast)) ?? '', /HTTP 400/);
  assert.equal(refused.requests.length, 1, 'a 4xx refusal is not retried');

  const closed = await startReceiver();
  const url = closed.url;
  await closed.close();
  assert.match((await deliverMatch(match, { kind: 'webhook', url }, { ...fast, webhookAttempts: 2 })) ?? '', /failed after 2 attempts: ECONNREFUSED/);
});

test('jsonl appends one line per match; stdout writes one readable line', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-deliver-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'alerts.jsonl');
  assert.equal(await deliverMatch(match, { kind: 'jsonl', path }), undefined);
  assert.equal(await deliverMatch({ ...match, eventKey: 'other' }, { kind: 'jsonl', path }), undefined);
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => JSON.parse(l).eventKey), ['a1/event-0-0', 'other']);
  assert.match((await deliverMatch(match, { kind: 'jsonl', path: join(dir, 'missing', 'x.jsonl') })) ?? '', /ENOENT/, 'an unwritable file is reported');

  const lines2: string[] = [];
  await deliverMatch(match, { kind: 'stdout' }, { write: (l) => lines2.push(l) });
  assert.deepEqual(lines2, ['alert caucasus: ASSAULT in Ijevan, 2024-04-10: 12 killed (3–12); 1 report [event a1/event-0-0]']);
  assert.equal(describeMatch(match), lines2[0]);
});
