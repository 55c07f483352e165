import type { EventFilter } from '../query/event-filter.js';
import type { EventRow } from '../query/event-rows.js';
import type { Store } from '../store/store.js';

export { eventRowsOf, type EventRow } from '../query/event-rows.js';

/** Every stored event matching the filter, page by page from the store's events table. */
export async function* storedEventRows(store: Store, filter: EventFilter): AsyncGenerator<EventRow> {
  let cursor: string | undefined;
  do {
    const page = await store.queryEvents(filter, { limit: 1000, cursor });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
