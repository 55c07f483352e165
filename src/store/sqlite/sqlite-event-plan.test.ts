import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventFixtureDocuments } from '../conformance/event-fixtures.js';
import { articleRecord } from '../record.js';
import type { EventFilter } from '../../query/event-filter.js';
import { eventRowsOf } from '../../query/event-rows.js';
import type Database from 'better-sqlite3';
import { eventConditions, SQLITE_DIALECT } from '../event-sql.js';
import { PartSizes, planEventQuery, splitPlan } from './sqlite-event-plan.js';
import { SqliteStore } from './sqlite-store.js';

test('sqlite plan: a part is counted once per query and parameters, and again after a clear', () => {
  const sizes = new PartSizes();
  let counted = 0;
  const count = () => ++counted;
  assert.equal(sizes.get('SELECT count(*) FROM events WHERE plover IN (?)', ['PROTEST'], count), 1);
  assert.equal(sizes.get('SELECT count(*) FROM events WHERE plover IN (?)', ['PROTEST'], count), 1);
  assert.equal(sizes.get('SELECT count(*) FROM events WHERE plover IN (?)', ['ASSAULT'], count), 2);
  sizes.clear();
  assert.equal(sizes.get('SELECT count(*) FROM events WHERE plover IN (?)', ['PROTEST'], count), 3);
});

/** The sizes a store's events planner keeps (a private member, looked at for this test only). */
const keptSizes = (store: SqliteStore) => (store as unknown as { events: { partSizes: PartSizes } }).events.partSizes.size;

test('sqlite plan: measured sizes are forgotten when this store or another process writes events', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'sitrep-plan-')), 'plan.db');
  const reader = new SqliteStore(path);
  const writer = new SqliteStore(path);
  try {
    await reader.migrate();
    const [first, second, third] = eventFixtureDocuments();
    await reader.saveArticle(articleRecord(first!));
    const byType = { plover: ['PROTEST'] };
    await reader.queryEvents(byType);
    assert.ok(keptSizes(reader) > 0, 'the planner measured the type filter');
    await reader.saveArticle(articleRecord(second!));
    assert.equal(keptSizes(reader), 0, 'its own write clears them');
    await reader.queryEvents(byType);
    assert.ok(keptSizes(reader) > 0);
    await writer.saveArticle(articleRecord(third!));
    await reader.queryEvents({ from: '2024-01-01' });
    // only the day filter measured since the other connection's write: the type count is gone
    assert.equal(keptSizes(reader), 2);
  } finally {
    await reader.close();
    await writer.close();
  }
});

test('sqlite plan: a country or ACLED part beside others is walked per column and value when it would be gathered or the table walked', () => {
  const country = { country: ['SY'], plover: ['ASSAULT'], from: '2024-09-01' };
  assert.equal(splitPlan(country, undefined)?.key, 'country');
  assert.equal(splitPlan(country, { country: ['SY'] })?.key, 'country');
  // a narrower other part drives the query: gathering its rows is cheaper
  assert.equal(splitPlan(country, { from: '2024-09-01' }), undefined);
  // alone, the part is gathered or walked as before
  assert.equal(splitPlan({ country: ['SY'] }, undefined), undefined);
  assert.deepEqual(splitPlan({ acled: ['battles'], text: 'shelled' }, undefined)?.columns, ['acled_type', 'acled_sub']);
});

test('sqlite plan: the per-column walks select exactly what eventMatches does, page by page', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'sitrep-plan-')), 'split.db'));
  const statements: string[] = [];
  const events = (store as unknown as { events: { statement: (sql: string) => unknown } }).events;
  const prepare = events.statement.bind(events);
  events.statement = (sql: string) => (statements.push(sql), prepare(sql));
  try {
    await store.migrate();
    const docs = eventFixtureDocuments();
    for (const d of docs) await store.saveArticle(articleRecord(d));
    const filters: EventFilter[] = [
      { country: ['AM', 'CD', 'TR'], plover: ['ASSAULT', 'COERCE'], from: '2024-01-01', includeBackground: true },
      { country: ['ARM', 'AZE'], text: 'e' },
      { country: ['AZE'], actor: 'troops', includeRestated: true },
      { acled: ['battles', 'armed clash'], bbox: [20, -5, 46, 42] },
      { acled: ['arrests', 'protests'], to: '2024-12-31', includeBackground: true, includeRestated: true },
    ];
    for (const filter of filters) {
      const want = [...docs].reverse().flatMap((d) => eventRowsOf(d.meta.id!, d, filter).map((r) => `${r.articleId}/${r.event.id}`));
      const got: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.queryEvents(filter, { limit: 1, cursor });
        got.push(...page.items.map((r) => `${r.articleId}/${r.event.id}`));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(got, want, JSON.stringify(filter));
    }
    assert.ok(statements.some((sql) => sql.includes(' UNION ')), 'the fixtures took the per-column walks');
  } finally {
    await store.close();
  }
});

test('sqlite plan: a part alone is counted only up to where it stops being worth gathering', () => {
  // a stand-in database: 10,000 events, the type filter selecting `selected` of them
  const plan = (selected: number) => {
    const caps: number[] = [];
    const prepare = (sql: string) => ({
      pluck: () => ({
        get: (...args: unknown[]) => {
          if (!sql.includes('LIMIT ?')) return 10_000;
          caps.push(args[args.length - 1] as number);
          return Math.min(selected, args[args.length - 1] as number);
        },
      }),
    }) as unknown as Database.Statement;
    const driver = planEventQuery(prepare, { plover: ['PROTEST'] }, 100, (f) => eventConditions(f, SQLITE_DIALECT));
    return { driver, caps };
  };
  // gathering 1,004 rows costs less than walking 10,000 · 101 / 1,004 ≈ 1,006; 1,005 no longer does
  assert.deepEqual(plan(1004), { driver: { plover: ['PROTEST'] }, caps: [1005] });
  assert.deepEqual(plan(50_000), { driver: undefined, caps: [1005] });
});
