import { SitrepDocument } from '../../core/document.js';
import { StoryClusterer, DEFAULT_STORY_OPTIONS } from '../../reconcile/story-clusters.js';
import { storyTerms } from '../../reconcile/story-terms.js';
import type { EvalTask } from './registry.js';

interface ClusterRecord {
  id: string;
  text: string;
  title?: string;
  publishedAt?: string;
  cluster: string;
}

/** B-cubed precision, recall and F1, averaged per document. */
export function bCubed(predicted: Map<string, string>, gold: Map<string, string>): { precision: number; recall: number; f1: number } {
  const members = (m: Map<string, string>) => {
    const by = new Map<string, Set<string>>();
    for (const [doc, c] of m) by.set(c, (by.get(c) ?? new Set()).add(doc));
    return by;
  };
  const p = members(predicted);
  const g = members(gold);
  let precision = 0;
  let recall = 0;
  for (const doc of gold.keys()) {
    const pc = p.get(predicted.get(doc)!)!;
    const gc = g.get(gold.get(doc)!)!;
    let both = 0;
    for (const d of pc) if (gc.has(d)) both++;
    precision += both / pc.size;
    recall += both / gc.size;
  }
  precision /= gold.size;
  recall /= gold.size;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export const clustersTask: EvalTask = {
  name: 'clusters',
  description: 'same-story clustering of articles: B-cubed precision, recall, F1',
  score(records, { pipeline }) {
    const sub = pipeline.subset(['entities']);
    const rs = records as ClusterRecord[];
    const inputs = rs.map((r) => {
      const doc = sub.run(new SitrepDocument(r.text, { id: r.id, title: r.title, publishedAt: r.publishedAt }));
      const entities = (doc.maybe('entities') ?? []).map((e) => ({ text: e.span.text, type: e.type }));
      return { r, terms: storyTerms({ text: doc.text, entities }) };
    });
    const clusterer = new StoryClusterer(DEFAULT_STORY_OPTIONS);
    // the whole file is one batch: collect document frequencies first
    for (const x of inputs) clusterer.observe(x.terms);
    for (const x of inputs) clusterer.add(x.r.id, x.r.text, x.terms, x.r.publishedAt, true);
    // merges move articles between clusters, so read the final membership
    const predicted = new Map<string, string>();
    for (const [cluster, ids] of clusterer.snapshot()) for (const id of ids) predicted.set(id, cluster);
    const gold = new Map(rs.map((r) => [r.id, r.cluster]));
    return { ...bCubed(predicted, gold), predictedClusters: clusterer.clusterCount, goldClusters: new Set(gold.values()).size };
  },
};
