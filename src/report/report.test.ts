import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CountTally } from '../core/layers/index.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { reconcileFigure } from '../reconcile/cross-article.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { gatherReport } from './gather.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { ReportModel } from './model.js';
import { sinceToRange } from './period.js';
import { ingestReportFixtures, reportFixtureStore } from './test-fixtures.js';
import { openStore } from '../store/open-store.js';
import { describePostgres, freshSchema } from '../store/jobs/test-postgres.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';

let store: SqliteStore;
let model: ReportModel;
let pipeline: Pipeline;
const NOW = new Date('2024-03-14T09:00:00Z');
const REQUEST = { filter: { country: ['AZ'], from: '2024-03-10', to: '2024-03-13' }, area: 'Azerbaijan (AZ)', now: NOW };

before(async () => {
  pipeline = await createDefaultPipeline();
  store = await reportFixtureStore(pipeline);
  model = await gatherReport(store, REQUEST);
});
after(async () => {
  await store?.close();
});

async function storedTally(articleId: string, kind: string): Promise<CountTally | undefined> {
  const article = await store.getArticle(articleId);
  return (article!.document.layers.tallies as CountTally[]).find((t) => t.kind === kind);
}

test('headline figures are the stored tallies, reconciled across the two reports of the story', async () => {
  const killed = model.headline.find((f) => f.kind === 'killed');
  assert.ok(killed, 'a killed figure');
  const alpha = await storedTally('rpt-alpha', 'killed');
  const beta = await storedTally('rpt-beta', 'killed');
  assert.equal(alpha?.best, 12);
  assert.equal(beta?.best, 15);
  const expected = reconcileFigure('killed', [
    { articleId: 'rpt-alpha', publishedAt: '2024-03-12', claimant: null, value: alpha!.best, qualifier: 'tally', countId: '' },
    { articleId: 'rpt-beta', publishedAt: '2024-03-13', claimant: null, value: beta!.best, qualifier: 'tally', countId: '' },
  ]);
  assert.deepEqual({ low: killed.low, best: killed.best, high: killed.high, sources: killed.sources, disagreement: killed.disagreement }, { low: expected.low, best: expected.best, high: expected.high, sources: 2, disagreement: true });
  assert.deepEqual([killed.low, killed.best, killed.high], [12, 15, 15], 'the latest report is the best figure; Mosul (another country) and the 2020 war are not counted');
  assert.deepEqual(killed.claims.map((c) => [c.articleId, c.value]).sort(), [['rpt-alpha', 12], ['rpt-beta', 15]], 'both claims side by side');
  const injured = model.headline.find((f) => f.kind === 'injured');
  assert.equal(injured?.best, (await storedTally('rpt-alpha', 'injured'))?.best);
});

test('every figure and every line is footnoted to a sentence whose span slices the stored article', async () => {
  const cited = [...model.headline.flatMap((f) => f.claims.map((c) => c.note)), ...model.happened.flatMap((g) => g.lines.flatMap((l) => l.notes)), ...model.quotes.flatMap((a) => a.quotes.map((q) => q.note)), ...model.background.flatMap((l) => l.notes)];
  assert.ok(cited.length >= 5);
  for (const n of cited) {
    const note = model.notes[n - 1];
    assert.equal(note?.n, n);
    const doc = (await store.getArticle(note.articleId))!.document;
    assert.equal(doc.clean!.text.slice(note.span.start, note.span.end), note.sentence, `note ${n} clean span`);
    assert.equal(doc.raw.slice(note.rawSpan.start, note.rawSpan.end), note.sentence, `note ${n} raw span`);
  }
  for (const f of model.headline) for (const c of f.claims) assert.match(model.notes[c.note - 1]!.sentence, new RegExp(`\\b${c.value}\\b`), `claim ${c.value} cites the sentence that states it`);
  for (const line of model.happened.flatMap((g) => g.lines)) {
    assert.ok(line.notes.length > 0, 'a line without a source');
    assert.ok(model.notes[line.notes[0]! - 1]!.sentence.includes(line.trigger), `line "${line.trigger}" cites its trigger's sentence`);
    for (const n of line.notes) assert.ok(model.notes[n - 1]!.phrase && model.notes[n - 1]!.sentence.includes(model.notes[n - 1]!.phrase!), `note ${n} holds the phrase it cites`);
  }
  const md = renderMarkdown(model);
  for (const note of model.notes) {
    assert.ok(md.includes(`[^${note.n}]: `), `footnote ${note.n} defined`);
    assert.ok(md.split(`[^${note.n}]`).length > 2, `footnote ${note.n} referenced`);
  }
  assert.match(md, /\| Killed \| 12 \| 15 \| 15 \| 2 \| 1 \| \[\^\d+\]\[\^\d+\] \|/);
});

