import type { Store } from '../store/store.js';
import { openStoryIndex, type StoryCluster } from './story-index.js';

export type { StoryCluster } from './story-index.js';

/**
 * The stored articles' stories, each with its merged events: brings the story index
 * (story-index.ts) up to date with the store, indexing only articles it has not seen, then
 * reads the stored clusters.
 */
export async function clusterStoredArticles(store: Store): Promise<StoryCluster[]> {
  const index = await openStoryIndex(store);
  try {
    await index.catchUp();
    return await index.clusters();
  } finally {
    await index.close();
  }
}
