import Database from 'better-sqlite3';
import pg from 'pg';
import { checkSchemaName } from './postgres/connection.js';

/*
 * Feeds' watch state, alerts and the story index keep their own tables beside the articles,
 * through connections of their own, so the store's migrations know nothing of them. These
 * open those connections the same way everywhere.
 */

/** A connection to the store's SQLite file that waits for other writers instead of failing. */
export function openSideSqlite(path: string, busyTimeoutMs = 5000): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  return db;
}

/** A small pool on the store's PostgreSQL database, and the quoted schema prefix for table names ('' without a schema). */
export function openSidePostgres(connectionString: string, schema?: string, options: { allowExitOnIdle?: boolean } = {}): { pool: pg.Pool; prefix: string } {
  const prefix = schema ? `"${checkSchemaName(schema)}".` : '';
  const pool = new pg.Pool({ connectionString, max: 2, connectionTimeoutMillis: 10_000, ...(options.allowExitOnIdle ? { allowExitOnIdle: true } : {}) });
  // a dropped idle connection is replaced on next use; without a listener it would crash the process
  pool.on('error', () => {});
  return { pool, prefix };
}
