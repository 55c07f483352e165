import type { StoryArticles } from '../query/event-filter.js';
import type { StoryIndex } from '../reconcile/story-index.js';

/**
 * The articles of a story, for the `cluster` event filter (query/event-filter.ts
 * resolveClusterFilter): the index first takes in the articles stored since it last looked,
 * so a story id just read from /api/clusters is found.
 */
export function storyArticlesOf(index: StoryIndex): StoryArticles {
  return async (storyId) => {
    await index.catchUp();
    const story = (await index.clusters()).find((c) => c.id === storyId);
    return story?.articles.map((a) => a.id);
  };
}
