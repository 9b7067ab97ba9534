// Event search for the API. A broad query is slow to answer from scratch (a term in 10% of 1M
// events matches 100k rows, each counted for the total and per facet: hundreds of ms to
// seconds on SQLite), and the same queries come again and again (the timeline's default
// view, a reader paging back and forth). So answers are memoised per query, keyed by the
// record version: the change log's head (seq and hash), which every write and every import moves on, so
// a memoised answer is never stale. Checking the version costs one primary-key read.
//
// The memo is bounded in bytes as well as entries: an answer's size depends on the events in
// it, and an outside review filled the old 200-entry memo with 120 answers of megabytes each
// (3.4 GB). A page is also cut at PAGE_BYTES, its `next` cursor then starting after the last
// event it kept, so no single answer is huge either.
import { recordVersionKey } from '../changelog/change-log.ts';
import { encodeCursor } from '../store/event-cursor.ts';
import type { EventPage, EventQuery, FacetField, RecordStore } from '../store/record-store.ts';

export interface EventSearch {
  search(query: EventQuery, facets: FacetField[]): Promise<EventPage>;
}

export interface EventSearchLimits {
  /** Answers kept. */
  entries: number;
  /** Their total size, as JSON text. */
  bytes: number;
  /** The most one page may hold, as JSON text; past it the page ends early, with a cursor. */
  pageBytes: number;
}

export const EVENT_SEARCH_LIMITS: EventSearchLimits = { entries: 200, bytes: 32 << 20, pageBytes: 4 << 20 };

interface Entry {
  version: string;
  page: Promise<{ page: EventPage; bytes: number }>;
  /** Known once the page is ready; until then it counts as nothing. */
  bytes: number;
}

/** Every search answered afresh by the store (`pactwatch serve --no-search-cache`): what benchmarks measure. */
export function uncachedEventSearch(store: RecordStore, limits: EventSearchLimits = EVENT_SEARCH_LIMITS): EventSearch {
  return { search: async (query, facets) => capPage(await store.searchEvents(query, facets), limits.pageBytes).page };
}

export function cachedEventSearch(store: RecordStore, limits: EventSearchLimits = EVENT_SEARCH_LIMITS): EventSearch {
  const cache = new Map<string, Entry>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = cache.get(key);
    if (!entry) return;
    cache.delete(key);
    bytes -= entry.bytes;
  };
  return {
    async search(query, facets) {
      const key = JSON.stringify([query, [...facets].sort()]);
      const version = await recordVersionKey(store.db);
      const hit = cache.get(key);
      // Map order is insertion order: re-inserting keeps the most recently used entries.
      if (hit && hit.version === version) {
        cache.delete(key);
        cache.set(key, hit);
        return hit.page.then((answer) => answer.page);
      }
      drop(key);
      // The promise is cached, so concurrent requests for the same query run it once.
      const page = store.searchEvents(query, facets).then((whole) => capPage(whole, limits.pageBytes));
      const entry: Entry = { version, page, bytes: 0 };
      cache.set(key, entry);
      page.then(
        (answer) => {
          if (cache.get(key) !== entry) return;
          if (answer.bytes > limits.bytes) return drop(key);
          entry.bytes = answer.bytes;
          bytes += entry.bytes;
          // Oldest first, until both bounds hold.
          while (cache.size > limits.entries || bytes > limits.bytes) drop(cache.keys().next().value!);
        },
        () => {
          if (cache.get(key) === entry) drop(key);
        },
      );
      while (cache.size > limits.entries) drop(cache.keys().next().value!);
      return page.then((answer) => answer.page);
    },
  };
}

/** The page cut to at most `maxBytes` of events (at least one), and its size. */
function capPage(page: EventPage, maxBytes: number): { page: EventPage; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < page.items.length; i++) {
    const size = JSON.stringify(page.items[i]).length;
    if (i > 0 && bytes + size > maxBytes) {
      const items = page.items.slice(0, i);
      const last = items[items.length - 1]!;
      return { page: { ...page, items, next: encodeCursor({ date: last.date, id: last.id }) }, bytes };
    }
    bytes += size;
  }
  return { page, bytes: bytes + JSON.stringify(page.facets).length };
}
