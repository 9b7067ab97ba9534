// What differs between SQLite and PostgreSQL, in one place (like Kysely's DialectAdapter):
// full-text search and the DDL that sets it up. Everything else is shared Kysely code.
import type { Expression, Kysely, SqlBool, Transaction } from 'kysely';
import type { Database, EventsTable } from '../database.ts';
import type { DialectName, RecordBatch } from '../record-store.ts';

export interface FullTextMatch {
  /** A condition on `events` that holds for matching rows. */
  where: Expression<SqlBool>;
}

export interface DialectAdapter {
  readonly name: DialectName;
  /** Creates the full-text index over events.title and events.summary, kept in sync on writes. */
  createFullTextIndex(db: Kysely<Database>): Promise<void>;
  /** Rebuilds that index over events.aliases and aliases_uk too (migration 004, once the columns exist). */
  indexEventAliases(db: Kysely<Database>): Promise<void>;
  /** words: already split and cleaned; `all` ANDs them, `any` ORs them; a word ending in * is a prefix. */
  matchEvents(words: string[], mode: 'all' | 'any'): FullTextMatch;
  /** Ids of the events matching any of the words, most relevant first, using the index's own ranking. */
  rankedEventIds(db: Kysely<Database>, words: string[], limit: number): Promise<string[]>;
  /**
   * Rowids of the events matching all the words, straight from the full-text index (SQLite,
   * whose events have rowids); the event index maps them to events without reading the table.
   * With `after`, in rowid order from past that rowid (a long list read a chunk at a time).
   */
  matchedRowids?(db: Kysely<Database>, words: string[], limit?: number, after?: number): Promise<number[]>;
  /**
   * For each word, the ids among `ids` (a few events just written) that it matches, the
   * quickest way the dialect has; without it, the store asks through Kysely, a statement a word.
   */
  matchesAmong?(db: Kysely<Database>, words: string[], ids: string[]): Promise<Map<string, string[]>>;
  /**
   * Up to `limit` rows of events matching all the words, in no order, the quickest way the
   * dialect has; without it, the store asks through Kysely.
   */
  matchedEventRows?(db: Kysely<Database>, words: string[], limit: number): Promise<EventsTable[]>;
  /** Connection settings for searching a record large enough for the event index, for a dialect that has such. */
  tuneForSearch?(db: Kysely<Database>): Promise<void>;
  /** The rows of these events (SQLite rowids), in no order, the quickest way the dialect has. */
  eventRowsByRowid?(db: Kysely<Database>, rowids: number[]): Promise<EventsTable[]>;
  /**
   * Every term of the full-text index, as stored (stemmed), with the number of events that hold
   * it; from it the event index learns the common words and prefixes (word-postings-plan.ts).
   */
  indexTerms?(db: Kysely<Database>): Promise<Map<string, number>>;
  /** For each of the words that the index's tokenizer turns into exactly one term, that term. */
  queryTerms?(db: Kysely<Database>, words: string[]): Promise<Map<string, string>>;
  /**
   * A faster way to upsert events inside an import's transaction, for a dialect that has one;
   * without it, imports use the shared Kysely statements.
   */
  openEventBulkWriter?(trx: Transaction<Database>): Promise<EventBulkWriter>;
  /**
   * Runs an import's transaction (`run`) in whatever connection settings load fastest, for a
   * dialect that has such settings; they are restored before it resolves.
   */
  aroundImport?<T>(run: () => Promise<T>): Promise<T>;
}

/** Upserts events (rows and their area and actor links) with the same effect as the Kysely path. */
export interface EventBulkWriter {
  write(batch: RecordBatch<'events'>): Promise<void>;
  /** After the last write, before references are checked and the transaction commits. */
  finish(): Promise<void>;
}

/** Splits a user's query into plain words, keeping a trailing * as a prefix marker. */
export function fullTextWords(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+\*?/gu) ?? []).slice(0, 32);
}
