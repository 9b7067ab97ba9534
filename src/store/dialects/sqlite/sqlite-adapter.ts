import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database, EventsTable } from '../../database.ts';
import type { DialectAdapter } from '../dialect-adapter.ts';
import { yieldToEventLoop } from '../../event-loop.ts';
import { openSqliteBulkWriter } from './sqlite-bulk-writer.ts';

// External-content FTS5: the text lives once, in events; triggers (events_fts_*) keep the
// index in step.
export const SQLITE_FULL_TEXT = { table: 'events_fts', triggerPrefix: 'events_fts_' };
const TOKENIZE = 'porter unicode61 remove_diacritics 2';
/** SQLite's page cache while the event index is on, in KiB. */
const SEARCH_CACHE_KB = 64 << 10;
/** The file mapped into memory while the event index is on; SQLite caps it (2 GB in this build). */
const SEARCH_MMAP_BYTES = 1 << 40;
/** How long one read of the index's vocabulary may hold the event loop. */
const INDEX_TERMS_SLICE_MS = 10;

export const sqliteAdapter = (database: BetterSqlite3.Database): DialectAdapter => {
  // Prepared on first use: the adapter exists before the migrations create events_fts.
  let matchedRowids: BetterSqlite3.Statement | undefined;
  let matchedRowidsUpTo: BetterSqlite3.Statement | undefined;
  let matchedRowidsAfter: BetterSqlite3.Statement | undefined;
  return {
    name: 'sqlite',
    async createFullTextIndex(db: Kysely<Database>) {
      await createFts(db, ['title', 'summary']);
    },
    async indexEventAliases(db: Kysely<Database>) {
      for (const trigger of ['insert', 'delete', 'update']) await sql.raw(`DROP TRIGGER events_fts_${trigger}`).execute(db);
      await sql`DROP TABLE events_fts`.execute(db);
      await createFts(db, ['title', 'summary', 'aliases', 'aliases_uk']);
      await sql`INSERT INTO events_fts(events_fts) VALUES ('rebuild')`.execute(db);
    },
    matchEvents(words, mode) {
      return { where: sql<boolean>`events.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ${ftsQuery(words, mode)})` };
    },
    async matchedRowids(db, words, limit, after) {
      // Plucked on the raw handle: 100k matches in ~13 ms where row objects through Kysely take
      // ~40. It is the connection Kysely uses, so the read waits its turn on Kysely's lock:
      // between the awaits of another request's write transaction it would see uncommitted rows.
      matchedRowids ??= database.prepare('SELECT rowid FROM events_fts WHERE events_fts MATCH ?').pluck();
      matchedRowidsUpTo ??= database.prepare('SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?').pluck();
      matchedRowidsAfter ??= database
        .prepare('SELECT rowid FROM events_fts WHERE events_fts MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?')
        .pluck();
      const query = ftsQuery(words, 'all');
      return db
        .connection()
        .execute(
          async () =>
            (after !== undefined
              ? matchedRowidsAfter!.all(query, after, limit ?? -1)
              : limit === undefined
                ? matchedRowids!.all(query)
                : matchedRowidsUpTo!.all(query, limit)) as number[],
        );
    },
    async matchesAmong(db, words, ids) {
      // The full-text index cannot be asked about a few rows: MATCH with a rowid condition
      // still reads the word's whole doclist (65 ms for a word in half of 1M events). So the
      // rows are indexed again, alone, in a scratch table of this connection with the same
      // tokenizer, and the words asked of that.
      return db.connection().execute(async () => {
        database.exec(
          `CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_fts_scratch USING fts5(id UNINDEXED, title, summary, aliases, aliases_uk, tokenize='${TOKENIZE}')`,
        );
        database.exec('DELETE FROM temp.events_fts_scratch');
        database
          .prepare(
            'INSERT INTO temp.events_fts_scratch(id, title, summary, aliases, aliases_uk) SELECT id, title, summary, aliases, aliases_uk FROM events WHERE id IN (SELECT value FROM json_each(?))',
          )
          .run(JSON.stringify(ids));
        const match = database.prepare('SELECT id FROM temp.events_fts_scratch WHERE events_fts_scratch MATCH ?').pluck();
        return new Map(words.map((word) => [word, match.all(ftsQuery([word], 'all')) as string[]]));
      });
    },
    async matchedEventRows(db, words, limit) {
      // Streamed from the full-text index into the table, where `rowid IN (subquery)` first
      // builds the whole list. Precompiled SQL: building this query costs about as much as
      // running it for a rare word.
      const { rows } = await db.executeQuery<EventsTable>(
        CompiledQuery.raw(
          'SELECT events.* FROM events_fts JOIN events ON events.rowid = events_fts.rowid WHERE events_fts MATCH ? LIMIT ?',
          [ftsQuery(words, 'all'), limit],
        ),
      );
      return rows;
    },
    async tuneForSearch(db) {
      // A page's 50 events lie anywhere in the table: with SQLite's default 2 MB of cache each
      // is read from the file afresh (0.7 ms a page on 1M events, 0.3 ms with this). Only the
      // pages read take memory, so a small record never uses all of it.
      await sql`PRAGMA cache_size = ${sql.raw(String(-SEARCH_CACHE_KB))}`.execute(db);
      // Mapped, a page is read from the operating system's cache without a system call and a
      // copy: a page of 50 rows of 1M events took 0.29 ms instead of 0.69. The mapping is the
      // file's own cache, which the system can drop, not memory of this process.
      await sql`PRAGMA mmap_size = ${sql.raw(String(SEARCH_MMAP_BYTES))}`.execute(db);
    },
    async eventRowsByRowid(db, rowids) {
      // Precompiled SQL by the integer key: a search's page of 50 rows in a third of the time
      // that building the query and finding each row by its id took.
      const { rows } = await db.executeQuery<EventsTable>(
        CompiledQuery.raw(`SELECT * FROM events WHERE rowid IN (${rowids.map(() => '?').join(', ')})`, rowids),
      );
      return rows;
    },
    async indexTerms(db) {
      // fts5vocab counts a term's events as it reads it (~20 ms for a term in half of 1M events),
      // so the list is read for a few ms at a time, the event loop free between.
      const terms = new Map<string, number>();
      for (let last = '', done = false; !done; await yieldToEventLoop()) {
        done = await db.connection().execute(async () => {
          database.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_fts_terms USING fts5vocab(main, events_fts, 'row')`);
          const rows = database.prepare('SELECT term, doc FROM temp.events_fts_terms WHERE term > ? ORDER BY term');
          const until = performance.now() + INDEX_TERMS_SLICE_MS;
          for (const row of rows.iterate(last) as IterableIterator<{ term: string; doc: number }>) {
            terms.set(row.term, row.doc);
            last = row.term;
            if (performance.now() > until) return false;
          }
          return true;
        });
      }
      return terms;
    },
    async queryTerms(db, words) {
      // FTS5's tokenizer cannot be called from SQL: the words are indexed alone, one a row, in
      // a scratch table with the same tokenizer, whose vocabulary then tells each row's terms.
      return db.connection().execute(async () => {
        database.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_words_scratch USING fts5(word, tokenize='${TOKENIZE}')`);
        database.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_words_terms USING fts5vocab(temp, events_words_scratch, 'instance')`);
        database.exec('DELETE FROM temp.events_words_scratch');
        database
          .prepare('INSERT INTO temp.events_words_scratch(rowid, word) SELECT key + 1, value FROM json_each(?)')
          .run(JSON.stringify(words));
        const found = database.prepare('SELECT doc, term FROM temp.events_words_terms').all() as { doc: number; term: string }[];
        const termsOf = new Map<number, string[]>();
        for (const { doc, term } of found) termsOf.set(doc, [...(termsOf.get(doc) ?? []), term]);
        const terms = new Map<string, string>();
        for (const [doc, list] of termsOf) if (list.length === 1) terms.set(words[doc - 1]!, list[0]!);
        return terms;
      });
    },
    async rankedEventIds(db, words, limit) {
      // FTS5's own `rank` (bm25) ordered inside the index, joined to events only for the winners.
      const rows = await sql<{ id: string }>`
      SELECT events.id FROM events_fts JOIN events ON events.rowid = events_fts.rowid
      WHERE events_fts MATCH ${ftsQuery(words, 'any')} ORDER BY events_fts.rank LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
    async aroundImport(run) {
      // WAL writes every page twice, once to the log and once at the checkpoint (1M events: the
      // SQLite side of a load took 31 s in WAL, 23 s without). A rollback journal keeps only the
      // pages that existed before, which for a new table are few. The switch
      // needs the only open connection and no transaction: when another process has the file
      // open, SQLite refuses (SQLITE_BUSY) and the import runs in WAL as before.
      if (database.inTransaction || database.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined) return run();
      let mode: unknown = 'wal';
      try {
        mode = database.pragma('journal_mode = DELETE', { simple: true });
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      }
      try {
        return await run();
      } finally {
        if (mode === 'delete') database.pragma('journal_mode = WAL');
      }
    },
    async openEventBulkWriter() {
      return openSqliteBulkWriter(database, SQLITE_FULL_TEXT);
    },
  };
};

/** The FTS5 table over `columns` of events and the triggers that keep it in step. */
async function createFts(db: Kysely<Database>, columns: string[]): Promise<void> {
  const list = columns.join(', ');
  const values = (row: string) => columns.map((c) => `${row}.${c}`).join(', ');
  await sql
    .raw(`CREATE VIRTUAL TABLE events_fts USING fts5(${list}, content='events', content_rowid='rowid', tokenize='${TOKENIZE}')`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
      INSERT INTO events_fts(rowid, ${list}) VALUES (new.rowid, ${values('new')}); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
      INSERT INTO events_fts(events_fts, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')}); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER events_fts_update AFTER UPDATE OF ${list} ON events BEGIN
      INSERT INTO events_fts(events_fts, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});
      INSERT INTO events_fts(rowid, ${list}) VALUES (new.rowid, ${values('new')}); END`,
    )
    .execute(db);
}

function ftsQuery(words: string[], mode: 'all' | 'any'): string {
  return words.map((w) => (w.endsWith('*') ? `"${w.slice(0, -1)}"*` : `"${w}"`)).join(mode === 'all' ? ' ' : ' OR ');
}
