import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { articleFromHtml, articleFromRecord, isFailure } from '../ingest/index.js';
import type { InputArticle } from '../ingest/index.js';
import { analyzeText } from '../analysis/analyze.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { articleRecord } from '../store/record.js';
import type { Page, SaveStatus, Store } from '../store/store.js';
import { ApiError, errorResponse, intParam } from './errors.js';
import { openApiDocument } from './openapi.js';
import { FilterError, parseEventFilter, resolveClusterFilter, UnknownStoryError, type EventFilter } from '../query/event-filter.js';
import { storyArticlesOf } from '../export/story-articles.js';
import { EVENT_COUNT_KEYS, type EventCountKey } from '../query/event-rows.js';
import { parseQuoteFilter } from '../query/quote-filter.js';
import { sharedStoryIndex } from '../reconcile/story-index.js';
import { eventDetailRoutes } from './event-detail.js';
import { dashboardRoutes } from './static.js';
import { alertsRoutes } from './alerts-routes.js';

export interface ApiOptions {
  store: Store;
  pipeline: Pipeline;
  /** writes need this key (Authorization: Bearer KEY or X-API-Key) when set */
  apiKey?: string;
  /** largest request body accepted, in bytes */
  maxBodyBytes?: number;
  /** called after an article posted to the API is saved (e.g. standing alerts); a failure here never fails the request */
  onStored?: (result: { id: string; status: SaveStatus }) => Promise<void>;
}

function authorised(header: string | undefined, apiKeyHeader: string | undefined, key: string): boolean {
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  return bearer === key || apiKeyHeader === key;
}

/** Read a POST /api/articles body: JSON ({text|html, title, url, outlet, publishedAt, id}), HTML or plain text. */
async function inputArticle(contentType: string, body: string): Promise<InputArticle> {
  if (!body.trim()) throw new ApiError(400, 'empty-body', 'the request body is empty: send text, HTML or a JSON article');
  if (contentType.includes('application/json')) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (err) {
      throw new ApiError(400, 'invalid-json', `the body is not valid JSON: ${(err as Error).message}`);
    }
    const item = articleFromRecord(value, 'request', 'body');
    if (!item.ok) throw new ApiError(400, 'invalid-article', item.failure.message);
    return item.article;
  }
  if (contentType.includes('text/html')) {
    const a = articleFromHtml(body, 'request');
    if (isFailure(a)) throw new ApiError(400, 'invalid-article', a.message);
    return a;
  }
  if (contentType.includes('text/plain') || contentType === '') return { text: body, meta: { origin: 'request' } };
  throw new ApiError(415, 'unsupported-media-type', `send application/json, text/html or text/plain, not ${contentType}`);
}

/** A store page, with a bad cursor (the client's mistake) turned into a 400. */
async function pageOrBadCursor<T>(page: Promise<T>): Promise<T> {
  try {
    return await page;
  } catch (err) {
    if (/invalid cursor/.test((err as Error).message)) throw new ApiError(400, 'invalid-cursor', (err as Error).message);
    throw err;
  }
}

/** Filter parameters parsed, a bad one answered with a 400 that names it. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof FilterError) throw new ApiError(400, 'invalid-filter', err.message);
    throw err;
  }
}

/** A page whose items are stored JSON texts, sent as they are. */
function jsonPage(page: Page<string>): string {
  const next = page.nextCursor ? `,"nextCursor":${JSON.stringify(page.nextCursor)}` : '';
  return `{"items":[${page.items.join(',')}]${next}}`;
}

