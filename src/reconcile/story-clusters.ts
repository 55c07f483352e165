import { estimateJaccard, minhashSignature } from './minhash.js';

export interface StoryClusterOptions {
  /** cosine similarity to a cluster's centroid needed to join it */
  threshold: number;
  /** reports more than this many days apart are never one story */
  windowDays: number;
  /** estimated Jaccard of word shingles above which two articles are near-duplicates */
  nearDuplicateJaccard: number;
}

export const DEFAULT_STORY_OPTIONS: StoryClusterOptions = { threshold: 0.14, windowDays: 7, nearDuplicateJaccard: 0.6 };

interface Member {
  id: string;
  /** unit-length TF-IDF vector */
  vector: Map<string, number>;
  signature: number[];
  day?: number;
}

interface Cluster {
  id: string;
  members: Member[];
  /** sum of the members' unit vectors: average similarity is a dot product with it */
  sum: Map<string, number>;
  minDay?: number;
  maxDay?: number;
}

export interface Assignment {
  clusterId: string;
  similarity: number;
  nearDuplicateOf?: string;
  /** clusters absorbed into this one because the new article linked them */
  merged: string[];
}

const dayNumber = (iso?: string) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? Math.floor(Date.parse(iso.slice(0, 10)) / 86_400_000) : undefined);

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let d = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) d += v * w;
  }
  return d;
}

/**
 * Groups reports of the same story as they arrive, by average-link similarity
 * (TF-IDF over names and content words): an article joins the cluster it is on
 * average most similar to, within a date window, or starts a new one; then clusters
 * whose average link has risen above the threshold merge. A near-duplicate article
 * (MinHash over word shingles) always joins its original's cluster. Document
 * frequencies grow with the collection, so nothing is recomputed per article.
 */
export class StoryClusterer {
  private readonly clusters = new Map<string, Cluster>();
  private readonly df = new Map<string, number>();
  private docs = 0;
  private nextId = 1;

  constructor(private readonly options: StoryClusterOptions = DEFAULT_STORY_OPTIONS) {}

  /** Count a document's terms into the collection statistics (call before `add` when a batch is known up front). */
  observe(terms: Map<string, number>): void {
    this.docs++;
    for (const t of terms.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  private unitVector(terms: Map<string, number>): Map<string, number> {
    const v = new Map<string, number>();
    const n = Math.max(this.docs, 1);
    let norm = 0;
    for (const [t, tf] of terms) {
      const w = (1 + Math.log(tf)) * Math.log(1 + n / (this.df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  }

  private withinWindow(a: Cluster, b: { minDay?: number; maxDay?: number }): boolean {
    if (a.minDay === undefined || b.minDay === undefined) return true;
    return Math.max(a.maxDay!, b.maxDay!) - Math.min(a.minDay, b.minDay) <= this.options.windowDays;
  }

  add(id: string, text: string, terms: Map<string, number>, publishedAt?: string, alreadyObserved = false): Assignment {
    if (!alreadyObserved) this.observe(terms);
    const day = dayNumber(publishedAt);
    const member: Member = { id, vector: this.unitVector(terms), signature: minhashSignature(text), day };
    const span = { minDay: day, maxDay: day };
    let best: { cluster: Cluster; similarity: number; nearDuplicateOf?: string } | undefined;
    for (const cluster of this.clusters.values()) {
      if (!this.withinWindow(cluster, span)) continue;
      const twin = cluster.members.find((m) => estimateJaccard(m.signature, member.signature) >= this.options.nearDuplicateJaccard);
      if (twin) {
        best = { cluster, similarity: 1, nearDuplicateOf: twin.id };
        break;
      }
      const similarity = dot(member.vector, cluster.sum) / cluster.members.length;
      if (similarity >= this.options.threshold && (!best || similarity > best.similarity)) best = { cluster, similarity };
    }
    const cluster = best?.cluster ?? this.newCluster();
    this.join(cluster, member);
    const merged = this.mergeAround(cluster);
    return { clusterId: cluster.id, similarity: best?.similarity ?? 1, merged, ...(best?.nearDuplicateOf ? { nearDuplicateOf: best.nearDuplicateOf } : {}) };
  }

  private join(cluster: Cluster, member: Member): void {
    cluster.members.push(member);
    for (const [t, w] of member.vector) cluster.sum.set(t, (cluster.sum.get(t) ?? 0) + w);
    if (member.day !== undefined) {
      cluster.minDay = Math.min(cluster.minDay ?? member.day, member.day);
      cluster.maxDay = Math.max(cluster.maxDay ?? member.day, member.day);
    }
  }

  /** Merge other clusters into `cluster` while their average link is above the threshold. */
  private mergeAround(cluster: Cluster): string[] {
    const merged: string[] = [];
    for (;;) {
      let best: { other: Cluster; link: number } | undefined;
      for (const other of this.clusters.values()) {
        if (other === cluster || !this.withinWindow(cluster, other)) continue;
        const link = dot(cluster.sum, other.sum) / (cluster.members.length * other.members.length);
        if (link >= this.options.threshold && (!best || link > best.link)) best = { other, link };
      }
      if (!best) return merged;
      for (const m of best.other.members) this.join(cluster, m);
      this.clusters.delete(best.other.id);
      merged.push(best.other.id);
    }
  }

  private newCluster(): Cluster {
    const c: Cluster = { id: `story-${this.nextId++}`, members: [], sum: new Map() };
    this.clusters.set(c.id, c);
    return c;
  }

  /** Current members of every cluster. */
  snapshot(): Map<string, string[]> {
    return new Map([...this.clusters.values()].map((c) => [c.id, c.members.map((m) => m.id)]));
  }

  get clusterCount(): number {
    return this.clusters.size;
  }
}
