// Event search for the API. A broad query is slow to answer from scratch (a term in 10% of 1M
// events matches 100k rows, each counted for the total and per facet: hundreds of ms to
// seconds on SQLite), and the same queries come again and again (the timeline's default
// view, a reader paging back and forth). So answers are memoised per query, keyed by the
// record version: the change log's head (seq and hash), which every write and every import moves on, so
// a memoised answer is never stale. Checking the version costs one primary-key read.
import { recordVersionKey } from '../changelog/change-log.ts';
import type { EventPage, EventQuery, FacetField, RecordStore } from '../store/record-store.ts';

export interface EventSearch {
  search(query: EventQuery, facets: FacetField[]): Promise<EventPage>;
}

/** Pages are ~50 events (~50 kB), so this bounds the memory at some 10 MB. */
const MAX_ENTRIES = 200;

export function cachedEventSearch(store: RecordStore): EventSearch {
  const cache = new Map<string, { version: string; page: Promise<EventPage> }>();
  return {
    async search(query, facets) {
      const key = JSON.stringify([query, [...facets].sort()]);
      const version = await recordVersionKey(store.db);
      const hit = cache.get(key);
      // Map order is insertion order: re-inserting keeps the most recently used entries.
      cache.delete(key);
      if (hit && hit.version === version) {
        cache.set(key, hit);
        return hit.page;
      }
      // The promise is cached, so concurrent requests for the same query run it once.
      const page = store.searchEvents(query, facets);
      cache.set(key, { version, page });
      page.catch(() => cache.delete(key));
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      return page;
    },
  };
}
