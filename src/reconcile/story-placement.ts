import type { StoredArticle } from '../store/store.js';
import { lshBands, minhashSignature } from './minhash.js';
import { dayNumber, joinCluster, nearDuplicate, placeMember, unitVector, type StoryClusterOptions, type StoryClusterState, type StoryMember } from './story-clusters.js';
import { storyTerms } from './story-terms.js';
import type { IndexedArticle, StoryTables } from './story-tables.js';

const clusterSeq = (id: string) => Number(id.slice(id.lastIndexOf('-') + 1));

function memberOf(a: IndexedArticle): StoryMember {
  return { id: a.articleId, vector: new Map(Object.entries(a.vector)), signature: a.signature, ...(a.day === null ? {} : { day: a.day }) };
}

/**
 * Parsed members by article id and version. A member's vector and signature never change
 * once indexed (only its cluster does), so they are read from the tables once per process.
 */
export class MemberCache {
  private readonly entries = new Map<string, { ingestedAt: string; member: StoryMember }>();
  constructor(private readonly capacity = 20_000) {}

  get(id: string, ingestedAt: string): StoryMember | undefined {
    const e = this.entries.get(id);
    return e?.ingestedAt === ingestedAt ? e.member : undefined;
  }

  /** after a rolled-back transaction: what it cached may never have been stored */
  clear(): void {
    this.entries.clear();
  }

  set(id: string, ingestedAt: string, member: StoryMember): void {
    this.entries.delete(id);
    this.entries.set(id, { ingestedAt, member });
    // forget the longest-held first: old stories fall out of every date window
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** Load clusters (in creation order) with their members, as the clusterer holds them. */
async function loadClusters(tables: StoryTables, ids: string[], cache: MemberCache): Promise<Map<string, StoryClusterState>> {
  const clusters = new Map<string, StoryClusterState>(ids.map((id) => [id, { id, members: [], sum: new Map() }]));
  const refs = await tables.memberRefs(ids);
  const missing = refs.filter((r) => !cache.get(r.articleId, r.ingestedAt));
  const fetched = new Map<string, StoryMember>();
  for (const a of missing.length ? await tables.articles(missing.map((r) => r.articleId)) : []) {
    fetched.set(a.articleId, memberOf(a));
    cache.set(a.articleId, a.ingestedAt, fetched.get(a.articleId)!);
  }
  // a window larger than the cache evicts as it fills: what was just read is kept aside
  for (const r of refs) joinCluster(clusters.get(r.clusterId)!, fetched.get(r.articleId) ?? cache.get(r.articleId, r.ingestedAt)!);
  return clusters;
}

/** Write a cluster's members' order and its day span after it changed. */
async function saveCluster(tables: StoryTables, cluster: StoryClusterState, moved: Set<string>): Promise<void> {
  for (const [position, m] of cluster.members.entries()) if (moved.has(m.id)) await tables.placeArticle(m.id, cluster.id, position);
  await tables.putCluster({ id: cluster.id, seq: clusterSeq(cluster.id), minDay: cluster.minDay ?? null, maxDay: cluster.maxDay ?? null, size: cluster.members.length });
}

/**
 * Index one stored article: weigh its story terms with the collection's document
 * frequencies, find its near-duplicates through the LSH buckets, and place it among the
 * clusters within its date window only. Returns the ids of the clusters it changed.
 */
export async function indexArticle(tables: StoryTables, article: StoredArticle, options: StoryClusterOptions, cache: MemberCache): Promise<string[]> {
  const doc = article.document;
  const text = doc.clean?.text ?? doc.raw;
  const entities = ((doc.layers.entities as { span: { text: string }; type: string }[] | undefined) ?? []).map((e) => ({ text: e.span.text, type: e.type }));
  const terms = storyTerms({ text, entities });
  const termList = [...terms.keys()];
  const docs = Number((await tables.meta('docs')) ?? 0) + 1;
  await tables.addFrequencies(termList, 1);
  const df = await tables.documentFrequencies(termList);
  const day = dayNumber(doc.meta.publishedAt);
  const member: StoryMember = { id: article.id, vector: unitVector(terms, (t) => df.get(t) ?? 1, docs, options.minCollection), signature: minhashSignature(text), ...(day === undefined ? {} : { day }) };
  const bands = lshBands(member.signature);
  const twins = new Set((await tables.inBuckets(bands)).filter((o) => o.articleId !== article.id && nearDuplicate(member.signature, o.signature, options)).map((o) => o.articleId));

  const window = day === undefined ? [] : [day - options.windowDays, day + options.windowDays];
  const candidates = await tables.candidateClusters(window[0], window[1]);
  const clusters = await loadClusters(tables, candidates.map((c) => c.id), cache);
  let nextId = Number((await tables.meta('next_cluster')) ?? 1);
  const assignment = placeMember(clusters, member, twins, () => `story-${nextId++}`, options);
  const cluster = clusters.get(assignment.clusterId)!;
  const position = cluster.members.findIndex((m) => m.id === article.id);
  cache.set(article.id, article.ingestedAt, member);
  await tables.putArticle(
    { articleId: article.id, clusterId: cluster.id, position, ingestedAt: article.ingestedAt, day: day ?? null, terms: Object.fromEntries(terms), vector: Object.fromEntries(member.vector), signature: member.signature, nearDuplicateOf: assignment.nearDuplicateOf ?? null },
    bands,
  );
  const moved = new Set(cluster.members.slice(position + 1).map((m) => m.id));
  await saveCluster(tables, cluster, moved);
  for (const id of assignment.merged) await tables.deleteCluster(id);
  await tables.setMeta('docs', String(docs));
  await tables.setMeta('next_cluster', String(nextId));
  return [cluster.id, ...assignment.merged];
}

/** Take an indexed article back out (before indexing its updated version). Returns the cluster it left. */
export async function unindexArticle(tables: StoryTables, articleId: string, cache: MemberCache): Promise<string[]> {
  const old = await tables.article(articleId);
  if (!old) return [];
  await tables.deleteArticle(articleId);
  await tables.addFrequencies(Object.keys(old.terms), -1);
  await tables.setMeta('docs', String(Math.max(Number((await tables.meta('docs')) ?? 1) - 1, 0)));
  const cluster = (await loadClusters(tables, [old.clusterId], cache)).get(old.clusterId)!;
  if (!cluster.members.length) await tables.deleteCluster(old.clusterId);
  else await saveCluster(tables, cluster, new Set(cluster.members.map((m) => m.id)));
  return [old.clusterId];
}
