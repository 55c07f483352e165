import type { Store } from '../store/store.js';
import { mergeClusterEvents, type MergedEvent, type ReportedArticle } from './cross-article.js';
import { StoryClusterer } from './story-clusters.js';
import { storyTerms } from './story-terms.js';

export interface StoryCluster {
  id: string;
  articles: { id: string; title?: string; outlet?: string; publishedAt?: string; nearDuplicateOf?: string }[];
  events: MergedEvent[];
}

/**
 * Cluster the stored articles into stories (oldest first, as they arrived) and merge
 * each story's events. Computed from the store on demand; keeping clusters in the store
 * and updating them per ingested article is the next step.
 */
export async function clusterStoredArticles(store: Store): Promise<StoryCluster[]> {
  const articles: ReportedArticle[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listArticles({ limit: 200, cursor });
    for (const s of page.items) {
      const a = await store.getArticle(s.id);
      if (a) articles.push({ id: a.id, document: a.document });
    }
    cursor = page.nextCursor;
  } while (cursor);
  articles.sort((a, b) => (a.document.meta.publishedAt ?? '').localeCompare(b.document.meta.publishedAt ?? '') || a.id.localeCompare(b.id));
  const clusterer = new StoryClusterer();
  const nearDuplicates = new Map<string, string>();
  for (const a of articles) {
    const text = a.document.clean?.text ?? a.document.raw;
    const entities = ((a.document.layers.entities as { span: { text: string }; type: string }[] | undefined) ?? []).map((e) => ({ text: e.span.text, type: e.type }));
    const assignment = clusterer.add(a.id, text, storyTerms({ text, entities }), a.document.meta.publishedAt);
    if (assignment.nearDuplicateOf) nearDuplicates.set(a.id, assignment.nearDuplicateOf);
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  return [...clusterer.snapshot()].map(([id, ids]) => {
    const members = ids.map((x) => byId.get(x)!);
    return {
      id,
      articles: members.map((a) => ({
        id: a.id,
        ...(a.document.meta.title ? { title: a.document.meta.title } : {}),
        ...(a.document.meta.outlet ? { outlet: a.document.meta.outlet } : {}),
        ...(a.document.meta.publishedAt ? { publishedAt: a.document.meta.publishedAt } : {}),
        ...(nearDuplicates.has(a.id) ? { nearDuplicateOf: nearDuplicates.get(a.id) } : {}),
      })),
      events: mergeClusterEvents(id, members),
    };
  });
}
