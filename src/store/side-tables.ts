import Database from 'better-sqlite3';
import pg from 'pg';
import { checkSchemaName } from './postgres/connection.js';
import { lockKey } from './postgres/postgres-store.js';

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

/**
 * Create side tables (and their schema) in one transaction under an advisory lock named for
 * them: processes starting together (workers, watch, serve) would otherwise race on CREATE ...
 * IF NOT EXISTS, which is not safe against itself in PostgreSQL.
 */
export async function createSidePostgresTables(pool: pg.Pool, prefix: string, name: string, ddl: string): Promise<void> {
  const schema = prefix ? prefix.slice(0, -1) : undefined;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(`${prefix}:${name}-migrate`).toString()]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(ddl);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