export function createApi(options: ApiOptions): Hono {
  const { store, pipeline } = options;
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message);
    console.error(`sitrep serve: ${c.req.method} ${c.req.path}: ${err.message}`);
    return errorResponse(c, 500, 'internal', 'internal error');
  });
  app.notFound((c) => errorResponse(c, 404, 'not-found', `no route for ${c.req.method} ${c.req.path}`));

  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/', dashboardRoutes()); // the analyst's dashboard (web/) and its vendored assets

  app.get('/api/articles', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', 50, 1, 500);
    return c.json(await pageOrBadCursor(store.listArticles({ limit, cursor: c.req.query('cursor') })));
  });

  app.get('/api/articles/:id', async (c) => {
    const article = await store.getArticle(c.req.param('id'));
    if (!article) throw new ApiError(404, 'not-found', `no article with id "${c.req.param('id')}"`);
    return c.json(article);
  });

  app.get('/api/search', async (c) => {
    const q = c.req.query('q');
    if (!q || !q.trim()) throw new ApiError(400, 'missing-parameter', '"q" (the words to search for) is required');
    const limit = intParam(c.req.query('limit'), 'limit', 20, 1, 200);
    return c.json({ items: await store.search(q, { limit }) });
  });

  // Events across stored articles, with the filter language shared by exports and reports.
  /** `cluster` resolved to the story's articles: an unknown story is a 404 */
  const storyFilter = async (filter: EventFilter): Promise<EventFilter> => {
    try {
      return filter.cluster === undefined ? filter : await resolveClusterFilter(filter, storyArticlesOf(await sharedStoryIndex(store)));
    } catch (err) {
      if (err instanceof UnknownStoryError) throw new ApiError(404, 'not-found', err.message);
      throw err;
    }
  };
  app.get('/api/events', async (c) => {
    const filter = await storyFilter(parsed(() => parseEventFilter(c.req.query())));
    const limit = intParam(c.req.query('limit'), 'limit', 100, 1, 1000);
    // each event's JSON is stored ready to send (query/event-rows.ts eventItem): no parsing per request
    const page = await pageOrBadCursor(store.queryEventItems(filter, { limit, cursor: c.req.query('cursor') }));
    return c.body(jsonPage(page), 200, { 'content-type': 'application/json' });
  });

  app.get('/api/counts', async (c) => {
    const by = c.req.query('by') ?? 'day';
    if (!(EVENT_COUNT_KEYS as readonly string[]).includes(by)) throw new ApiError(400, 'invalid-parameter', `"by" must be one of ${EVENT_COUNT_KEYS.join(', ')}, not "${by}"`);
    const filter = parsed(() => parseEventFilter(c.req.query()));
    return c.json({ by, items: await store.countEvents(filter, by as EventCountKey) });
  });

  app.get('/api/quotes', async (c) => {
    const filter = parsed(() => parseQuoteFilter(c.req.query()));
    const limit = intParam(c.req.query('limit'), 'limit', 100, 1, 1000);
    const page = await pageOrBadCursor(store.queryQuotes(filter, { limit, cursor: c.req.query('cursor') }));
    return c.body(jsonPage(page), 200, { 'content-type': 'application/json' });
  });

  app.get('/api/clusters', async (c) => {
    // the stored story index: only articles stored since the last request are clustered
    const stories = await sharedStoryIndex(store);
    await stories.catchUp();
    return c.json({ items: await stories.clusters() });
  });
  app.route('/', eventDetailRoutes(store)); // GET /api/events/{articleId}/{index}: one event with its story
  app.route('/', alertsRoutes(store)); // standing alerts and their recorded matches

  app.post(
    '/api/articles',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 5 * 1024 * 1024,
      onError: (c) => errorResponse(c, 413, 'body-too-large', `the request body is over ${options.maxBodyBytes ?? 5 * 1024 * 1024} bytes`),
    }),
    async (c) => {
      if (options.apiKey && !authorised(c.req.header('authorization'), c.req.header('x-api-key'), options.apiKey)) {
        throw new ApiError(401, 'unauthorised', 'writes need the API key: Authorization: Bearer KEY or X-API-Key: KEY');
      }
      const article = await inputArticle(c.req.header('content-type') ?? '', await c.req.text());
      const { json } = analyzeText(pipeline, article.text, article.meta);
      const saved = await store.saveArticle(articleRecord(json));
      await options.onStored?.(saved).catch((err: Error) => console.error(`sitrep serve: after storing ${saved.id}: ${err.message}`));
      return c.json(saved, saved.status === 'stored' ? 201 : 200);
    },
  );

  return app;
}
