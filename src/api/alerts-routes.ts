import { Hono } from 'hono';
import type { AlertStore } from '../alerts/alert-store.js';
import { openAlertStore, storeLocation } from '../alerts/open-alerts.js';
import type { Store } from '../store/store.js';
import { intParam } from './errors.js';
import { itemList } from './schema-list.js';

/**
 * GET /api/alerts and GET /api/alerts/matches: the saved alerts and what they matched. The
 * alert tables sit beside the store; they are opened per request (these are rare, small
 * reads) so the API holds no extra connection and needs nothing new from its caller.
 */
export function alertsRoutes(store: Store): Hono {
  const app = new Hono();
  const withAlerts = async <T>(fn: (alerts: AlertStore) => Promise<T>, empty: T): Promise<T> => {
    const location = storeLocation(store);
    if (!location) return empty; // an in-memory store has no tables another connection could see
    const alerts = await openAlertStore(location);
    try {
      return await fn(alerts);
    } finally {
      await alerts.close();
    }
  };

  app.get('/api/alerts', async (c) => c.json({ items: await withAlerts((a) => a.listAlerts(), []) }));

  app.get('/api/alerts/matches', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', 50, 1, 1000);
    const alert = c.req.query('alert') || undefined;
    return c.json({ items: await withAlerts((a) => a.listMatches({ alert, limit }), []) });
  });
  return app;
}

const figure = { type: 'object', required: ['kind', 'low', 'best', 'high', 'sources'], properties: { kind: { type: 'string' }, low: { type: 'integer' }, best: { type: 'integer' }, high: { type: 'integer' }, sources: { type: 'integer' } } };

/** The alert schemas, merged into the API's components by openapi.ts. */
export const ALERT_API_SCHEMAS = {
  AlertList: itemList({
    type: 'object',
    required: ['name', 'filter', 'thresholds', 'deliver', 'createdAt'],
    properties: {
      name: { type: 'string' },
      filter: { type: 'object', description: 'the shared event filter parameters (as /api/events takes them)', additionalProperties: { type: 'string' } },
      thresholds: { type: 'object', description: 'minimum reconciled best figure per kind (killed, injured…)', additionalProperties: { type: 'integer', minimum: 1 } },
      deliver: { type: 'string', description: 'stdout, jsonl:PATH or webhook:URL' },
      createdAt: { type: 'string', format: 'date-time' },
    },
  }),
  AlertMatchList: itemList({
    type: 'object',
    required: ['alert', 'eventKey', 'articleId', 'matchedAt', 'event'],
    properties: {
      alert: { type: 'string' },
      eventKey: { type: 'string', description: 'the merged event: its earliest report\'s article id / event id' },
      articleId: { type: 'string', description: 'the report whose arrival made the event match' },
      matchedAt: { type: 'string', format: 'date-time' },
      event: {
        type: 'object',
        required: ['key', 'type', 'figures', 'reports'],
        properties: {
          key: { type: 'string' },
          type: { type: 'string' },
          place: { type: 'string' },
          date: { type: 'string' },
          figures: { type: 'array', items: figure },
          reports: { type: 'array', items: { type: 'object', required: ['articleId', 'eventId', 'trigger'] } },
        },
      },
    },
  }),
};

const ok = (description: string, schema: string) => ({ 200: { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } } });

/** The alert paths, merged into the OpenAPI document by openapi.ts. */
export const ALERT_API_PATHS = {
  '/api/alerts': {
    get: { summary: 'Saved alerts (standing queries: the shared event filter plus minimum figures)', responses: ok('the alerts', 'AlertList') },
  },
  '/api/alerts/matches': {
    get: {
      summary: 'Recorded alert matches, newest first; one per alert and merged event',
      parameters: [
        { name: 'alert', in: 'query', schema: { type: 'string' }, description: 'only this alert\'s matches' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
      ],
      responses: { ...ok('the matches', 'AlertMatchList'), 400: { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    },
  },
};
