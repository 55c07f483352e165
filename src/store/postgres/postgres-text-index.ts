import type pg from 'pg';

/**
 * Trigram indexes for the events' substring filters (q: the sentence; actor: the four name
 * and code columns). A substring test (strpos) can use no index, so a rare word walked all
 * 100k events (60 ms); LIKE '%word%' can use a pg_trgm GIN index. The query keeps its exact
 * strpos test and adds the LIKE as a hint it implies (whatever contains the word contains
 * it in the joined text), so the answer is the same with or without the index.
 */
export function textIndexExpression(columns: string[]): string {
  if (columns.length === 1) return columns[0]!;
  // the same text, character for character, as the index below: the planner matches expressions
  return `(${columns.map((c) => `coalesce(${c}, '')`).join(` || ' ' || `)})`;
}

const INDEXED = [['sentence'], ['source_name', 'source_code', 'target_name', 'target_code']];

/**
 * Create the indexes when pg_trgm is installed or can be: it goes into schema public (one
 * copy per database, never inside a schema that a test or benchmark may drop). Without the
 * extension (no right to create it, or not shipped) the events are filtered as before.
 */
export async function createTextIndexes(c: pg.PoolClient): Promise<void> {
  const schemaOf = async () => (await c.query<{ schema: string }>("SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'pg_trgm'")).rows[0]?.schema;
  let schema = await schemaOf();
  if (schema === undefined) {
    await c.query('SAVEPOINT trigram');
    try {
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
      await c.query('RELEASE SAVEPOINT trigram');
    } catch {
      // no right to, or not shipped; or another migration created it at the same moment
      await c.query('ROLLBACK TO SAVEPOINT trigram');
    }
    schema = await schemaOf();
    if (schema === undefined) return;
  }
  // regnamespace::text is already quoted where it has to be
  for (const [i, columns] of INDEXED.entries()) {
    await c.query(`CREATE INDEX IF NOT EXISTS events_text_${i} ON events USING gin (${textIndexExpression(columns)} ${schema}.gin_trgm_ops)`);
  }
}
