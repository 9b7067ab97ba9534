// The SQLite import path: prepared single-row statements on the raw better-sqlite3 handle.
// better-sqlite3 has one connection, so these run inside the Kysely transaction that is open
// on it, and a rollback undoes them with everything else.
//
// Into an empty events table (a new database, or a restore-sized load) it also defers the
// full-text triggers, the secondary indexes and the area and actor links: one FTS rebuild,
// one sorted index build and one INSERT ... SELECT over json_each at the end cost a fraction of
// maintaining them row by row. The deferred definitions are read back from sqlite_master, so
// the migrations stay their only source, and they are recreated before commit, so no reader
// ever sees the table without them.
import type BetterSqlite3 from 'better-sqlite3';
import type { EventsTable } from '../../database.ts';
import { eventToRow } from '../../record-rows.ts';
import type { EventBulkWriter } from '../dialect-adapter.ts';

const LINKS = [
  { field: 'areas', table: 'event_areas', column: 'area' },
  { field: 'actors', table: 'event_actors', column: 'actor' },
] as const;

/**
 * eventToRow (record-rows.ts) in SQL, over `e`, one event as JSONB. Into an empty table a batch
 * goes in straight from the JSON text the reader thread sent, so no event becomes an object on
 * the writer's thread (1M events: JSON.parse and eventToRow were about 7 s there). The lists come
 * out as the JSON text JSON.stringify gives, since SQLite keeps a string's escapes as written,
 * and a date's span is worked out as dateSpan does; test/store/bulk-import.test.ts holds both
 * mappings to the same rows.
 */
const DATE = "(e ->> 'date')";
const EVENT_ROW_SQL = {
  id: "e ->> 'id'",
  date: DATE,
  date_start: `CASE length(${DATE}) WHEN 4 THEN ${DATE} || '-01-01' WHEN 7 THEN ${DATE} || '-01' ELSE ${DATE} END`,
  // December ends on the 31st; date() has no year 10000 to step back from for 9999-12.
  date_end: `CASE WHEN length(${DATE}) = 4 OR substr(${DATE}, 6) = '12' THEN substr(${DATE}, 1, 4) || '-12-31'
    WHEN length(${DATE}) = 7 THEN date(${DATE} || '-01', '+1 month', '-1 day') ELSE ${DATE} END`,
  type: "e ->> 'type'",
  title: "e ->> 'title'",
  title_uk: "e ->> 'title_uk'",
  summary: "e ->> 'summary'",
  summary_uk: "e ->> 'summary_uk'",
  aliases: "e -> 'aliases'",
  aliases_uk: "e -> 'aliases_uk'",
  actors: "e -> 'actors'",
  areas: "e -> 'areas'",
  sources: "e -> 'sources'",
} satisfies Record<keyof EventsTable, string>;

const REBUILD_HASH_BYTES = 16 << 20;
const DEFAULT_HASH_BYTES = 1 << 20;

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

export function openSqliteBulkWriter(
  database: BetterSqlite3.Database,
  fullText: { table: string; triggerPrefix: string },
): EventBulkWriter {
  const empty = database.prepare('SELECT 1 FROM events LIMIT 1').get() === undefined;
  const deferred = empty
    ? (database
        .prepare(
          `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND (
             (type = 'trigger' AND tbl_name = 'events' AND name LIKE ? || '%') OR
             (type = 'index' AND tbl_name IN ('events', 'event_areas', 'event_actors') AND sql NOT LIKE 'CREATE UNIQUE%'))`,
        )
        .all(fullText.triggerPrefix) as SchemaObject[])
    : [];
  for (const object of deferred) database.exec(`DROP ${object.type.toUpperCase()} "${object.name}"`);

  // Columns in the order of the first row's keys, so record-rows.ts stays the one column mapping.
  let upsertEvent: BetterSqlite3.Statement | undefined;
  const onConflict = (columns: string[]) =>
    `ON CONFLICT (id) DO UPDATE SET ${columns
      .filter((c) => c !== 'id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')}`;
  const prepareUpsert = (columns: string[]) =>
    database.prepare(`INSERT INTO events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${onConflict(columns)}`);
  // SQLite needs the WHERE to tell the upsert's ON from a join's.
  const upsertFromJson = database.prepare(
    `INSERT INTO events (${Object.keys(EVENT_ROW_SQL).join(', ')})
     SELECT ${Object.values(EVENT_ROW_SQL).join(', ')} FROM (SELECT value AS e FROM jsonb_each(jsonb(?))) WHERE true
     ${onConflict(Object.keys(EVENT_ROW_SQL))}`,
  );
  const links = LINKS.map(({ field, table, column }) => ({
    field,
    clear: database.prepare(`DELETE FROM ${table} WHERE event_id = ?`),
    add: database.prepare(`INSERT INTO ${table} (event_id, ${column}) VALUES (?, ?)`),
  }));

  return {
    async write(batch) {
      if (empty && batch.json !== undefined) {
        upsertFromJson.run(batch.json);
        return;
      }
      for (const event of batch.records) {
        const row = eventToRow(event);
        upsertEvent ??= prepareUpsert(Object.keys(row));
        // Bound by position: by name, better-sqlite3 looks up every key of every row.
        upsertEvent.run(Object.values(row));
        if (empty) continue;
        for (const link of links) {
          link.clear.run(event.id);
          for (const value of new Set(event[link.field])) link.add.run(event.id, value);
        }
      }
    },
    async finish() {
      if (!empty) return;
      // The rows' own JSON lists are what the links mirror. OR IGNORE drops a value listed twice,
      // as the Set above does, on the primary key's own check: DISTINCT would sort every link first.
      for (const { field, table, column } of LINKS) {
        database.exec(
          `INSERT OR IGNORE INTO ${table} (event_id, ${column}) SELECT events.id, j.value FROM events, json_each(events.${field}) j`,
        );
      }
      for (const object of deferred) database.exec(object.sql);
      // FTS5 flushes its pending terms to a new segment each time they pass `hashsize` (1 MB by
      // default); a large buffer for the one-off rebuild makes far fewer segments to merge
      // (rebuild of 1M events: 6.6 s -> 4.4 s in the sqlite3 shell). It is set back after.
      // FTS5 wants an integer here, and better-sqlite3 binds a JS number as a REAL.
      const hashSize = (bytes: number) =>
        database.exec(`INSERT INTO ${fullText.table} (${fullText.table}, rank) VALUES ('hashsize', ${bytes})`);
      hashSize(REBUILD_HASH_BYTES);
      database.exec(`INSERT INTO ${fullText.table} (${fullText.table}) VALUES ('rebuild')`);
      hashSize(DEFAULT_HASH_BYTES);
    },
  };
}
