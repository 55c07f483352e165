import { splitSchemaParam } from '../store/postgres/connection.js';
import { isPostgresLocation } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { AlertStore } from './alert-store.js';
import { PostgresAlertStore } from './postgres-alerts.js';
import { SqliteAlertStore } from './sqlite-alerts.js';

/** The alert tables beside the store at `location` (same SQLite file, or same PostgreSQL database and schema). */
export async function openAlertStore(location: string): Promise<AlertStore> {
  const alerts: AlertStore = isPostgresLocation(location)
    ? new PostgresAlertStore(splitSchemaParam(location).connectionString, { schema: splitSchemaParam(location).schema })
    : new SqliteAlertStore(location);
  try {
    await alerts.migrate();
  } catch (error) {
    await alerts.close().catch(() => {});
    throw error;
  }
  return alerts;
}

/** Where an open store lives, for opening the alert tables beside it (the API only has the store). */
export function storeLocation(store: Store): string | undefined {
  const s = store as Partial<{ path: string; connectionString: string; schema: string }>;
  if (store.kind === 'sqlite') return s.path && s.path !== ':memory:' ? s.path : undefined;
  if (!s.connectionString) return undefined;
  if (!s.schema) return s.connectionString;
  const url = new URL(s.connectionString);
  url.searchParams.set('schema', s.schema);
  return url.toString();
}