test('one event reported twice is one line; background and other countries are kept apart', () => {
  const lines = model.happened.flatMap((g) => g.lines);
  const shelling = lines.filter((l) => l.trigger === 'shelled');
  assert.equal(shelling.length, 1, 'the two reports of the shelling are one line');
  assert.equal(new Set(shelling[0]!.notes.map((n) => model.notes[n - 1]!.articleId)).size, 2, 'citing both articles');
  assert.ok(!lines.some((l) => l.place === 'Mosul'), 'the country filter keeps Iraq out');
  assert.ok(!lines.some((l) => l.date?.startsWith('2020')), 'history is not the period\'s news');
  assert.ok(model.background.some((l) => l.date?.startsWith('2020') && l.killed === 6500), 'the 2020 war is background');
  assert.deepEqual(model.happened.map((g) => g.area), ['Azerbaijan']);
  assert.deepEqual(model.daily.map((d) => d.day), ['2024-03-10', '2024-03-11', '2024-03-12', '2024-03-13']);
  assert.equal(shelling[0]!.date, '2024-03-11', '"on Monday" in articles of Tuesday 12 March');
  assert.ok((model.daily.find((d) => d.day === '2024-03-11')?.events ?? 0) >= 1);
  assert.equal(model.daily.reduce((n, d) => n + d.events, 0), lines.filter((l) => l.date && /^\d{4}-\d{2}-\d{2}$/.test(l.date)).length, 'the chart counts the lines');
  assert.equal(model.undatedEvents, 1, 'the undated Tovuz article is counted, not silently dropped');
  assert.match(renderMarkdown(model), /1 event\(s\) of this place have no date/);
  assert.ok(model.quotes.some((a) => a.actor.includes('Stepanyan') && a.quotes.some((q) => q.text.includes('did not stop'))));
});

test('HTML is self-contained, with the map and chart inline, and article text escaped', () => {
  const html = renderHtml(model);
  assert.doesNotMatch(html, /<script|<img|onerror=|javascript:/i);
  assert.match(html, /Death toll rises in Martuni &lt;script&gt;/);
  assert.match(html, /Beta &lt;b&gt;News&lt;\/b&gt;/);
  assert.match(html, /<svg[^>]*class="report-map"[\s\S]*<path class="country/);
  assert.match(html, /<rect class="bar" data-day="2024-03-11" data-events="[1-9]"/);
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\/(?!alpha\.example)/, 'nothing to fetch; only the article link');
  const md = renderMarkdown(model);
  assert.doesNotMatch(md, /(^|[^\\])<(script|b>)|\]\(<?javascript:/m, 'markup in article text is escaped in Markdown too');
  assert.match(md, /\\<script\\>/);
});

test('--since counts back whole days from now; bad periods are named', () => {
  assert.deepEqual(sinceToRange('24h', NOW), { from: '2024-03-13', to: '2024-03-14' });
  assert.deepEqual(sinceToRange('7d', NOW), { from: '2024-03-07', to: '2024-03-14' });
  assert.throws(() => sinceToRange('soon', NOW), /--since .*"soon"/);
});

test('the CLI names bad options in one line, never a stack trace', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'sitrep.js'), 'report', ...args, '--db', ':memory:'], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });
  for (const [args, message] of [
    [['--since', '3x'], /--since takes a duration like 24h/],
    [['--from', '2024-13-45'], /"from" must be a date/],
    [['--format', 'docx'], /--format must be one of md, html, pdf/],
    [['--format', 'pdf'], /--format pdf needs --out/],
    [['--since', '7d', '--from', '2024-01-01'], /--since or --from\/--to/],
  ] as const) {
    const r = run([...args]);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
  const ok = run(['--country', 'AZ', '--since', '7d']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^# Situation report: Azerbaijan \(AZ\)/);
});

await describePostgres('the same report from PostgreSQL', () => {
  test('PostgreSQL gives the same report as SQLite', async () => {
    const { url, drop } = freshSchema('report');
    const pgStore = await openStore(url);
    try {
      await ingestReportFixtures(pgStore, pipeline);
      assert.deepEqual(await gatherReport(pgStore, REQUEST), model);
    } finally {
      await pgStore.close();
      await drop();
    }
  });
});
