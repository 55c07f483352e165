import { SqliteStore } from './sqlite/sqlite-store.js';
import { StoreError, type Store } from './store.js';

/** The database named by --db, else SITREP_DB, else ./sitrep.db (SQLite). */
export function resolveDatabase(option?: string): string {
  return option ?? process.env.SITREP_DB ?? 'sitrep.db';
}

export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new StoreError(`PostgreSQL (${location.replace(/\/\/[^@]*@/, '//…@')}) is not supported by this build yet; use a SQLite path`);
  }
  const store = new SqliteStore(location);
  await store.migrate();
  return store;
}
