import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { redactLocation } from '../postgres/connection.js';
import '../postgres/postgres-store.js';

/** Test support (not a test): the server PostgreSQL tests use, and a fresh schema per test. */
export const TEST_PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://127.0.0.1:5432/test';

export async function withPgClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used, or undefined when it can. */
export async function pgUnreachableReason(): Promise<string | undefined> {
  try {
    await withPgClient((c) => c.query('SELECT 1'));
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0] || String(err);
  }
}

/**
 * Register the PostgreSQL tests when the server answers. Outside CI an unreachable server skips
 * them with a clear message; in CI (which promises a server) it is a failure.
 */
export async function describePostgres(name: string, register: () => void): Promise<void> {
  const reason = await pgUnreachableReason();
  const where = redactLocation(TEST_PG_URL);
  if (reason === undefined) return register();
  if (process.env.CI) {
    test(`${name}: server reachable (required when CI is set)`, () => {
      assert.fail(`PostgreSQL unreachable at ${where}: ${reason}`);
    });
  } else {
    test(name, { skip: `PostgreSQL unreachable at ${where} (${reason}); start it or set SITREP_TEST_PG` }, () => {});
  }
}

let n = 0;
const run = `${process.pid}_${Date.now().toString(36)}`;

/** A schema name of its own for one test, and the URL that selects it. */
export function freshSchema(tag: string): { schema: string; url: string; drop: () => Promise<void> } {
  const schema = `sitrep_test_${tag}_${run}_${n++}`;
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('schema', schema);
  return { schema, url: url.toString(), drop: () => withPgClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => {}) };
}
