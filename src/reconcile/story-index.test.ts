import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../analysis/analyze.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { openStore } from '../store/open-store.js';
import { articleRecord } from '../store/record.js';
import type { Store } from '../store/store.js';
import { describePostgres, freshSchema } from '../store/jobs/test-postgres.js';
import { openStoryIndex } from './story-index.js';

// One story from three outlets, worded differently, with 6, 6 and then 9 killed, each claimed by someone else.
const WIRE = [
  { id: 'w1', outlet: 'Harbour Times', publishedAt: '2025-03-03', text: 'Gunmen opened fire on a market in the town of Dalvik on Sunday, killing six people, police spokesman Omar Selvi said.' },
  { id: 'w2', outlet: 'Valley Courier', publishedAt: '2025-03-03', text: 'Six people were killed when gunmen attacked a crowded market in Dalvik on Sunday, the regional health ministry said.' },
  { id: 'w3', outlet: 'Morning Signal', publishedAt: '2025-03-04', text: 'The death toll from the gun attack on the Dalvik market on Sunday has risen to nine, hospital director Lena Marsh said on Monday.' },
];
const UNRELATED = { id: 'u1', outlet: 'Harbour Times', publishedAt: '2025-03-04', text: 'The central bank left its main interest rate unchanged on Monday, citing slowing inflation, governor Paul Aden told reporters in the capital.' };

const pipeline = createDefaultPipeline();

async function save(store: Store, a: { id: string; outlet: string; publishedAt: string; text: string }): Promise<string> {
  const { json } = analyzeText(await pipeline, a.text, { id: a.id, outlet: a.outlet, publishedAt: a.publishedAt });
  return (await store.saveArticle(articleRecord(json))).status;
}

/** What every backend must do with the index; `location` is the store's database. */
async function storyIndexBehaviour(location: string): Promise<void> {
  const store = await openStore(location);
  try {
    for (const a of WIRE) await save(store, a);
    let index = await openStoryIndex(store);
    const changed = await index.catchUp();
    assert.deepEqual([...index.lastIndexed].sort(), ['w1', 'w2', 'w3']);
    const [story, ...others] = await index.clusters();
    assert.equal(others.length, 0, 'the three reports are one story');
    assert.deepEqual(changed, [story!.id]);
    assert.deepEqual(story!.articles.map((a) => a.outlet).sort(), ['Harbour Times', 'Morning Signal', 'Valley Courier']);
    const attacks = story!.events.filter((e) => e.type === 'ASSAULT');
    assert.equal(attacks.length, 1, 'one merged event');
    assert.deepEqual(attacks[0]!.reports.map((r) => r.articleId).sort(), ['w1', 'w2', 'w3']);
    const killed = attacks[0]!.figures.find((f) => f.kind === 'killed')!;
    assert.deepEqual([killed.low, killed.best, killed.high, killed.sources, killed.disagreement], [6, 9, 9, 3, true]);
    assert.equal(new Set(killed.claims.map((c) => c.claimant)).size, 3, 'three different claimants');

    // a fourth article: only it is indexed, and it starts a story of its own
    await save(store, UNRELATED);
    const after = await index.catchUp();
    assert.deepEqual(index.lastIndexed, ['u1']);
    assert.equal(after.length, 1);
    assert.notEqual(after[0], story!.id);
    assert.equal((await index.clusterOf('u1'))?.id, after[0]);
    assert.equal((await index.clusterOf('w2'))?.id, story!.id);
    assert.deepEqual(await index.catchUp(), [], 'idempotent: nothing new, nothing done');
    assert.deepEqual(index.lastIndexed, []);
    await index.close();

    // reopened (a restart): the clusters are read back, nothing is re-indexed
    index = await openStoryIndex(store);
    assert.deepEqual(await index.catchUp(), []);
    const reread = await index.clusters();
    assert.deepEqual(reread.map((c) => c.articles.map((a) => a.id).sort()), [['w1', 'w2', 'w3'], ['u1']]);
    assert.deepEqual(await index.clusters({ minArticles: 2 }).then((cs) => cs.map((c) => c.id)), [story!.id]);
    assert.equal(await index.clusterOf('nope'), undefined);

    // an updated article (same id, new text) is taken out and indexed again
    assert.equal(await save(store, { ...WIRE[2]!, text: `${WIRE[2]!.text} Funerals were held on Tuesday.` }), 'updated');
    assert.deepEqual(await index.catchUp(), [story!.id]);
    assert.deepEqual(index.lastIndexed, ['w3']);
    assert.equal((await index.clusters({ minArticles: 2 }))[0]!.articles.length, 3);
    await index.close();
  } finally {
    await store.close();
  }
}

test('story index on SQLite: one story from three wire reports, incremental, kept across restarts', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-stories-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await storyIndexBehaviour(join(dir, 'stories.db'));
});

test('concurrent catch-ups index each article once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-stories-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = await openStore(join(dir, 'stories.db'));
  for (const a of [...WIRE, UNRELATED]) await save(store, a);
  const [a, b] = await Promise.all([openStoryIndex(store), openStoryIndex(store)]);
  await Promise.all([a!.catchUp(), b!.catchUp()]);
  assert.deepEqual([...a!.lastIndexed, ...b!.lastIndexed].sort(), ['u1', 'w1', 'w2', 'w3']);
  assert.deepEqual((await a!.clusters()).map((c) => c.articles.length), [3, 1]);
  await Promise.all([a!.close(), b!.close(), store.close()]);
});

await describePostgres('story index on PostgreSQL', () => {
  test('story index on PostgreSQL: one story from three wire reports, incremental, kept across restarts', async (t) => {
    const { url, drop } = freshSchema('stories');
    t.after(drop);
    await storyIndexBehaviour(url);
  });

  test('story index on PostgreSQL: concurrent workers index each article once', async (t) => {
    const { url, drop } = freshSchema('stories');
    t.after(drop);
    const store = await openStore(url);
    try {
      for (const a of [...WIRE, UNRELATED]) await save(store, a);
      const workers = await Promise.all([openStoryIndex(store), openStoryIndex(store), openStoryIndex(store)]);
      await Promise.all(workers.map((w) => w.catchUp()));
      assert.deepEqual(workers.flatMap((w) => w.lastIndexed).sort(), ['u1', 'w1', 'w2', 'w3'], 'each article indexed by exactly one worker');
      assert.deepEqual((await workers[0]!.clusters()).map((c) => c.articles.length), [3, 1]);
      await Promise.all(workers.map((w) => w.close()));
    } finally {
      await store.close();
    }
  });
});
