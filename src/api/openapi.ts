import { itemList } from './schema-list.js';
import { ALERT_API_PATHS, ALERT_API_SCHEMAS } from './alerts-routes.js';
import { EVENT_DETAIL_PATHS, EVENT_DETAIL_SCHEMAS } from './event-detail.js';

/**
 * The OpenAPI 3.1 description of the HTTP API. Tests validate real responses against
 * these schemas, so the document cannot drift from what the server sends.
 */
const error = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
};

const span = { type: 'object', required: ['start', 'end', 'text'], properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, text: { type: 'string' } } };

const articleSummary = {
  type: 'object',
  required: ['id', 'pipelineVersion', 'ingestedAt', 'chars', 'counts'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    outlet: { type: 'string' },
    url: { type: 'string' },
    publishedAt: { type: 'string' },
    origin: { type: 'string' },
    pipelineVersion: { type: 'string' },
    ingestedAt: { type: 'string', format: 'date-time' },
    chars: { type: 'integer' },
    counts: { type: 'object', additionalProperties: { type: 'integer' } },
  },
};

const document = {
  type: 'object',
  required: ['meta', 'pipelineVersion', 'raw', 'clean', 'layers', 'diagnostics'],
  properties: {
    meta: { type: 'object' },
    pipelineVersion: { type: 'string' },
    raw: { type: 'string' },
    clean: { oneOf: [{ type: 'null' }, { type: 'object', required: ['text', 'offsetMap'], properties: { text: { type: 'string' }, offsetMap: { type: 'array' } } }] },
    layers: {
      type: 'object',
      description: 'every annotation layer; each fact carries a span {start, end, text} into the clean text (boilerplate: into the raw text)',
      additionalProperties: { type: 'array' },
    },
    diagnostics: { type: 'array', items: { type: 'object', required: ['code', 'stage', 'severity', 'message'] } },
  },
};

export const API_SCHEMAS = {
  Error: error,
  Span: span,
  ArticleSummary: articleSummary,
  ArticlePage: itemList({ $ref: '#/components/schemas/ArticleSummary' }, { paged: true }),
  StoredArticle: { allOf: [{ $ref: '#/components/schemas/ArticleSummary' }, { type: 'object', required: ['contentHash', 'document'], properties: { contentHash: { type: 'string' }, document } }] },
  SearchResults: itemList({ type: 'object', required: ['id', 'snippet', 'score'], properties: { id: { type: 'string' }, title: { type: 'string' }, snippet: { type: 'string' }, score: { type: 'number' } } }),
  EventPage: itemList({ $ref: '#/components/schemas/Event' }, { paged: true, closed: true }),
  Event: {
    type: 'object',
    description: 'one event as a flat row (absent fields are unknown); clean_* and raw_* are the trigger span in the clean and raw text',
    required: ['article_id', 'event_id', 'plover_type', 'trigger', 'clean_start', 'clean_end', 'raw_start', 'raw_end', 'sentence', 'background', 'quotes'],
    additionalProperties: false,
    properties: {
      article_id: { type: 'string' },
      event_id: { type: 'string' },
      plover_type: { type: 'string' },
      mode: { type: 'string' },
      date: { type: 'string' },
      date_precision: { type: 'string' },
      source: { type: 'string' },
      source_code: { type: 'string' },
      target: { type: 'string' },
      target_code: { type: 'string' },
      place: { type: 'string' },
      latitude: { type: 'number' },
      longitude: { type: 'number' },
      country: { type: 'string' },
      place_precision: { type: 'string' },
      killed: { type: 'integer' },
      injured: { type: 'integer' },
      acled_event_type: { type: 'string' },
      acled_sub_event_type: { type: 'string' },
      trigger: { type: 'string' },
      clean_start: { type: 'integer', minimum: 0 },
      clean_end: { type: 'integer', minimum: 0 },
      raw_start: { type: 'integer', minimum: 0 },
      raw_end: { type: 'integer', minimum: 0 },
      sentence: { type: 'string' },
      outlet: { type: 'string' },
      url: { type: 'string' },
      published_at: { type: 'string' },
      background: { type: 'boolean' },
      quotes: {
        type: 'array',
        items: { type: 'object', required: ['id', 'text', 'speaker'], additionalProperties: false, properties: { id: { type: 'string' }, text: { type: 'string' }, speaker: { type: ['string', 'null'] } } },
      },
    },
  },
  ClusterList: itemList({
    type: 'object',
    required: ['id', 'articles', 'events'],
    properties: {
      id: { type: 'string' },
      articles: { type: 'array', items: { type: 'object', required: ['id'] } },
      events: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'type', 'reports', 'figures'],
          properties: {
            reports: { type: 'array', items: { type: 'object', required: ['articleId', 'eventId', 'trigger'] } },
            figures: { type: 'array', items: { type: 'object', required: ['kind', 'low', 'best', 'high', 'sources', 'disagreement', 'claims'] } },
          },
        },
      },
    },
  }),
  QuotePage: itemList({ $ref: '#/components/schemas/Quote' }, { paged: true, closed: true }),
  Quote: {
    type: 'object',
    description: 'one quote or reported statement; clean_* and raw_* are its span in the clean and raw text; speaker is null when none was found',
    required: ['article_id', 'quote_id', 'text', 'direct', 'speaker', 'clean_start', 'clean_end', 'raw_start', 'raw_end'],
    additionalProperties: false,
    properties: {
      article_id: { type: 'string' },
      quote_id: { type: 'string' },
      text: { type: 'string' },
      direct: { type: 'boolean' },
      speaker: { type: ['string', 'null'] },
      speaker_code: { type: 'string' },
      cue: { type: 'string' },
      clean_start: { type: 'integer', minimum: 0 },
      clean_end: { type: 'integer', minimum: 0 },
      raw_start: { type: 'integer', minimum: 0 },
      raw_end: { type: 'integer', minimum: 0 },
      title: { type: 'string' },
      outlet: { type: 'string' },
      url: { type: 'string' },
      published_at: { type: 'string' },
    },
  },
  EventCounts: {
    type: 'object',
    required: ['by', 'items'],
    additionalProperties: false,
    properties: {
      by: { enum: ['day', 'month', 'type', 'country'] },
      items: {
        type: 'array',
        items: { type: 'object', required: ['key', 'count'], additionalProperties: false, properties: { key: { type: ['string', 'null'] }, count: { type: 'integer', minimum: 1 } } },
      },
    },
  },
  SaveResult: { type: 'object', required: ['id', 'status'], properties: { id: { type: 'string' }, status: { enum: ['stored', 'duplicate', 'updated'] } } },
  ...ALERT_API_SCHEMAS,
  ...EVENT_DETAIL_SCHEMAS,
};

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { description: 'error', content: json('Error') }]));

