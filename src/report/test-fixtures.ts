import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../analysis/ingest-run.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

/**
 * Short articles written for the report tests: two outlets report one shelling (in Karabakh's Martuni, not Armenia's namesake) with
 * different tolls (12, then 15 killed), one recalls a past war (background), and a
 * third story happens in another country; one article has no date. One title is hostile markup.
 */
export const REPORT_ARTICLES = [
  {
    id: 'rpt-alpha',
    title: 'Shelling hits Martuni',
    outlet: 'Alpha Wire',
    publishedAt: '2024-03-12',
    url: 'https://alpha.example/martuni',
    text:
      'Azerbaijani forces shelled the town of Martuni in Azerbaijan’s Khojavend district on Monday, killing 12 civilians and wounding 30 others, local officials said.\n\n' +
      '"The shelling did not stop for hours," said Gegham Stepanyan, the regional ombudsman.\n\n' +
      'In 2020, a six-week war killed more than 6,500 people in the region.',
  },
  {
    id: 'rpt-beta',
    title: 'Death toll rises in Martuni <script>alert("t")</script>',
    outlet: 'Beta <b>News</b>',
    publishedAt: '2024-03-13',
    url: 'javascript:alert(1)',
    text: 'Azerbaijani forces shelled the town of Martuni in Azerbaijan’s Khojavend district on Monday, killing 15 civilians, the Armenian foreign ministry said.\n\n' +
      'A leaflet found nearby read <img src=x onerror=alert(2)> in red ink.',
  },
  {
    id: 'rpt-gamma',
    title: 'Checkpoint attack in Mosul',
    outlet: 'Gamma Post',
    publishedAt: '2024-03-12',
    text: 'Gunmen attacked a police checkpoint in Mosul on Monday, killing three officers, the provincial governor said.',
  },
  {
    id: 'rpt-undated',
    title: 'Border post fired on',
    outlet: 'Delta Daily',
    text: 'Azerbaijani troops fired on a border post near Tovuz on Tuesday, the defence ministry said.',
  },
];

/** Ingest the fixture articles into `store` through the real pipeline. */
export async function ingestReportFixtures(store: Store, pipeline?: Pipeline): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-report-'));
  writeFileSync(join(dir, 'articles.jsonl'), REPORT_ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const summary = await ingestPaths([join(dir, 'articles.jsonl')], pipeline ?? (await createDefaultPipeline()), store);
  if (summary.failed) throw new Error(`fixture ingest failed: ${JSON.stringify(summary.errors)}`);
}

/** A temporary SQLite store holding the fixture articles. */
export async function reportFixtureStore(pipeline?: Pipeline): Promise<SqliteStore> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'sitrep-report-')), 'report.db'));
  await store.migrate();
  await ingestReportFixtures(store, pipeline);
  return store;
}
