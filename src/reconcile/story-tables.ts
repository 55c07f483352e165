/** One indexed article: its place in a story and what the clusterer needs to compare it again. */
export interface IndexedArticle {
  articleId: string;
  clusterId: string;
  /** order of joining within the cluster (the clusterer's member order) */
  position: number;
  /** the store's ingestedAt when it was indexed: a different one means the article was updated */
  ingestedAt: string;
  day: number | null;
  /** story terms with their frequency (to take the article back out of the document frequencies) */
  terms: Record<string, number>;
  /** unit TF-IDF vector as weighted when it arrived */
  vector: Record<string, number>;
  signature: number[];
  nearDuplicateOf: string | null;
}

/** Where an indexed article sits, without its (large) vectors. */
export type MemberRef = Omit<IndexedArticle, 'terms' | 'vector' | 'signature'>;

export interface ClusterRow {
  id: string;
  /** creation order: the clusterer visits clusters in this order */
  seq: number;
  minDay: number | null;
  maxDay: number | null;
  size: number;
}

/**
 * The story index's own tables beside the article store (SQLite file or PostgreSQL
 * database): article → cluster, each article's terms, vector and MinHash signature, LSH
 * buckets, document frequencies, clusters with their day span, and each cluster's merged
 * view as JSON, ready to serve.
 */
export interface StoryTables {
  migrate(): Promise<void>;
  /** run `fn` as one transaction that no other writer (process or machine) runs beside */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  meta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  /** ingestedAt recorded for each of these articles that is indexed */
  indexedAt(articleIds: string[]): Promise<Map<string, string>>;
  documentFrequencies(terms: string[]): Promise<Map<string, number>>;
  addFrequencies(terms: string[], delta: number): Promise<void>;
  /** clusters whose whole day span lies in [fromDay, toDay], or have no day (all clusters when fromDay is undefined), by seq */
  candidateClusters(fromDay?: number, toDay?: number): Promise<ClusterRow[]>;
  /** members of these clusters, by position */
  memberRefs(clusterIds: string[]): Promise<MemberRef[]>;
  /** these indexed articles in full */
  articles(articleIds: string[]): Promise<IndexedArticle[]>;
  /** articles sharing any of these LSH bucket keys, with their signatures */
  inBuckets(bands: string[]): Promise<{ articleId: string; signature: number[] }[]>;
  article(articleId: string): Promise<IndexedArticle | undefined>;
  putArticle(article: IndexedArticle, bands: string[]): Promise<void>;
  deleteArticle(articleId: string): Promise<void>;
  placeArticle(articleId: string, clusterId: string, position: number): Promise<void>;
  putCluster(cluster: ClusterRow): Promise<void>;
  deleteCluster(clusterId: string): Promise<void>;
  setClusterView(clusterId: string, view: string): Promise<void>;
  /** merged views (JSON) by seq */
  clusterViews(options: { limit?: number; minArticles?: number }): Promise<string[]>;
  clusterViewOf(articleId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
