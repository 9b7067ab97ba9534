import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { DialectAdapter } from '../dialect-adapter.ts';

// A stored generated tsvector with a GIN index. The 'english' configuration stems words as
// SQLite's porter tokenizer does, so "joins" finds "joined" on both backends.
export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  async createFullTextIndex(db: Kysely<Database>) {
    await sql`ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || summary)) STORED`.execute(db);
    await sql`CREATE INDEX events_search_idx ON events USING gin (search)`.execute(db);
  },
  matchEvents(words, mode) {
    const terms = words.map((w) => (w.endsWith('*') ? `${w.slice(0, -1).toLowerCase()}:*` : w.toLowerCase()));
    const query = sql`to_tsquery('english', ${terms.join(mode === 'all' ? ' & ' : ' | ')})`;
    return {
      where: sql<boolean>`events.search @@ ${query}`,
      rank: sql<number>`ts_rank(events.search, ${query})`,
    };
  },
};
