import { describeConnectError, splitSchemaParam } from './postgres/connection.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { StoreError, type Store } from './store.js';

/** The database named by --db, else SITREP_DB, else ./sitrep.db (SQLite). */
export function resolveDatabase(option?: string): string {
  return option ?? process.env.SITREP_DB ?? 'sitrep.db';
}

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Open and migrate the store at `location`: a postgres:// or postgresql:// URL (optionally
 * `?schema=name` to keep the tables in their own schema) opens PostgreSQL, anything else is a
 * SQLite file path.
 */
export async function openStore(location: string): Promise<Store> {
  if (isPostgresLocation(location)) {
    const { connectionString, schema } = splitSchemaParam(location);
    const store = new PostgresStore(connectionString, schema ? { schema } : {});
    try {
      await store.migrate();
    } catch (err) {
      await store.close().catch(() => {});
      throw err instanceof StoreError ? err : describeConnectError(location, err);
    }
    return store;
  }
  const store = new SqliteStore(location);
  await store.migrate();
  return store;
}
