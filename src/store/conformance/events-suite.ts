import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventFilter } from '../../query/event-filter.js';
import { EVENT_COUNT_KEYS, eventCountKey, eventItem, eventRowsOf, sortCounts } from '../../query/event-rows.js';
import type { DocumentJson } from '../../serialize/document-json.js';
import { prepareArticle, recordFromPrepared } from '../article-rows.js';
import { articleRecord } from '../record.js';
import type { Store } from '../store.js';
import { eventFixtureDocuments, FIXTURE_FILTERS, FIXTURE_QUOTE_FILTERS } from './event-fixtures.js';
import { quoteItemsOf, quoteMatches } from '../../query/quote-filter.js';
import type { OpenStore } from './suite.js';

/** Every event the filter selects, following the cursor with small pages. */
async function allEvents(store: Store, filter: EventFilter, limit = 2): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.queryEvents(filter, { limit, cursor });
    assert.ok(page.items.length <= limit);
    if (page.nextCursor) assert.equal(page.items.length, limit, 'only the last page is short');
    keys.push(...page.items.map((r) => `${r.articleId}/${r.event.id}`));
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}

/** What eventMatches selects, in the store's order: newest stored article first, then document order. */
function expected(docs: DocumentJson[], filter: EventFilter): string[] {
  return [...docs].reverse().flatMap((d) => eventRowsOf(d.meta.id!, d, filter).map((r) => `${r.articleId}/${r.event.id}`));
}

export function storeEventConformanceSuite(name: string, open: OpenStore): void {
  test(`${name}: queryEvents filters in the database exactly as eventMatches does, for every filter`, async () => {
    const store = await open();
    try {
      const docs = eventFixtureDocuments();
      for (const d of docs) await store.saveArticle(articleRecord(d));
      for (const filter of FIXTURE_FILTERS) {
        const want = expected(docs, filter);
        assert.deepEqual(await allEvents(store, filter), want, JSON.stringify(filter));
        assert.deepEqual(await allEvents(store, filter, 1000), want, `${JSON.stringify(filter)} in one page`);
      }
      for (const filter of FIXTURE_FILTERS.slice(0, 12)) {
        for (const by of EVENT_COUNT_KEYS) {
          const tally = new Map<string | null, number>();
          for (const d of docs) for (const r of eventRowsOf(d.meta.id!, d, filter)) tally.set(eventCountKey(r.event, by), (tally.get(eventCountKey(r.event, by)) ?? 0) + 1);
          const want = sortCounts([...tally].map(([key, count]) => ({ key, count })));
          assert.deepEqual(await store.countEvents(filter, by), want, `${by} ${JSON.stringify(filter)}`);
        }
      }
      // the fixtures are not trivial: filters select different, non-empty sets
      assert.ok(new Set(FIXTURE_FILTERS.map((f) => expected(docs, f).join())).size >= 25);
      // rows come back whole (as JSON: the fixtures' undefined fields are not kept)
      const all = await store.queryEvents({ includeBackground: true, includeRestated: true }, { limit: 1000 });
      const rows = JSON.parse(JSON.stringify([...docs].reverse().flatMap((d) => eventRowsOf(d.meta.id!, d))));
      assert.deepEqual(all.items, rows);
      const items = await store.queryEventItems({ includeBackground: true, includeRestated: true }, { limit: 1000 });
      assert.deepEqual(items.items.map((j) => JSON.parse(j)), rows.map(eventItem).map((i: object) => JSON.parse(JSON.stringify(i))));
      const twoPages = await store.queryEventItems({ text: 'e' }, { limit: 2 });
      assert.deepEqual(twoPages.nextCursor, (await store.queryEvents({ text: 'e' }, { limit: 2 })).nextCursor);
    } finally {
      await store.close();
    }
  });

  test(`${name}: queryQuotes filters in the database exactly as quoteMatches does`, async () => {
    const store = await open();
    try {
      const docs = eventFixtureDocuments();
      for (const d of docs) await store.saveArticle(articleRecord(d));
      const sizes = new Set<number>();
      for (const filter of FIXTURE_QUOTE_FILTERS) {
        const want = [...docs].reverse().flatMap((d) => quoteItemsOf(d.meta.id!, d).filter((q) => quoteMatches(q.quote, d.meta.id!, filter)).map((q) => q.item));
        const got: unknown[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.queryQuotes(filter, { limit: 2, cursor });
          got.push(...page.items.map((j) => JSON.parse(j)));
          cursor = page.nextCursor;
        } while (cursor);
        assert.deepEqual(got, want, JSON.stringify(filter));
        sizes.add(want.length);
      }
      assert.ok(sizes.size >= 4, 'the quote filters select sets of different sizes');
      await assert.rejects(store.queryQuotes({}, { cursor: 'nope' }), /invalid cursor/);
    } finally {
      await store.close();
    }
  });

  test(`${name}: an updated article's events replace the old ones; bad cursors are refused`, async () => {
    const store = await open();
    try {
      const [a, b, c] = eventFixtureDocuments();
      await store.saveArticle(articleRecord(c!));
      await store.saveArticle(articleRecord(a!));
      const revised: DocumentJson = { ...b!, meta: { ...c!.meta, id: 'fx-b' } }; // same URL as c: an update of c
      assert.equal((await store.saveArticle(articleRecord(revised))).status, 'updated');
      const keys = await allEvents(store, { includeBackground: true, includeRestated: true });
      assert.deepEqual(keys, [...eventRowsOf('fx-c', revised), ...eventRowsOf('fx-a', a!)].map((r) => `${r.articleId}/${r.event.id}`));
      assert.deepEqual(await allEvents(store, { text: 'goma' }), []);
      for (const cursor of ['garbage', 'WyJ4Il0', 'WzBd', 'WzEuNV0']) await assert.rejects(store.queryEvents({}, { cursor }), /invalid cursor/, cursor);
      assert.equal((await store.queryEvents({}, { limit: 100_000 })).items.length, keys.length - 2);
    } finally {
      await store.close();
    }
  });

  test(`${name}: an article prepared in advance (rows computed beside the analysis) is stored as its document would be`, async () => {
    const store = await open();
    // as a worker thread hands it over: plain data, copied by structured clone
    const prepared = (d: DocumentJson) => recordFromPrepared(structuredClone(prepareArticle(articleRecord(d))));
    try {
      const docs = eventFixtureDocuments();
      const [a, b, c] = docs;
      await store.saveArticle(prepared(c!));
      await store.saveArticle(prepared(a!));
      assert.deepEqual((await store.getArticle('fx-a'))?.document, JSON.parse(JSON.stringify(a)));
      // rows computed for fx-b, stored under fx-c (same URL): they are recomputed for fx-c
      const revised: DocumentJson = { ...b!, meta: { ...c!.meta, id: 'fx-b' } };
      assert.equal((await store.saveArticle(prepared(revised))).status, 'updated');
      assert.equal((await store.saveArticle(prepared(revised))).status, 'duplicate');
      const all = await store.queryEvents({ includeBackground: true, includeRestated: true }, { limit: 1000 });
      assert.deepEqual(all.items, JSON.parse(JSON.stringify([...eventRowsOf('fx-c', revised), ...eventRowsOf('fx-a', a!)])));
      const quotes = await store.queryQuotes({}, { limit: 1000 });
      assert.deepEqual(quotes.items.map((j) => JSON.parse(j)), JSON.parse(JSON.stringify([...quoteItemsOf('fx-c', revised), ...quoteItemsOf('fx-a', a!)].map((q) => q.item))));
    } finally {
      await store.close();
    }
  });
}
