// The SQLite import path: prepared single-row statements on the raw better-sqlite3 handle.
// better-sqlite3 has one connection, so these run inside the Kysely transaction that is open
// on it, and a rollback undoes them with everything else.
//
// Into an empty events table (a new database, or a restore-sized load) it also defers the
// full-text triggers and the secondary indexes: one FTS rebuild and one sorted index build at
// the end cost a fraction of maintaining them row by row. The deferred definitions are read
// back from sqlite_master, so the migrations stay their only source, and they are recreated
// before commit, so no reader ever sees the table without them.
import type BetterSqlite3 from 'better-sqlite3';
import { eventToRow } from '../../record-rows.ts';
import type { EventBulkWriter } from '../dialect-adapter.ts';

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

  // Named after the keys of the first row, so record-rows.ts stays the one column mapping.
  let upsertEvent: BetterSqlite3.Statement | undefined;
  const prepareUpsert = (columns: string[]) =>
    database.prepare(
      `INSERT INTO events (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${columns
         .filter((c) => c !== 'id')
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}`,
    );
  const links = [
    {
      field: 'areas',
      clear: database.prepare('DELETE FROM event_areas WHERE event_id = ?'),
      add: database.prepare('INSERT INTO event_areas (event_id, area) VALUES (?, ?)'),
    },
    {
      field: 'actors',
      clear: database.prepare('DELETE FROM event_actors WHERE event_id = ?'),
      add: database.prepare('INSERT INTO event_actors (event_id, actor) VALUES (?, ?)'),
    },
  ] as const;

  return {
    async write(events) {
      for (const event of events) {
        const row = eventToRow(event);
        upsertEvent ??= prepareUpsert(Object.keys(row));
        upsertEvent.run(row);
        for (const link of links) {
          link.clear.run(event.id);
          for (const value of new Set(event[link.field])) link.add.run(event.id, value);
        }
      }
    },
    async finish() {
      if (!empty) return;
      for (const object of deferred) database.exec(object.sql);
      database.prepare(`INSERT INTO ${fullText.table} (${fullText.table}) VALUES ('rebuild')`).run();
    },
  };
}
