import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSpan } from '../core/span.js';
import type { EventRecord } from '../core/layers/index.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { DocumentJson } from '../serialize/document-json.js';
import { articleRecord } from '../store/record.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { ACLED_COLUMNS } from './formats.js';
import { openStoryIndex } from '../reconcile/story-index.js';

const text = 'Shells hit Berd on Monday, killing four people. Protesters marched in Yerevan on Tuesday, the police said.';
function event(id: string, type: EventRecord['type'], trigger: string, sentence: [number, number], extra: Partial<EventRecord>): EventRecord {
  const at = text.indexOf(trigger);
  return { id, type, trigger: makeSpan(text, at, at + trigger.length), sentence: 0, sentenceSpan: makeSpan(text, ...sentence), countIds: [], quoteIds: [], background: false, ...extra };
}

async function storeWithEvents(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'sitrep-export-')), 'e.db');
  const store = new SqliteStore(path);
  await store.migrate();
  const firstEnd = text.indexOf('.') + 1;
  const raw = `  ${text}`; // the raw text has two leading spaces: raw spans differ from clean ones
  const doc: DocumentJson = {
    meta: { id: 'ex-1', outlet: 'Test Wire', publishedAt: '2024-05-08', url: 'https://example.test/a' },
    pipelineVersion: 'test',
    raw,
    clean: { text, offsetMap: [{ cleanStart: 0, cleanEnd: text.length, rawStart: 2, rawEnd: raw.length, verbatim: true }] },
    layers: {
      counts: [{ id: 'c1', span: makeSpan(text, 27, 46), numberSpan: makeSpan(text, 35, 39), kind: 'killed', value: 4, qualifier: 'exact', who: 'people', claimant: null, sentence: 0 }],
      events: [
        event('e1', 'ASSAULT', 'hit', [0, firstEnd], { countIds: ['c1'], place: { name: 'Berd', lat: 40.88, lon: 45.39, country: 'AM', precision: 'city', fromArticleFocus: false }, date: { value: '2024-05-06', precision: 'day', fromPublication: false }, acled: { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack', interaction: 17 } }),
        event('e2', 'PROTEST', 'marched', [firstEnd + 1, text.length], { place: { name: 'Yerevan', lat: 40.18, lon: 44.51, country: 'AM', precision: 'city', fromArticleFocus: false }, date: { value: '2024-05-07', precision: 'day', fromPublication: false }, acled: { eventType: 'Protests', subEventType: 'Peaceful protest', interaction: 60 } }),
        event('e3', 'ASSAULT', 'Shells', [0, firstEnd], { background: true }),
      ],
    },
    diagnostics: [],
  };
  await store.saveArticle(articleRecord(doc));
  await store.close();
  return path;
}

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'sitrep.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('every format carries the article id and the raw source span; filters apply', async () => {
  const db = await storeWithEvents();
  const json = JSON.parse(sitrep(['export', '--db', db, '--format', 'json']).stdout);
  assert.deepEqual(json.map((r: any) => r.event_id), ['e1', 'e2'], 'background events are left out by default');
  assert.equal(json[0].article_id, 'ex-1');
  assert.equal(json[0].killed, 4);
  assert.deepEqual([json[0].raw_start, json[0].raw_end], [text.indexOf('hit') + 2, text.indexOf('hit') + 5]);

  const lines = sitrep(['export', '--db', db, '--format', 'jsonl', '--type', 'PROTEST']).stdout.trim().split('\n');
  assert.deepEqual(lines.map((l) => JSON.parse(l).event_id), ['e2']);

  const acled = sitrep(['export', '--db', db, '--format', 'acled', '--from', '2024-05-06', '--to', '2024-05-06']).stdout.trim().split('\r\n');
  assert.deepEqual(acled[0]!.split(','), [...ACLED_COLUMNS]);
  assert.equal(acled.length, 2);
  assert.match(acled[1]!, /Explosions\/Remote violence,Shelling\/artillery\/missile attack/);
  assert.match(acled[1]!, /,Armenia,/);

  const geo = JSON.parse(sitrep(['export', '--db', db, '--format', 'geojson', '--bbox', '44,40,45,41']).stdout);
  assert.equal(geo.type, 'FeatureCollection');
  assert.deepEqual(geo.features.map((f: any) => f.geometry.coordinates), [[44.51, 40.18]]);

  const csv = sitrep(['export', '--db', db, '--format', 'csv', '--background', '--country', 'ARM']).stdout.trim().split('\r\n');
  assert.equal(csv.length, 1 + 2, 'the country filter takes alpha-3 actor codes or place countries; e3 has neither');
  const plover = JSON.parse(sitrep(['export', '--db', db, '--format', 'plover']).stdout.split('\n')[0]!);
  assert.equal(plover.provenance.article_id, 'ex-1');
  assert.equal(plover.provenance.trigger.text, 'hit');
});

test('a bad filter or format is a clear one-line error', async () => {
  const db = await storeWithEvents();
  for (const [args, message] of [
    [['--format', 'xml'], /--format must be one of/],
    [['--type', 'BOMBING'], /unknown PLOVER type BOMBING/],
    [['--from', '20-05-2024'], /"from" must be a date/],
    [['--bbox', '1,2,3'], /"bbox" must be/],
    [['--cluster', 'Goma'], /"cluster" takes a story id like story-12/],
    [['--cluster', 'story-99999'], /no story with id "story-99999"/],
  ] as const) {
    const r = sitrep(['export', '--db', db, ...args]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('--cluster exports the events of one story only', async () => {
  const db = await storeWithEvents();
  const store = new SqliteStore(db);
  try {
    const other = 'Floods closed the port of Mombasa on Friday. Traders waited for the harbour to reopen.';
    const at = other.indexOf('closed');
    await store.saveArticle(articleRecord({
      meta: { id: 'ex-2', outlet: 'Test Wire', publishedAt: '2024-07-12' }, pipelineVersion: 'test', raw: other, clean: { text: other, offsetMap: [] },
      layers: { events: [{ id: 'f1', type: 'COERCE', trigger: makeSpan(other, at, at + 6), sentence: 0, sentenceSpan: makeSpan(other, 0, other.indexOf('.') + 1), countIds: [], quoteIds: [], background: false }] },
      diagnostics: [],
    }));
    const index = await openStoryIndex(store);
    let stories: string[];
    try {
      await index.catchUp();
      stories = [(await index.clusterOf('ex-1'))!.id, (await index.clusterOf('ex-2'))!.id];
    } finally {
      await index.close();
    }
    assert.notEqual(stories[0], stories[1], 'two unrelated articles make two stories');
    const ids = (story: string) => JSON.parse(sitrep(['export', '--db', db, '--format', 'json', '--cluster', story]).stdout).map((r: any) => `${r.article_id}/${r.event_id}`);
    assert.deepEqual(ids(stories[0]!), ['ex-1/e1', 'ex-1/e2']);
    assert.deepEqual(ids(stories[1]!), ['ex-2/f1']);
    assert.equal(JSON.parse(sitrep(['export', '--db', db, '--format', 'json']).stdout).length, 3);
  } finally {
    await store.close();
  }
});
