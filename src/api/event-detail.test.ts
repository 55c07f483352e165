import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApi } from './app.js';
import { API_SCHEMAS, openApiDocument } from './openapi.js';

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'sitrep', components: { schemas: API_SCHEMAS } });
function assertMatches(schema: string, body: unknown): void {
  const validate = ajv.getSchema(`sitrep#/components/schemas/${schema}`)!;
  assert.ok(validate(body), `${schema}: ${JSON.stringify(validate.errors)}`);
}

// response bodies are checked against the schemas, so reading them untyped is fine
const body = (res: Response): Promise<any> => res.json();

// One story from three outlets (6, 6, then 9 killed, each from another claimant) and an unrelated article.
const ARTICLES = [
  { id: 'w1', outlet: 'Harbour Times', publishedAt: '2025-03-03', text: 'Gunmen opened fire on a market in the town of Dalvik on Sunday, killing six people, police spokesman Omar Selvi said.' },
  { id: 'w2', outlet: 'Valley Courier', publishedAt: '2025-03-03', text: 'Six people were killed when gunmen attacked a crowded market in Dalvik on Sunday, the regional health ministry said.' },
  { id: 'w3', outlet: 'Morning Signal', publishedAt: '2025-03-04', text: 'The death toll from the gun attack on the Dalvik market on Sunday has risen to nine, hospital director Lena Marsh said on Monday.' },
  { id: 'u1', outlet: 'Harbour Times', publishedAt: '2025-03-04', text: 'Floods cut the coastal road near Port Emery on Tuesday and about 300 families left their homes, the mayor said.' },
];

test('GET /api/events/{articleId}/{index}: the event, its story across outlets, reconciled tallies and quotes, as the schema says', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-event-detail-'));
  const store = new SqliteStore(join(dir, 'api.db'));
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await store.migrate();
  const app = createApi({ store, pipeline: await createDefaultPipeline() });
  for (const a of ARTICLES) {
    const res = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
    assert.equal(res.status, 201);
  }
  assert.ok(openApiDocument().paths['/api/events/{articleId}/{index}'], 'the path is documented');

  const events = (await body(await app.request('/api/events?background=true'))).items.filter((e: { article_id: string }) => e.article_id === 'w1');
  const res = await app.request('/api/events/w1/0');
  assert.equal(res.status, 200);
  const detail = await body(res);
  assertMatches('EventDetail', detail);
  assert.deepEqual(detail.event, events[0], 'the same flat row as /api/events');
  assert.equal(detail.event.plover_type, 'ASSAULT');

  assert.deepEqual(detail.story.reports.map((r: { outlet: string }) => r.outlet).sort(), ['Harbour Times', 'Morning Signal', 'Valley Courier']);
  for (const r of detail.story.reports) {
    const article = await body(await app.request(`/api/articles/${r.articleId}`));
    const clean = article.document.clean.text as string;
    assert.equal(clean.slice(r.sentence.start, r.sentence.end), r.sentence.text, 'the sentence span points into the article');
    assert.equal(article.document.layers.events[r.eventIndex].sentenceSpan.text, r.sentence.text);
  }

  const killed = detail.tallies.find((f: { kind: string }) => f.kind === 'killed');
  assert.deepEqual([killed.low, killed.best, killed.high, killed.sources, killed.disagreement], [6, 9, 9, 3, true]);
  assert.deepEqual(killed.claims.map((c: { value: number }) => c.value).sort(), [6, 6, 9]);
  assert.equal(new Set(killed.claims.map((c: { claimant: string }) => c.claimant)).size, 3);
  const nine = killed.claims.find((c: { value: number }) => c.value === 9);
  assert.equal(nine.articleId, 'w3');
  assert.match(nine.span.text, /nine/);

  // what hospital director Lena Marsh said is a reported statement about the event
  const marsh = detail.quotes.find((q: { speaker: string | null }) => q.speaker === 'Lena Marsh');
  assert.equal(marsh?.articleId, 'w3');
  assert.match(marsh.span.text, /death toll/);
  assert.equal(marsh.text, marsh.span.text);

  const clusters = await body(await app.request('/api/clusters'));
  assertMatches('ClusterList', clusters);
  assert.equal(clusters.items.find((c: { id: string }) => c.id === detail.story.clusterId).articles.length, 3);
  assert.equal(clusters.items.length, 2, 'the flood is a story of its own');

  for (const [path, status] of [['/api/events/w1/first', 400], ['/api/events/w1/-1', 400], ['/api/events/nope/0', 404], ['/api/events/w1/99', 404]] as const) {
    const bad = await app.request(path);
    assert.equal(bad.status, status, path);
    assertMatches('Error', await body(bad));
  }
});
