import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepDocument } from '../core/document.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { documentToJson } from '../serialize/document-json.js';
import { mergeClusterEvents, reconcileFigure } from './cross-article.js';
import { StoryClusterer } from './story-clusters.js';
import { storyTerms } from './story-terms.js';

// One wire story from three outlets, worded differently; the last one has a higher toll.
const REPORTS = [
  { id: 'r1', outlet: 'North Post', publishedAt: '2024-10-14', text: 'A rocket struck the bus station in Mykolaiv on Monday, killing five people and wounding 12, regional governor Vitaliy Kim said.' },
  { id: 'r2', outlet: 'Coastal Daily', publishedAt: '2024-10-14', text: 'Five people were killed and 12 injured when a Russian rocket hit the bus station in the city of Mykolaiv on Monday, according to governor Vitaliy Kim.' },
  { id: 'r3', outlet: 'Evening Ledger', publishedAt: '2024-10-15', text: "The death toll from Monday's rocket strike on the Mykolaiv bus station has risen to seven, the city's mayor said on Tuesday." },
];

test('three reports of one story: one cluster, one event with three reports, a low/best/high toll and a flagged disagreement', async () => {
  const pipeline = await createDefaultPipeline();
  const docs = REPORTS.map((r) => ({ id: r.id, document: documentToJson(pipeline.run(new SitrepDocument(r.text, { id: r.id, outlet: r.outlet, publishedAt: r.publishedAt })), pipeline.version) }));
  const clusterer = new StoryClusterer();
  const clusters = new Set(docs.map((d) => {
    const entities = ((d.document.layers.entities as { span: { text: string }; type: string }[]) ?? []).map((e) => ({ text: e.span.text, type: e.type }));
    return clusterer.add(d.id, d.document.clean!.text, storyTerms({ text: d.document.clean!.text, entities }), d.document.meta.publishedAt).clusterId;
  }));
  assert.equal(clusters.size, 1, 'the three reports are one story');
  const [clusterId] = [...clusters];
  const merged = mergeClusterEvents(clusterId!, docs).filter((e) => e.type === 'ASSAULT');
  assert.equal(merged.length, 1, `one assault, got ${JSON.stringify(merged.map((m) => [m.place, m.date, m.reports.length]))}`);
  const attack = merged[0]!;
  assert.deepEqual(attack.reports.map((r) => r.articleId).sort(), ['r1', 'r2', 'r3']);
  const killed = attack.figures.find((f) => f.kind === 'killed')!;
  assert.deepEqual({ low: killed.low, best: killed.best, high: killed.high, sources: killed.sources, disagreement: killed.disagreement }, { low: 5, best: 7, high: 7, sources: 3, disagreement: true });
  assert.deepEqual(killed.claims.map((c) => c.outlet).sort(), ['Coastal Daily', 'Evening Ledger', 'North Post']);
});

test('agreeing reports are not a disagreement', () => {
  const claim = (articleId: string, value: number) => ({ articleId, value, qualifier: 'exact', claimant: null, countId: 'c' });
  const f = reconcileFigure('injured', [claim('a', 12), claim('b', 12)]);
  assert.deepEqual([f.low, f.best, f.high, f.sources, f.disagreement], [12, 12, 12, 2, false]);
});
