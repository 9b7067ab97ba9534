// Event search for the API. Facet counts over every match are what make a broad query slow
// (a term in 10% of 1M events matches 100k rows, each counted per facet), and a reader paging
// through results asks for the same counts again on every page. So facet counts are memoised
// per query, keyed by the record version (the change log's head seq, which every write and
// every import moves on): a memoised count is never stale, and the page itself and its
// total are always read fresh.
import { recordVersion } from '../changelog/change-log.ts';
import type { EventPage, EventQuery, FacetField, Facets, RecordStore } from '../store/record-store.ts';

export interface EventSearch {
  search(query: EventQuery, facets: FacetField[]): Promise<EventPage>;
}

const MAX_ENTRIES = 1000;

export function cachedEventSearch(store: RecordStore): EventSearch {
  const cache = new Map<string, { version: number; facets: Facets }>();
  return {
    async search(query, facets) {
      if (facets.length === 0) return store.searchEvents(query);
      const { cursor: _cursor, limit: _limit, ...filters } = query;
      const key = JSON.stringify([filters, [...facets].sort()]);
      const version = await recordVersion(store.db);
      const hit = cache.get(key);
      if (hit && hit.version === version) {
        // Map order is insertion order: re-inserting makes this entry the most recently used.
        cache.delete(key);
        cache.set(key, hit);
        return { ...(await store.searchEvents(query)), facets: hit.facets };
      }
      const page = await store.searchEvents(query, facets);
      cache.set(key, { version, facets: page.facets });
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      return page;
    },
  };
}