/** The event filter (src/query/event-filter.ts) as query parameters: /api/events and /api/counts. */
const eventFilterParameters = [
  ...['from', 'to'].map((name) => ({ name, in: 'query', schema: { type: 'string', format: 'date' } })),
  { name: 'type', in: 'query', schema: { type: 'string' }, description: 'PLOVER types, comma-separated' },
  { name: 'acled', in: 'query', schema: { type: 'string' }, description: 'ACLED event or sub-event types, comma-separated' },
  { name: 'actor', in: 'query', schema: { type: 'string' }, description: 'text in an actor name or code, case-insensitive' },
  { name: 'country', in: 'query', schema: { type: 'string' }, description: 'ISO codes, comma-separated' },
  { name: 'bbox', in: 'query', schema: { type: 'string' }, description: 'west,south,east,north' },
  { name: 'q', in: 'query', schema: { type: 'string' }, description: 'text the event sentence contains, case-insensitive' },
  { name: 'background', in: 'query', schema: { type: 'boolean' }, description: 'also past (background) events' },
];

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'sitrep API', version: '1', description: 'Sourced event data from news articles: every fact with the span it came from.' },
    paths: {
      '/api/articles': {
        get: {
          summary: 'List stored articles, newest first',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
          ],
          responses: { 200: { description: 'a page of articles', content: json('ArticlePage') }, ...errors(400) },
        },
        post: {
          summary: 'Analyse and store an article (text/plain, text/html, or JSON {text|html, title, url, outlet, publishedAt, id})',
          security: [{ apiKey: [] }, { bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } }, 'text/plain': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } } },
          responses: { 201: { description: 'stored', content: json('SaveResult') }, 200: { description: 'already stored (duplicate) or updated', content: json('SaveResult') }, ...errors(400, 401, 413, 415) },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article with every layer and span',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'the article', content: json('StoredArticle') }, ...errors(404) },
        },
      },
      '/api/events': {
        get: {
          summary: 'Events across stored articles, newest stored article first (one article in document order); background and restated events are left out unless background=true',
          parameters: [
            ...eventFilterParameters,
            { name: 'cluster', in: 'query', schema: { type: 'string', pattern: '^story-[0-9]+$' }, description: 'only the events of this story (an id from /api/clusters)' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: { 200: { description: 'a page of events', content: json('EventPage') }, ...errors(400, 404) },
        },
      },
      '/api/counts': {
        get: {
          summary: 'How many events the filter selects, by day, month, PLOVER type or place country (unknown: key null, last)',
          parameters: [{ name: 'by', in: 'query', schema: { enum: ['day', 'month', 'type', 'country'], default: 'day' } }, ...eventFilterParameters],
          responses: { 200: { description: 'counts sorted by key', content: json('EventCounts') }, ...errors(400) },
        },
      },
      '/api/quotes': {
        get: {
          summary: 'Quotes and reported statements across stored articles, newest stored article first',
          parameters: [
            { name: 'speaker', in: 'query', schema: { type: 'string' }, description: "text in the speaker's name, words or actor code, case-insensitive (alias: actor)" },
            { name: 'article', in: 'query', schema: { type: 'string' }, description: 'only this article' },
            { name: 'q', in: 'query', schema: { type: 'string' }, description: 'text the quote contains, case-insensitive' },
            { name: 'direct', in: 'query', schema: { type: 'boolean' }, description: 'only direct (true) or reported (false) speech' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: { 200: { description: 'a page of quotes', content: json('QuotePage') }, ...errors(400) },
        },
      },
      '/api/clusters': {
        get: {
          summary: 'Stories across stored articles: merged events with every report and reconciled figures (low/best/high, sources, disagreement)',
          responses: { 200: { description: 'the clusters', content: json('ClusterList') } },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over stored articles',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
          ],
          responses: { 200: { description: 'hits, best first', content: json('SearchResults') }, ...errors(400) },
        },
      },
      ...ALERT_API_PATHS,
      ...EVENT_DETAIL_PATHS,
    },
    components: {
      schemas: API_SCHEMAS,
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
