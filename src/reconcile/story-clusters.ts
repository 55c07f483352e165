import { estimateJaccard, lshBands, minhashSignature } from './minhash.js';

export interface StoryClusterOptions {
  /** cosine similarity to a cluster's centroid needed to join it */
  threshold: number;
  /** reports more than this many days apart are never one story */
  windowDays: number;
  /** estimated Jaccard of word shingles above which two articles are near-duplicates */
  nearDuplicateJaccard: number;
  /**
   * IDF is computed as if the collection had at least this many documents: in a young
   * collection a place named by three reports of one story would otherwise weigh no more
   * than a common word, and the story would split.
   */
  minCollection: number;
}

export const DEFAULT_STORY_OPTIONS: StoryClusterOptions = { threshold: 0.14, windowDays: 7, nearDuplicateJaccard: 0.6, minCollection: 100 };

export interface StoryMember {
  id: string;
  /** unit-length TF-IDF vector, weighted with the collection statistics of the moment it arrived */
  vector: Map<string, number>;
  signature: number[];
  day?: number;
}

export interface StoryClusterState {
  id: string;
  members: StoryMember[];
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

export const dayNumber = (iso?: string): number | undefined =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? Math.floor(Date.parse(iso.slice(0, 10)) / 86_400_000) : undefined;

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let d = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) d += v * w;
  }
  return d;
}

