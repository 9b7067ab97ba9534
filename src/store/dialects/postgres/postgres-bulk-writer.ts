// The PostgreSQL import path: events go through COPY into a temporary staging table, a few MB
// at a time, then into events and their area and actor links with one INSERT ... SELECT each.
// Row by row, each event cost a round of parameter binding and index and foreign-key upkeep.
// It runs on the import transaction's own connection, so a rollback undoes it with everything
// else, and the staging table is dropped at the end of the transaction either way.
//
// Into an empty events table it also defers the secondary indexes (the full-text GIN index
// among them) and the links' foreign keys: one sorted build and one validating query each at
// the end cost a fraction of their upkeep per row. Their definitions are read back from the
// catalog, so the migrations stay their only source, and they are recreated before commit.
// Dropping them locks events until then; it was empty, so readers wait for nothing they had.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EventsTable } from '../../database.ts';
import { EVENT_RECORD_COLUMNS, eventToRow } from '../../record-rows.ts';
import type { EventBulkWriter } from '../dialect-adapter.ts';

/** COPY text sent at once: large enough that a statement's round trip is lost in it, small enough to hold. */
export const COPY_CHUNK_CHARS = 4 << 20;

/** Every column of an event's row: those it is read back from, and its date span. */
const COLUMNS: (keyof EventsTable)[] = [...EVENT_RECORD_COLUMNS, 'date_start', 'date_end'];
const LINKS = [
  { field: 'areas', table: 'event_areas', column: 'area' },
  { field: 'actors', table: 'event_actors', column: 'actor' },
] as const;

/** Statements that drop a deferred object and make it again. */
interface Deferred {
  drop: string;
  create: string;
}

export async function openPostgresBulkWriter(client: pg.ClientBase): Promise<EventBulkWriter> {
  const empty = (await client.query('SELECT 1 FROM events LIMIT 1')).rowCount === 0;
  const columns = COLUMNS.join(', ');
  await client.query(`CREATE TEMPORARY TABLE events_staging ON COMMIT DROP AS SELECT ${columns} FROM events WITH NO DATA`);
  const deferred = empty ? await deferrable(client) : [];
  for (const object of deferred) await client.query(object.drop);

  let chunk: string[] = [];
  let chunkChars = 0;
  let copying: Promise<void> = Promise.resolve();
  /**
   * Starts the COPY of what is gathered once the one before has finished, and leaves it
   * running while the next batches are read. All its text is sent before it is left, so a
   * failure elsewhere meanwhile finds it finishing on its own, and the rollback queues behind it.
   */
  const flush = async () => {
    await copying;
    const text = chunk.join('');
    chunk = [];
    chunkChars = 0;
    copying = pipeline(Readable.from([text]), client.query(copyFrom(`COPY events_staging (${columns}) FROM STDIN`)));
    // Awaited at the next flush or at finish; until then its failure must not go unhandled.
    copying.catch(() => {});
  };

  return {
    async write({ records }) {
      for (const event of records) {
        const row = eventToRow(event);
        const line = COLUMNS.map((c) => copyText(row[c])).join('\t') + '\n';
        chunk.push(line);
        chunkChars += line.length;
      }
      if (chunkChars >= COPY_CHUNK_CHARS) await flush();
    },
    async finish() {
      if (chunkChars) await flush();
      await copying;
      await client.query(
        `INSERT INTO events (${columns}) SELECT ${columns} FROM events_staging
         ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id')
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}`,
      );
      for (const { field, table, column } of LINKS) {
        if (!empty) await client.query(`DELETE FROM ${table} WHERE event_id IN (SELECT id FROM events_staging)`);
        // ON CONFLICT drops a value listed twice, as the Kysely path's Set does.
        await client.query(
          `INSERT INTO ${table} (event_id, ${column})
           SELECT id, jsonb_array_elements_text(${field}::jsonb) FROM events_staging ON CONFLICT DO NOTHING`,
        );
      }
      for (const object of deferred) await client.query(object.create);
    },
  };
}

/** The secondary indexes of events and its links, and the links' foreign keys to events. */
async function deferrable(client: pg.ClientBase): Promise<Deferred[]> {
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename IN ('events', 'event_areas', 'event_actors')
       AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE contype = 'f' AND conrelid IN ('event_areas'::regclass, 'event_actors'::regclass)`,
  );
  return [
    ...indexes.rows.map((i) => ({ drop: `DROP INDEX ${quote(i.name)}`, create: i.definition })),
    ...foreignKeys.rows.map((f) => ({
      drop: `ALTER TABLE ${f.table} DROP CONSTRAINT ${quote(f.name)}`,
      create: `ALTER TABLE ${f.table} ADD CONSTRAINT ${quote(f.name)} ${f.definition}`,
    })),
  ];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value in COPY's text format: \N for null, and backslash, tab, newline and CR escaped. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
