import { splitSchemaParam } from '../store/postgres/connection.js';
import { isPostgresLocation } from '../store/open-store.js';
import { PostgresFeedState } from './postgres-state.js';
import { SqliteFeedState } from './sqlite-state.js';
import type { FeedState } from './state.js';

/** Watch state beside the store at `location` (same SQLite file, or same PostgreSQL database and schema). */
export async function openFeedState(location: string): Promise<FeedState> {
  const state: FeedState = isPostgresLocation(location)
    ? new PostgresFeedState(splitSchemaParam(location).connectionString, { schema: splitSchemaParam(location).schema })
    : new SqliteFeedState(location);
  try {
    await state.migrate();
  } catch (error) {
    await state.close().catch(() => {});
    throw error;
  }
  return state;
}
