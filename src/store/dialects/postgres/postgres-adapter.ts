import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type PostgresPool } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../database.ts';
import type { DialectAdapter } from '../dialect-adapter.ts';
import { openPostgresBulkWriter } from './postgres-bulk-writer.ts';

// A stored generated tsvector with a GIN index. The 'english' configuration stems words as
// SQLite's porter tokenizer does, so "joins" finds "joined" on both backends.
export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  async createFullTextIndex(db: Kysely<Database>) {
    await sql`ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || summary)) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX events_search_idx ON events USING gin (search)`.execute(db);
  },
  async indexEventAliases(db: Kysely<Database>) {
    await sql`ALTER TABLE events DROP COLUMN search`.execute(db);
    await sql`ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || summary || ' ' || aliases || ' ' || aliases_uk)) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX events_search_idx ON events USING gin (search)`.execute(db);
  },
  matchEvents(words, mode) {
    return { where: sql<boolean>`events.search @@ ${tsQuery(words, mode)}` };
  },
  async indexTerms(db) {
    // ts_stat reads every event's tsvector (seconds for 1M events), in the server: nothing here waits on it.
    const { rows } = await sql<{ word: string; ndoc: number }>`SELECT word, ndoc FROM ts_stat('SELECT search FROM events')`.execute(db);
    return new Map(rows.map((r) => [r.word, Number(r.ndoc)]));
  },
  async queryTerms(db, words) {
    const { rows } = await sql<{ word: string; terms: string[] }>`
      SELECT w AS word, tsvector_to_array(to_tsvector('english', w)) AS terms FROM unnest(${words}::text[]) AS w`.execute(db);
    return new Map(rows.filter((r) => r.terms.length === 1).map((r) => [r.word, r.terms[0]!]));
  },
  async rankedEventIds(db, words, limit) {
    const query = tsQuery(words, 'any');
    const rows = await sql<{ id: string }>`
      SELECT id FROM events WHERE search @@ ${query} ORDER BY ts_rank(search, ${query}) DESC, id LIMIT ${limit}`.execute(db);
    return rows.rows.map((r) => r.id);
  },
};

/**
 * The adapter with the COPY import path (postgres-bulk-writer.ts), and the pool its Kysely
 * dialect must draw from. COPY needs the pg client itself, which Kysely keeps to itself: the
 * pool notes which client it hands out while an import is starting its transaction.
 */
export function copyingPostgres(pool: pg.Pool): { pool: PostgresPool; adapter: DialectAdapter } {
  const importing = new AsyncLocalStorage<{ client?: pg.PoolClient }>();
  return {
    pool: {
      async connect() {
        const started = importing.getStore();
        const client = await pool.connect();
        if (started) started.client = client;
        return client;
      },
      end: () => pool.end(),
    },
    adapter: {
      ...postgresAdapter,
      aroundImport: (run) => importing.run({}, run),
      async openEventBulkWriter() {
        const client = importing.getStore()?.client;
        if (!client) throw new Error('an import transaction must be started inside aroundImport');
        return openPostgresBulkWriter(client);
      },
    },
  };
}

function tsQuery(words: string[], mode: 'all' | 'any') {
  const terms = words.map((w) => (w.endsWith('*') ? `${w.slice(0, -1).toLowerCase()}:*` : w.toLowerCase()));
  return sql`to_tsquery('english', ${terms.join(mode === 'all' ? ' & ' : ' | ')})`;
}
