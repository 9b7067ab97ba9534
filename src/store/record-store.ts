// The one storage interface. Both backends (SQLite, PostgreSQL) implement it and pass the
// same tests; callers never branch on the dialect.
import type { Kysely } from 'kysely';
import type { Area, EventType, RecordKind } from '../domain/vocabulary.ts';
import type { RecordSet, RecordTypes, EventRecord } from '../domain/schemas.ts';
import type { KindOutcome } from '../changelog/change-log.ts';
import type { Database } from './database.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface EventQuery {
  /** Full-text search over title, summary and aliases; words are ANDed, a trailing * is a prefix. */
  q?: string;
  from?: string;
  to?: string;
  areas?: Area[];
  types?: EventType[];
  /** Party ids or actor names. */
  actors?: string[];
  limit?: number;
  cursor?: string;
}

export const FACET_FIELDS = ['type', 'area', 'actor', 'year'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
export type Facets = Partial<Record<FacetField, { value: string; count: number }[]>>;

export interface EventIndexTuning {
  /** A full-text query with at most this many matches is answered from those alone. */
  fewMatches?: number;
  /** A word with more matches than this has its postings kept in the index. */
  commonWordMatches?: number;
}

export interface EventPage {
  items: EventRecord[];
  total: number;
  facets: Facets;
  next: string | null;
}

/** A batch of records of one kind; imports stream these so nothing large is held at once. */
export interface RecordBatch<K extends RecordKind = RecordKind> {
  kind: K;
  records: RecordTypes[K][];
  /** The records as one JSON array, when the reader has that text already: it is not made again. */
  json?: string;
  /**
   * Each record's own JSON text (what JSON.stringify gives), when the reader made them: `json` is
   * these joined, and the change log stores them as they are instead of making them again.
   */
  texts?: string[];
  /** The records' ids, in order, sent with `texts`: a writer that needs no objects never parses `json`. */
  ids?: string[];
}

export interface ImportSummary {
  counts: Record<RecordKind, number>;
  /** Per kind: records created, changed and left as they were. */
  outcome: Record<RecordKind, KindOutcome>;
}

export interface ImportOptions {
  /** Do everything, checks included, then roll back: the summary says what would happen. */
  dryRun?: boolean;
}

export interface ListFilter {
  ids?: string[];
  /** For commitments: obligor or beneficiary; for deliveries: commitment id. */
  party?: string;
  area?: Area;
  agreement_id?: string;
  commitment_id?: string;
}

export interface RecordStore {
  readonly dialect: DialectName;
  readonly db: Kysely<Database>;
  /** Runs pending migrations and returns the names of those it ran. Called by openStore. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  /** True when no record of any kind is stored. */
  isEmpty(): Promise<boolean>;
  /**
   * Writes every batch in one transaction, upserting by id: all or nothing. References
   * (commitment -> agreement, etc.) are checked at the end, inside the transaction.
   */
  importBatches(
    batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
    onProgress?: (rows: number) => void,
    options?: ImportOptions,
  ): Promise<ImportSummary>;
  importRecords(records: Partial<RecordSet>): Promise<ImportSummary>;
  get<K extends RecordKind>(kind: K, id: string): Promise<RecordTypes[K] | undefined>;
  list<K extends RecordKind>(kind: K, filter?: ListFilter): Promise<RecordTypes[K][]>;
  /** Streams every record of a kind in id order, in pages, for exports. */
  iterate<K extends RecordKind>(kind: K, pageSize?: number): AsyncIterable<RecordTypes[K]>;
  count(kind: RecordKind): Promise<number>;
  searchEvents(query: EventQuery, facets?: FacetField[]): Promise<EventPage>;
  /**
   * For a long-lived process (the server): keep an in-memory index of the events' dates, types,
   * areas, actors and common words once the record holds `minEvents`, so that filters and facet
   * counts over a large record take milliseconds. After a few writes a search first brings it
   * up to date from the change log; after an import it is rebuilt in the background, and
   * searches run in SQL until it is ready. Answers are the same either way.
   * Resolves when the first index is built (at once for a record below `minEvents`).
   */
  enableEventIndex(minEvents?: number, tuning?: EventIndexTuning): Promise<void>;
  /** True when searches are answered from an index of the record's current version. */
  eventIndexReady(): Promise<boolean>;
  /**
   * Events matching any of the words, most relevant first (the checker's candidates). In a large
   * record, words that match a large share of it are ignored: they rank nothing.
   */
  rankEvents(words: string[], limit: number): Promise<EventRecord[]>;
}