/** TF-IDF weights of `terms` against document frequencies `df` over `docs` documents, scaled to unit length. */
export function unitVector(terms: Map<string, number>, df: (term: string) => number, docs: number, minCollection = 1): Map<string, number> {
  const v = new Map<string, number>();
  const n = Math.max(docs, minCollection, 1);
  let norm = 0;
  for (const [t, tf] of terms) {
    const w = (1 + Math.log(tf)) * Math.log(1 + n / (df(t) || 1));
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** Whether two reports are near-duplicates: they share an LSH bucket and most of their shingles. */
export function nearDuplicate(a: readonly number[], b: readonly number[], options: StoryClusterOptions = DEFAULT_STORY_OPTIONS): boolean {
  if (estimateJaccard(a, b) < options.nearDuplicateJaccard) return false;
  const bands = new Set(lshBands(a));
  return lshBands(b).some((band) => bands.has(band));
}

export function withinWindow(a: { minDay?: number; maxDay?: number }, b: { minDay?: number; maxDay?: number }, windowDays: number): boolean {
  if (a.minDay === undefined || b.minDay === undefined) return true;
  return Math.max(a.maxDay!, b.maxDay!) - Math.min(a.minDay, b.minDay) <= windowDays;
}

export function joinCluster(cluster: StoryClusterState, member: StoryMember): void {
  cluster.members.push(member);
  for (const [t, w] of member.vector) cluster.sum.set(t, (cluster.sum.get(t) ?? 0) + w);
  if (member.day !== undefined) {
    cluster.minDay = Math.min(cluster.minDay ?? member.day, member.day);
    cluster.maxDay = Math.max(cluster.maxDay ?? member.day, member.day);
  }
}

/**
 * Place one arriving report among the clusters (average link, see StoryClusterer) and merge
 * the clusters it links. `clusters` is in creation order and must hold every cluster within
 * the date window of the report's day; it is updated in place. `twins` are the ids of
 * earlier reports found near-duplicates of this one (nearDuplicate): the first cluster
 * holding one takes the report.
 */
export function placeMember(
  clusters: Map<string, StoryClusterState>,
  member: StoryMember,
  twins: ReadonlySet<string>,
  newClusterId: () => string,
  options: StoryClusterOptions = DEFAULT_STORY_OPTIONS,
): Assignment {
  const span = { minDay: member.day, maxDay: member.day };
  let best: { cluster: StoryClusterState; similarity: number; nearDuplicateOf?: string } | undefined;
  for (const cluster of clusters.values()) {
    if (!withinWindow(cluster, span, options.windowDays)) continue;
    const twin = twins.size ? cluster.members.find((m) => twins.has(m.id)) : undefined;
    if (twin) {
      best = { cluster, similarity: 1, nearDuplicateOf: twin.id };
      break;
    }
    const similarity = dot(member.vector, cluster.sum) / cluster.members.length;
    if (similarity >= options.threshold && (!best || similarity > best.similarity)) best = { cluster, similarity };
  }
  let cluster = best?.cluster;
  if (!cluster) {
    cluster = { id: newClusterId(), members: [], sum: new Map() };
    clusters.set(cluster.id, cluster);
  }
  joinCluster(cluster, member);
  const merged = mergeAround(clusters, cluster, options);
  return { clusterId: cluster.id, similarity: best?.similarity ?? 1, merged, ...(best?.nearDuplicateOf ? { nearDuplicateOf: best.nearDuplicateOf } : {}) };
}

/** Merge other clusters into `cluster` while their average link is above the threshold. */
function mergeAround(clusters: Map<string, StoryClusterState>, cluster: StoryClusterState, options: StoryClusterOptions): string[] {
  const merged: string[] = [];
  for (;;) {
    let best: { other: StoryClusterState; link: number } | undefined;
    for (const other of clusters.values()) {
      if (other === cluster || !withinWindow(cluster, other, options.windowDays)) continue;
      const link = dot(cluster.sum, other.sum) / (cluster.members.length * other.members.length);
      if (link >= options.threshold && (!best || link > best.link)) best = { other, link };
    }
    if (!best) return merged;
    for (const m of best.other.members) joinCluster(cluster, m);
    clusters.delete(best.other.id);
    merged.push(best.other.id);
  }
}

/**
 * Groups reports of the same story as they arrive, by average-link similarity
 * (TF-IDF over names and content words): an article joins the cluster it is on
 * average most similar to, within a date window, or starts a new one; then clusters
 * whose average link has risen above the threshold merge. A near-duplicate article
 * (MinHash over word shingles, found through LSH buckets) always joins its original's
 * cluster. Document frequencies grow with the collection, so nothing is recomputed per
 * article. This keeps everything in memory; story-index.ts keeps the same state in the
 * database and loads only the clusters within an article's date window.
 */
export class StoryClusterer {
  private readonly clusters = new Map<string, StoryClusterState>();
  private readonly df = new Map<string, number>();
  private readonly buckets = new Map<string, string[]>();
  private readonly signatures = new Map<string, number[]>();
  private docs = 0;
  private nextId = 1;

  constructor(private readonly options: StoryClusterOptions = DEFAULT_STORY_OPTIONS) {}

  /** Count a document's terms into the collection statistics (call before `add` when a batch is known up front). */
  observe(terms: Map<string, number>): void {
    this.docs++;
    for (const t of terms.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  add(id: string, text: string, terms: Map<string, number>, publishedAt?: string, alreadyObserved = false): Assignment {
    if (!alreadyObserved) this.observe(terms);
    const member: StoryMember = { id, vector: unitVector(terms, (t) => this.df.get(t) ?? 1, this.docs, this.options.minCollection), signature: minhashSignature(text), day: dayNumber(publishedAt) };
    const bands = lshBands(member.signature);
    const twins = new Set<string>();
    for (const band of bands) for (const other of this.buckets.get(band) ?? []) if (nearDuplicate(member.signature, this.signatures.get(other)!, this.options)) twins.add(other);
    for (const band of bands) this.buckets.set(band, [...(this.buckets.get(band) ?? []), id]);
    this.signatures.set(id, member.signature);
    return placeMember(this.clusters, member, twins, () => `story-${this.nextId++}`, this.options);
  }

  /** Current members of every cluster. */
  snapshot(): Map<string, string[]> {
    return new Map([...this.clusters.values()].map((c) => [c.id, c.members.map((m) => m.id)]));
  }

  get clusterCount(): number {
    return this.clusters.size;
  }
}
