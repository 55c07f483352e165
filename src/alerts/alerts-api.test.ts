import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { createApi } from '../api/app.js';
import { API_SCHEMAS, openApiDocument } from '../api/openapi.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { openStore } from '../store/open-store.js';
import { openAlertStore } from './open-alerts.js';

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'sitrep', components: { schemas: API_SCHEMAS } });
function assertMatches(schema: string, body: unknown): void {
  const validate = ajv.getSchema(`sitrep#/components/schemas/${schema}`)!;
  assert.ok(validate(body), `${schema}: ${JSON.stringify(validate.errors)}`);
}

// the alert routes never analyse anything
const noPipeline = {} as Pipeline;

test('API: GET /api/alerts and /api/alerts/matches list what is stored beside the articles', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-api-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'sitrep.db');
  const store = await openStore(db);
  t.after(() => store.close());
  const app = createApi({ store, pipeline: noPipeline });

  const empty = await app.request('/api/alerts');
  assert.equal(empty.status, 200);
  assert.deepEqual(await empty.json(), { items: [] });

  const alerts = await openAlertStore(db);
  await alerts.addAlert({ name: 'caucasus', filter: { type: 'ASSAULT', country: 'ARM,AZE' }, thresholds: { killed: 5 }, deliver: 'stdout', createdAt: '2024-04-01T00:00:00.000Z' });
  for (const [key, at] of [['a1/event-0-0', '2024-04-10T10:00:00.000Z'], ['a7/event-1-0', '2024-04-12T10:00:00.000Z']] as const) {
    await alerts.recordMatch({
      alert: 'caucasus',
      eventKey: key,
      articleId: 'a3',
      matchedAt: at,
      event: { key, type: 'ASSAULT', place: 'Ijevan', date: '2024-04-10', figures: [{ kind: 'killed', low: 3, best: 12, high: 12, sources: 3 }], reports: [{ articleId: 'a1', eventId: 'event-0-0', trigger: 'shelled' }] },
    });
  }
  await alerts.close();

  const list = (await (await app.request('/api/alerts')).json()) as { items: { name: string }[] };
  assertMatches('AlertList', list);
  assert.deepEqual(list.items.map((a) => a.name), ['caucasus']);

  const matches = (await (await app.request('/api/alerts/matches?alert=caucasus&limit=1')).json()) as { items: { eventKey: string }[] };
  assertMatches('AlertMatchList', matches);
  assert.deepEqual(matches.items.map((m) => m.eventKey), ['a7/event-1-0']);
  assert.deepEqual(await (await app.request('/api/alerts/matches?alert=other')).json(), { items: [] });

  const bad = await app.request('/api/alerts/matches?limit=0');
  assert.equal(bad.status, 400);
  assertMatches('Error', await bad.json());

  const paths = openApiDocument().paths as Record<string, unknown>;
  assert.ok(paths['/api/alerts'] && paths['/api/alerts/matches'], 'the OpenAPI document describes the alert routes');
});

test('API: an article posted to /api/articles is checked against the standing alerts', async (t) => {
  const { readFileSync } = await import('node:fs');
  const { createDefaultPipeline } = await import('../pipeline/default.js');
  const { openAlertHook } = await import('./evaluate.js');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alerts-post-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'sitrep.db');
  const store = await openStore(db);
  t.after(() => store.close());
  const alerts = await openAlertStore(db);
  await alerts.addAlert({ name: 'caucasus', filter: { type: 'ASSAULT', country: 'ARM,AZE' }, thresholds: { killed: 5 }, deliver: 'stdout', createdAt: '2024-04-01T00:00:00.000Z' });
  await alerts.close();
  const lines: string[] = [];
  const hook = await openAlertHook(store, db, { write: (line) => lines.push(line) });
  t.after(() => hook.close());
  const app = createApi({ store, pipeline: await createDefaultPipeline(), onStored: hook.onStored });
  for (const n of [1, 2, 3]) {
    const body = readFileSync(new URL(`../../src/alerts/fixtures/report-${n}.json`, import.meta.url), 'utf8');
    const res = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(res.status, 201, `report ${n}`);
  }
  assert.equal(lines.length, 1, `one alert line, got ${JSON.stringify(lines)}`);
  assert.match(lines[0]!, /caucasus/);
});
