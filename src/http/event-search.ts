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
//
// An answer is made into JSON text here, once, with each source's tier: each event is
// stringified to measure the page anyway, so the page's text is those strings joined. (It
// was stringified to measure, copied to add tiers and stringified again by Fastify: a fifth
// of a search's time on 1M events.)
import { recordVersionKey } from '../changelog/change-log.ts';
import { sourceTier, type SourceTierTable } from '../domain/source-tiers.ts';
import type { EventRecord } from '../domain/schemas.ts';
import { encodeCursor } from '../store/event-cursor.ts';
import type { EventPage, EventQuery, FacetField, RecordStore } from '../store/record-store.ts';

export interface EventSearch {
  /** The page as UTF-8 JSON (an EventPage, each source with its tier). */
  search(query: EventQuery, facets: FacetField[]): Promise<Buffer>;
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
  page: Promise<Buffer>;
  /** Known once the page is ready; until then it counts as nothing. */
  bytes: number;
}

/** Every search answered afresh by the store (`pactwatch serve --no-search-cache`): what benchmarks measure. */
export function uncachedEventSearch(
  store: RecordStore,
  tiers: SourceTierTable,
  limits: EventSearchLimits = EVENT_SEARCH_LIMITS,
): EventSearch {
  return { search: async (query, facets) => utf8(pageJson(await store.searchEvents(query, facets), tiers, limits.pageBytes)) };
}

/** The answers of `uncached` memoised by the version of `store`'s record. */
export function cachedEventSearch(store: RecordStore, uncached: EventSearch, limits: EventSearchLimits = EVENT_SEARCH_LIMITS): EventSearch {
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
        return hit.page;
      }
      drop(key);
      // The promise is cached, so concurrent requests for the same query run it once.
      const page = uncached.search(query, facets);
      const entry: Entry = { version, page, bytes: 0 };
      cache.set(key, entry);
      page.then(
        (answer) => {
          if (cache.get(key) !== entry) return;
          if (answer.length > limits.bytes) return drop(key);
          entry.bytes = answer.length;
          bytes += entry.bytes;
          // Oldest first, until both bounds hold.
          while (cache.size > limits.entries || bytes > limits.bytes) drop(cache.keys().next().value!);
        },
        () => {
          if (cache.get(key) === entry) drop(key);
        },
      );
      while (cache.size > limits.entries) drop(cache.keys().next().value!);
      return page;
    },
  };
}

/**
 * The page as JSON text, as JSON.stringify would write it after withSourceTiers, cut to at most
 * `maxBytes` of events (at least one): the events after the cut are left to the next page.
 */
export function pageJson(page: EventPage, tiers: SourceTierTable, maxBytes: number): string {
  const items: string[] = [];
  let bytes = 0;
  let next = page.next;
  for (const event of page.items) {
    const text = JSON.stringify(withTiers(event, tiers));
    if (items.length > 0 && bytes + text.length > maxBytes) {
      const last = page.items[items.length - 1]!;
      next = encodeCursor({ date: last.date, id: last.id });
      break;
    }
    items.push(text);
    bytes += text.length;
  }
  return `{"items":[${items.join(',')}],"total":${page.total},"facets":${JSON.stringify(page.facets)},"next":${JSON.stringify(next)}}`;
}

/**
 * The text as UTF-8 in memory of its own, never a slice of Node's shared pool of small buffers:
 * the search thread hands it to the main thread, which cannot share that pool.
 */
const utf8 = (text: string): Buffer => {
  const bytes = new TextEncoder().encode(text);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/** withSourceTiers for one event, whose sources are all at the top. */
const withTiers = (event: EventRecord, tiers: SourceTierTable): EventRecord => ({
  ...event,
  sources: event.sources.map((source) => ({ ...source, tier: sourceTier(source.url, source.tier, tiers) })),
});
