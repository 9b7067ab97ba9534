import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { DialectAdapter } from '../dialect-adapter.ts';

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

function tsQuery(words: string[], mode: 'all' | 'any') {
  const terms = words.map((w) => (w.endsWith('*') ? `${w.slice(0, -1).toLowerCase()}:*` : w.toLowerCase()));
  return sql`to_tsquery('english', ${terms.join(mode === 'all' ? ' & ' : ' | ')})`;
}
