import { Hono } from 'hono';
import { eventStory } from '../reconcile/event-story.js';
import { sharedStoryIndex } from '../reconcile/story-index.js';
import type { Store } from '../store/store.js';
import { ApiError } from './errors.js';

/**
 * GET /api/events/{articleId}/{index}: one event (the flat row of /api/events) with its
 * story — every article reporting it, its figures reconciled across them (low / best /
 * high, sources, disagreement, each claim with its span) and the quotes about it. The
 * story index is brought up to date first, so a just-stored article has its story.
 */
export function eventDetailRoutes(store: Store): Hono {
  const app = new Hono();
  app.get('/api/events/:articleId/:index', async (c) => {
    const { articleId, index } = c.req.param();
    if (!/^\d{1,9}$/.test(index)) throw new ApiError(400, 'invalid-parameter', `the event index must be a whole number from 0 (the article's events in document order), not "${index}"`);
    if (!(await store.getArticle(articleId))) throw new ApiError(404, 'not-found', `no article with id "${articleId}"`);
    const stories = await sharedStoryIndex(store);
    await stories.catchUp();
    const detail = await eventStory(store, stories, articleId, Number(index));
    if (!detail) throw new ApiError(404, 'not-found', `article "${articleId}" has no event ${index}`);
    return c.json(detail);
  });
  return app;
}

const span = { $ref: '#/components/schemas/Span' };

/** The event-detail schemas, merged into the API's components by openapi.ts. */
export const EVENT_DETAIL_SCHEMAS = {
  EventDetail: {
    type: 'object',
    required: ['event', 'story', 'tallies', 'quotes'],
    additionalProperties: false,
    properties: {
      event: { $ref: '#/components/schemas/Event' },
      story: {
        type: 'object',
        required: ['clusterId', 'reports'],
        additionalProperties: false,
        properties: {
          clusterId: { type: ['string', 'null'], description: 'the story cluster (null only when the article is not indexed)' },
          reports: {
            type: 'array',
            description: 'every article reporting the event, this one included; eventIndex is its event in that article',
            items: {
              type: 'object',
              required: ['articleId', 'eventIndex', 'sentence'],
              additionalProperties: false,
              properties: { articleId: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' }, publishedAt: { type: 'string' }, eventIndex: { type: 'integer', minimum: 0 }, sentence: span },
            },
          },
        },
      },
      tallies: {
        type: 'array',
        description: 'figures reconciled UCDP-style across the reports: low, best (the latest report), high, number of sources, and whether they disagree',
        items: {
          type: 'object',
          required: ['kind', 'low', 'best', 'high', 'sources', 'disagreement', 'claims'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string' },
            low: { type: 'number' },
            best: { type: 'number' },
            high: { type: 'number' },
            sources: { type: 'integer', minimum: 1 },
            disagreement: { type: 'boolean' },
            claims: {
              type: 'array',
              items: {
                type: 'object',
                required: ['value', 'qualifier', 'claimant', 'articleId', 'span'],
                additionalProperties: false,
                properties: { value: { type: 'number' }, qualifier: { type: 'string' }, claimant: { type: ['string', 'null'] }, articleId: { type: 'string' }, span },
              },
            },
          },
        },
      },
      quotes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'articleId', 'text', 'speaker', 'span'],
          additionalProperties: false,
          properties: { id: { type: 'string' }, articleId: { type: 'string' }, text: { type: 'string' }, speaker: { type: ['string', 'null'] }, span },
        },
      },
    },
  },
};

/** The event-detail path, merged into the API's paths by openapi.ts. */
export const EVENT_DETAIL_PATHS = {
  '/api/events/{articleId}/{index}': {
    get: {
      summary: "One event with its story: every report of it across articles, its figures reconciled (low/best/high, sources, disagreement) and the quotes about it",
      parameters: [
        { name: 'articleId', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'index', in: 'path', required: true, schema: { type: 'integer', minimum: 0 }, description: "the event's position in the article's events (document order, as article_id's events in /api/articles/{id})" },
      ],
      responses: {
        200: { description: 'the event and its story', content: { 'application/json': { schema: { $ref: '#/components/schemas/EventDetail' } } } },
        400: { description: 'the index is not a whole number', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        404: { description: 'no such article or event', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  },
};
