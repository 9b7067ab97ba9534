// What differs between SQLite and PostgreSQL, in one place (like Kysely's DialectAdapter):
// full-text search and the DDL that sets it up. Everything else is shared Kysely code.
import type { Expression, Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Database } from '../database.ts';
import type { DialectName } from '../record-store.ts';

export interface FullTextMatch {
  /** A condition on `events` that holds for matching rows. */
  where: Expression<SqlBool>;
  /** Relevance, larger is better, for ordering candidates. */
  rank: RawBuilder<number>;
}

export interface DialectAdapter {
  readonly name: DialectName;
  /** Creates the full-text index over events.title and events.summary, kept in sync on writes. */
  createFullTextIndex(db: Kysely<Database>): Promise<void>;
  /** words: already split and cleaned; `all` ANDs them, `any` ORs them; a word ending in * is a prefix. */
  matchEvents(words: string[], mode: 'all' | 'any'): FullTextMatch;
}

/** Splits a user's query into plain words, keeping a trailing * as a prefix marker. */
export function fullTextWords(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+\*?/gu) ?? []).slice(0, 32);
}
