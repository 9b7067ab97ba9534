// The record in a RecordStore (SQLite or PostgreSQL). Candidate events come from the store's
// ranked OR full-text search; the small kinds are listed whole.
import type { RecordStore } from '../store/record-store.ts';
import type { EvidenceSource } from './evidence-source.ts';

/** How many events the name and acronym tables are learned from. */
const LEXICON_SAMPLE = 2000;

export function storeEvidenceSource(store: RecordStore): EvidenceSource {
  return {
    parties: () => store.list('parties'),
    agreements: () => store.list('agreements'),
    commitments: () => store.list('commitments'),
    deliveries: () => store.list('deliveries'),
    async candidateEvents(words, limit) {
      if (words.length === 0) return [];
      return (await store.searchEvents({ anyOf: words, limit })).items;
    },
    async lexiconSeed() {
      const page = await store.searchEvents({ limit: LEXICON_SAMPLE }, ['actor']);
      const agreements = await store.list('agreements');
      return {
        actors: [...(page.facets.actor ?? []).map((f) => f.value), ...page.items.flatMap((e) => e.actors)],
        texts: [...page.items.flatMap((e) => [e.title, e.summary]), ...agreements.map((a) => a.title)],
      };
    },
    async version() {
      const counts = await Promise.all(
        (['events', 'parties', 'agreements', 'commitments', 'deliveries'] as const).map((k) => store.count(k)),
      );
      return counts.join(':');
    },
  };
}
