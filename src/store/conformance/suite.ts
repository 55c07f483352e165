import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentJson } from '../../serialize/document-json.js';
import { articleRecord } from '../record.js';
import type { Store } from '../store.js';
import { storeEventConformanceSuite } from './events-suite.js';

function fakeDocument(raw: string, meta: DocumentJson['meta'] = {}): DocumentJson {
  return {
    meta,
    pipelineVersion: 'test+00000000',
    raw,
    clean: { text: raw.trim(), offsetMap: [] },
    layers: { sentences: [{ index: 0, span: { start: 0, end: raw.trim().length, text: raw.trim() } }] },
    diagnostics: [],
  };
}

/**
 * Opens a fresh, migrated, empty store; given `sameDatabaseAs`, opens a second, independent
 * instance (its own connection) on that store's database instead.
 */
export type OpenStore = (sameDatabaseAs?: Store) => Promise<Store>;

/**
 * The behaviour every Store must have. Each implementation's test file calls this
 * with a factory that returns a fresh, migrated, empty store.
 */
export function storeConformanceSuite(name: string, open: OpenStore): void {
  storeEventConformanceSuite(name, open);

  test(`${name}: saving an article stores it whole, with its pipeline version`, async () => {
    const store = await open();
    try {
      const rec = articleRecord(fakeDocument('Rebels shelled the port city on Monday.', { title: 'Port shelled', outlet: 'Test Wire', publishedAt: '2024-01-02' }));
      assert.deepEqual(await store.saveArticle(rec), { id: rec.id, status: 'stored' });
      const got = await store.getArticle(rec.id);
      assert.ok(got);
      assert.equal(got.title, 'Port shelled');
      assert.equal(got.pipelineVersion, 'test+00000000');
      assert.equal(got.document.raw, 'Rebels shelled the port city on Monday.');
      assert.equal(got.counts.sentences, 1);
      assert.equal(await store.countArticles(), 1);
    } finally {
      await store.close();
    }
  });

  test(`${name}: re-saving the same content is a no-op, even with other white space`, async () => {
    const store = await open();
    try {
      const a = articleRecord(fakeDocument('Troops  withdrew\nfrom the ridge.'));
      const b = articleRecord(fakeDocument('Troops withdrew from the ridge.'));
      assert.equal((await store.saveArticle(a)).status, 'stored');
      assert.equal((await store.saveArticle(b)).status, 'duplicate');
      assert.equal(await store.countArticles(), 1);
    } finally {
      await store.close();
    }
  });

  test(`${name}: the same URL with new content updates that article`, async () => {
    const store = await open();
    try {
      const first = articleRecord(fakeDocument('Toll at 5.', { url: 'https://news.example/a' }));
      const second = articleRecord(fakeDocument('Toll rises to 8.', { url: 'https://news.example/a' }));
      const { id } = await store.saveArticle(first);
      assert.deepEqual(await store.saveArticle(second), { id, status: 'updated' });
      assert.equal(await store.countArticles(), 1);
      assert.equal((await store.getArticle(id))?.document.raw, 'Toll rises to 8.');
      assert.deepEqual((await store.search('rises')).map((h) => h.id), [id]);
      assert.deepEqual(await store.search('Toll at 5'), (await store.search('Toll at 5')).filter((h) => h.id !== id));
    } finally {
      await store.close();
    }
  });

  test(`${name}: listing pages with a cursor visits every article once`, async () => {
    const store = await open();
    try {
      for (let i = 0; i < 7; i++) await store.saveArticle(articleRecord(fakeDocument(`Report number ${i} on the ceasefire.`)));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listArticles({ limit: 3, cursor });
        assert.ok(page.items.length <= 3);
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7);
      await assert.rejects(store.listArticles({ cursor: 'not-a-cursor' }), /invalid cursor/);
    } finally {
      await store.close();
    }
  });

  test(`${name}: full-text search finds words and ignores query syntax`, async () => {
    const store = await open();
    try {
      const { id } = await store.saveArticle(articleRecord(fakeDocument('Mediators in Doha announced a humanitarian pause.', { title: 'Pause agreed' })));
      await store.saveArticle(articleRecord(fakeDocument('Floods closed the northern highway.')));
      assert.deepEqual((await store.search('humanitarian')).map((h) => h.id), [id]);
      assert.deepEqual((await store.search('DOHA pause')).map((h) => h.id), [id]);
      assert.deepEqual(await store.search('"unbalanced OR ( NEAR'), []);
      assert.deepEqual(await store.search('   '), []);
    } finally {
      await store.close();
    }
  });

  test(`${name}: migrating twice is harmless`, async () => {
    const store = await open();
    try {
      await store.migrate();
      await store.migrate();
      assert.equal(await store.countArticles(), 0);
    } finally {
      await store.close();
    }
  });
  test(`${name}: unknown ids and content are absent`, async () => {
    const store = await open();
    try {
      const rec = articleRecord(fakeDocument('Aid convoys reached the valley.'));
      assert.equal(await store.getArticle('no-such-id'), undefined);
      assert.equal(await store.hasContent(rec.contentHash), undefined);
      await store.saveArticle(rec);
      assert.equal(await store.hasContent(rec.contentHash), rec.id);
    } finally {
      await store.close();
    }
  });

  test(`${name}: a failing save leaves nothing partial and the store usable`, async () => {
    const store = await open();
    try {
      const first = articleRecord(fakeDocument('Curfew lifted in the capital.', { url: 'https://news.example/curfew' }));
      const { id } = await store.saveArticle(first);
      // a NOT NULL column left empty makes the write fail inside the transaction
      const broken = { ...articleRecord(fakeDocument('Curfew reimposed after unrest.', { url: 'https://news.example/curfew' })), pipelineVersion: null as unknown as string };
      await assert.rejects(store.saveArticle(broken));
      const brokenNew = { ...articleRecord(fakeDocument('Bridge collapsed overnight.')), pipelineVersion: null as unknown as string };
      await assert.rejects(store.saveArticle(brokenNew));
      assert.equal(await store.countArticles(), 1);
      assert.equal(await store.hasContent(brokenNew.contentHash), undefined);
      assert.equal((await store.getArticle(id))?.document.raw, 'Curfew lifted in the capital.');
      assert.deepEqual(await store.search('reimposed'), []);
      assert.deepEqual((await store.search('lifted')).map((h) => h.id), [id]);
      const fixed = articleRecord(fakeDocument('Curfew reimposed after unrest.', { url: 'https://news.example/curfew' }));
      assert.deepEqual(await store.saveArticle(fixed), { id, status: 'updated' });
      assert.deepEqual((await store.search('reimposed')).map((h) => h.id), [id]);
    } finally {
      await store.close();
    }
  });

  test(`${name}: concurrent saves from two instances store the same content once`, async () => {
    const a = await open();
    const b = await open(a);
    try {
      await Promise.all([a.migrate(), b.migrate()]);
      const rec = articleRecord(fakeDocument('Shelling resumed near the dam at dawn.'));
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? b : a).saveArticle(rec)));
      assert.equal(results.filter((r) => r.status === 'stored').length, 1);
      assert.equal(results.filter((r) => r.status === 'duplicate').length, 7);
      assert.ok(results.every((r) => r.id === rec.id));
      assert.equal(await a.countArticles(), 1);
      assert.equal(await b.countArticles(), 1);
    } finally {
      await b.close();
      await a.close();
    }
  });

  test(`${name}: concurrent new versions of one URL leave one article`, async () => {
    const a = await open();
    const b = await open(a);
    try {
      const versions = Array.from({ length: 6 }, (_, i) => articleRecord(fakeDocument(`Casualty figure revised to ${i * 3 + 4}.`, { url: 'https://news.example/toll' })));
      const results = await Promise.all(versions.map((v, i) => (i % 2 ? b : a).saveArticle(v)));
      assert.equal(results.filter((r) => r.status === 'stored').length, 1);
      assert.equal(results.filter((r) => r.status === 'updated').length, 5);
      assert.equal(new Set(results.map((r) => r.id)).size, 1);
      assert.equal(await a.countArticles(), 1);
      const page = await b.listArticles();
      assert.deepEqual(page.items.map((s) => s.url), ['https://news.example/toll']);
    } finally {
      await b.close();
      await a.close();
    }
  });
  test(`${name}: text with a NUL character is stored and searchable`, async () => {
    const store = await open();
    try {
      // extraction from broken files can leave U+0000 in text; PostgreSQL cannot store it and
      // replaces it with U+FFFD (one code unit for one, so every span offset stays valid)
      const rec = articleRecord(fakeDocument('Militia\u0000 seized the granary.', { title: 'Granary\u0000 seized' }));
      assert.equal((await store.saveArticle(rec)).status, 'stored');
      const got = await store.getArticle(rec.id);
      assert.equal(got?.document.raw.length, rec.document.raw.length);
      assert.match(got?.document.raw ?? '', /^Militia[\u0000\uFFFD] seized the granary\.$/);
      assert.deepEqual((await store.search('granary')).map((h) => h.id), [rec.id]);
      assert.equal((await store.saveArticle(rec)).status, 'duplicate');
    } finally {
      await store.close();
    }
  });
}
