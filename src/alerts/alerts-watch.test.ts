import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryFeedState } from '../feeds/state.js';
import { TestServer } from '../feeds/test-server.js';
import { pollFeeds } from '../feeds/watcher.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { openStore } from '../store/open-store.js';
import type { AlertMatch } from './alert.js';
import { AlertEvaluator } from './evaluate.js';
import { openAlertStore } from './open-alerts.js';

const fixture = (n: number) => JSON.parse(readFileSync(new URL(`../../src/alerts/fixtures/report-${n}.json`, import.meta.url), 'utf8')) as { text: string; title: string; publishedAt: string };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS feed whose items carry the report pages themselves (no links to fetch), newest first. */
function feed(ns: number[]): string {
  const items = ns
    .map((n) => fixture(n))
    .reverse()
    .map((f, i) => `<item><title>${escape(f.title)}</title><guid>report-${ns.length - i}</guid><pubDate>${new Date(f.publishedAt).toUTCString()}</pubDate><description>${escape(f.text.split('\n\n').map((p) => `<p>${p}</p>`).join(''))}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Caucasus Wire</title>${items.join('')}</channel></rss>`;
}

test('alerts from watch: each newly stored feed item is evaluated, and the crossing fires once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-watch-'));
  const server = new TestServer();
  await server.start();
  const location = join(dir, 'sitrep.db');
  const store = await openStore(location);
  const alerts = await openAlertStore(location);
  t.after(async () => {
    await alerts.close();
    await store.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  await alerts.addAlert({ name: 'caucasus', filter: { type: 'ASSAULT', country: 'ARM,AZE' }, thresholds: { killed: 10 }, deliver: 'stdout', createdAt: new Date().toISOString() });
  const printed: string[] = [];
  const evaluator = new AlertEvaluator(store, alerts, { write: (l) => printed.push(l) });
  const fired: AlertMatch[][] = [];
  let published = [1];
  server.routes.set('/rss.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(published)));
  const options = { store, state: new MemoryFeedState(), pipeline: await createDefaultPipeline(), allowPrivate: true, hostDelayMs: 0, log: () => {} };
  for (const ns of [[1], [1, 2], [1, 2, 3], [1, 2, 3, 4]]) {
    published = ns;
    const step: AlertMatch[] = [];
    const [result] = await pollFeeds([server.url('/rss.xml')], { ...options, onStored: async (r) => void step.push(...(await evaluator.articleStored(r))) });
    assert.equal(result!.stored, 1, JSON.stringify(result));
    fired.push(step);
  }
  assert.deepEqual(fired.map((s) => s.length), [0, 0, 1, 0]);
  assert.equal(printed.length, 1);
  assert.match(printed[0]!, /^alert caucasus: ASSAULT .*12 killed/);
});
