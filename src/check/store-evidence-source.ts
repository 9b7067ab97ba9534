// The record in a RecordStore (SQLite or PostgreSQL). Candidate events come from the store's
// ranked full-text search; the small kinds are listed whole.
import { auditDb } from '../changelog/change-tables.ts';
import type { EventPage, EventQuery, FacetField, RecordStore } from '../store/record-store.ts';
import type { EvidenceSource } from './evidence-source.ts';
import { namesOf } from './memory-evidence-source.ts';

/** How many events the name and acronym tables are learned from. */
const LEXICON_SAMPLE = 2000;

/**
 * `searchEvents` reads the sample of events names are learnt from; a server passes its own
 * event search (search-thread.ts), which has the event index.
 */
export function storeEvidenceSource(
  store: RecordStore,
  searchEvents: (query: EventQuery, facets: FacetField[]) => Promise<EventPage> = (query, facets) => store.searchEvents(query, facets),
): EvidenceSource {
  return {
    parties: () => store.list('parties'),
    agreements: () => store.list('agreements'),
    commitments: () => store.list('commitments'),
    deliveries: () => store.list('deliveries'),
    async candidateEvents(words, limit) {
      return store.rankEvents(words, limit);
    },
    async lexiconSeed() {
      const page = await searchEvents({ limit: LEXICON_SAMPLE }, ['actor']);
      const agreements = await store.list('agreements');
      return {
        actors: [...(page.facets.actor ?? []).map((f) => f.value), ...page.items.flatMap((e) => e.actors)],
        texts: [...page.items.flatMap((e) => [e.title, e.summary]), ...agreements.map((a) => a.title)],
        events: page.items.map((e) => ({ id: e.id, names: namesOf(e), actors: e.actors })),
      };
    },
    // The context built from this source holds the small kinds whole and learns names from a
    // sample of events; candidate events are always read fresh. So it is out of date when an
    // import or a write to a small kind happens, not when an event is written. Counting rows
    // (the earlier version) rebuilt it on every event write, stalling every request behind the
    // rebuild under load (the soak test), and missed edits that change no count.
    async version() {
      const last = await auditDb(store.db)
        .selectFrom('changes')
        .select('seq')
        .where((eb) => eb.or([eb('kind', 'is', null), eb('kind', '<>', 'events')]))
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return String(last?.seq ?? 0);
    },
  };
}
