import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { articleFromHtml, articleFromRecord, isFailure } from '../ingest/index.js';
import type { InputArticle } from '../ingest/index.js';
import { analyzeText } from '../analysis/analyze.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { articleRecord } from '../store/record.js';
import type { Store } from '../store/store.js';
import { ApiError, errorResponse, intParam } from './errors.js';
import { openApiDocument } from './openapi.js';
import { StoredEventCache, storedEventRows } from '../export/event-rows.js';
import { flatRow } from '../export/formats.js';
import { FilterError, parseEventFilter } from '../query/event-filter.js';
import { decodeCursor, encodeCursor } from '../store/record.js';
import { clusterStoredArticles } from '../reconcile/stored-clusters.js';
import { dashboardRoutes } from './static.js';

export interface ApiOptions {
  store: Store;
  pipeline: Pipeline;
  /** writes need this key (Authorization: Bearer KEY or X-API-Key) when set */
  apiKey?: string;
  /** largest request body accepted, in bytes */
  maxBodyBytes?: number;
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

export function createApi(options: ApiOptions): Hono {
  const { store, pipeline } = options;
  const app = new Hono();
  const eventCache = new StoredEventCache();

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
    try {
      return c.json(await store.listArticles({ limit, cursor: c.req.query('cursor') }));
    } catch (err) {
      if (/invalid cursor/.test((err as Error).message)) throw new ApiError(400, 'invalid-cursor', (err as Error).message);
      throw err;
    }
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
  app.get('/api/events', async (c) => {
    let filter;
    try {
      filter = parseEventFilter(c.req.query());
    } catch (err) {
      if (err instanceof FilterError) throw new ApiError(400, 'invalid-filter', err.message);
      throw err;
    }
    const limit = intParam(c.req.query('limit'), 'limit', 100, 1, 1000);
    let offset = 0;
    const cursor = c.req.query('cursor');
    if (cursor) {
      try {
        offset = Number(decodeCursor(cursor)[0]);
      } catch (err) {
        throw new ApiError(400, 'invalid-cursor', (err as Error).message);
      }
      if (!Number.isInteger(offset) || offset < 0) throw new ApiError(400, 'invalid-cursor', `invalid cursor "${cursor}"`);
    }
    const items: Record<string, unknown>[] = [];
    let seen = 0;
    let more = false;
    for await (const row of storedEventRows(store, filter, eventCache)) {
      if (seen++ < offset) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push({ ...flatRow(row), background: row.event.background, quotes: row.quotes.map((q) => ({ id: q.id, text: q.span.text, speaker: q.speaker?.name ?? q.speaker?.span.text ?? null })) });
    }
    return c.json(more ? { items, nextCursor: encodeCursor([offset + limit]) } : { items });
  });

  app.get('/api/clusters', async (c) => c.json({ items: await clusterStoredArticles(store) }));

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
      return c.json(saved, saved.status === 'stored' ? 201 : 200);
    },
  );

  return app;
}
