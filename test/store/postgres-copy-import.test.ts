// The PostgreSQL import path (postgres-bulk-writer.ts), on a real server: events through COPY
// into a staging table, then into events and links, with indexes and foreign keys deferred
// when the table was empty. The files are large enough that COPY has run before a bad row is
// read, so a failure there must roll back rows the server already holds, and the dropped
// indexes and keys with them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { PactwatchError } from '../../src/domain/errors.ts';
import { importPaths } from '../../src/io/import-records.ts';
import { COPY_CHUNK_CHARS } from '../../src/store/dialects/postgres/postgres-bulk-writer.ts';
import { postgresDialect, tempDir, type TestStore } from '../support/test-stores.ts';

const HEADER = 'id,date,title,title_uk,summary,type,actors,areas,sources';
/** Long enough that a few thousand rows pass a COPY chunk. */
const FILLER = 'cooperation '.repeat(60).trim();
const row = (prefix: string, i: number) =>
  `${prefix}-${i},2020-03-${String((i % 28) + 1).padStart(2, '0')},Title ${i},,"${FILLER} ${i}",decision,nato|ukraine|nato,membership,https://example.org/${i}`;
/** Text COPY's format must escape: a backslash, a tab, a newline and a carriage return. */
const AWKWARD =
  'awkward,2021,"Back\\slash\tand tab","Заголовок","line one\nline two\r\nend \\N",summit,nato,sanctions,https://example.org/a';
const ROWS = 8000;

interface CatalogState {
  indexes: string[];
  foreignKeys: string[];
}

describe('postgres: imports through COPY', { skip: postgresDialect.skip }, () => {
  let t: TestStore;
  let dir: string;
  const file = (name: string, lines: string[]) => {
    const folder = fs.mkdtempSync(path.join(dir, 'in-'));
    const p = path.join(folder, name);
    fs.writeFileSync(p, lines.join('\n') + '\n');
    return p;
  };
  const catalog = async (): Promise<CatalogState> => ({
    indexes: (
      await sql<{ d: string }>`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`.execute(
        t.store.db,
      )
    ).rows.map((r) => r.d),
    foreignKeys: (
      await sql<{
        d: string;
      }>`SELECT conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE contype = 'f' ORDER BY conname`.execute(
        t.store.db,
      )
    ).rows.map((r) => r.d),
  });
  const rowsOf = async (table: 'events' | 'event_areas' | 'event_actors' | 'changes') =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.store.db)).rows[0]!.n);
  const failedImport = async (paths: string[]) => {
    const error = (await importPaths(t.store, paths).then(
      () => assert.fail('the import succeeded'),
      (e: unknown) => e,
    )) as PactwatchError;
    assert.equal(error.code, 'validation_failed');
    return error.details;
  };

  before(async () => {
    t = await postgresDialect.open();
    dir = tempDir();
  });
  after(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the files pass a COPY chunk before their last row', () => {
    const bytes = [HEADER, ...Array.from({ length: ROWS }, (_, i) => row('ev', i))].join('\n').length;
    assert.ok(bytes > COPY_CHUNK_CHARS, `${bytes} characters`);
  });

  test('a bad row into an empty database: an error naming line and field, nothing stored, indexes and keys back', async () => {
    const schema = await catalog();
    const details = await failedImport([
      file('events.csv', [
        HEADER,
        ...Array.from({ length: ROWS }, (_, i) => row('ev', i)),
        row('late', 1).replace('2020-03-02', '2020-02-30'),
      ]),
    ]);
    assert.deepEqual(
      details?.map((p) => ({ line: p.line, record: p.record, field: p.field })),
      [{ line: ROWS + 2, record: 'late-1', field: 'date' }],
    );
    assert.equal(await rowsOf('events'), 0);
    assert.equal(await rowsOf('event_areas'), 0);
    assert.equal(await rowsOf('changes'), 0);
    assert.deepEqual(await catalog(), schema);
  });

  test('a good import stores every event, its links and awkward text exactly, searchable, with the schema as it was', async () => {
    const schema = await catalog();
    const summary = await importPaths(t.store, [
      file('events.csv', [HEADER, AWKWARD, ...Array.from({ length: ROWS }, (_, i) => row('ev', i))]),
    ]);
    assert.equal(summary.counts.events, ROWS + 1);
    assert.equal(await rowsOf('events'), ROWS + 1);
    // nato|ukraine|nato: the repeated actor is linked once.
    assert.equal(await rowsOf('event_actors'), ROWS * 2 + 1);
    assert.equal(await rowsOf('event_areas'), ROWS + 1);
    const awkward = await t.store.get('events', 'awkward');
    assert.equal(awkward?.title, 'Back\\slash\tand tab');
    assert.equal(awkward?.title_uk, 'Заголовок');
    assert.equal(awkward?.summary, 'line one\nline two\r\nend \\N');
    assert.equal(awkward?.summary_uk, null);
    assert.deepEqual(
      (await t.store.searchEvents({ q: 'tab', areas: ['sanctions'] })).items.map((e) => e.id),
      ['awkward'],
    );
    assert.equal((await t.store.searchEvents({ q: 'cooperation', actors: ['ukraine'] })).total, ROWS);
    assert.deepEqual(await catalog(), schema);
  });

  test('a bad row into a filled database leaves every row and the change log as they were', async () => {
    const exported = JSON.stringify(await t.store.list('events'));
    const changes = await rowsOf('changes');
    const details = await failedImport([
      file('events.csv', [
        HEADER,
        ...Array.from({ length: ROWS }, (_, i) => row('ev', i).replace('Title', 'Changed')),
        ...Array.from({ length: 10 }, (_, i) => row('new', i)),
        row('new', 11).replace('membership', 'membership|gardening'),
      ]),
    ]);
    assert.deepEqual(
      details?.map((p) => ({ line: p.line, field: p.field })),
      [{ line: ROWS + 12, field: 'areas.1' }],
    );
    assert.equal(JSON.stringify(await t.store.list('events')), exported);
    assert.equal(await rowsOf('changes'), changes);
  });

  test('an import into a filled database replaces changed events and their links', async () => {
    await importPaths(t.store, [file('events.csv', [HEADER, row('ev', 5).replace('nato|ukraine|nato', 'eu').replace('Title', 'Renamed')])]);
    const event = await t.store.get('events', 'ev-5');
    assert.equal(event?.title, 'Renamed 5');
    assert.deepEqual(event?.actors, ['eu']);
    assert.deepEqual(
      (await t.store.searchEvents({ actors: ['eu'] })).items.map((e) => e.id),
      ['ev-5'],
    );
    assert.equal(await rowsOf('event_actors'), (ROWS - 1) * 2 + 1 + 1);
  });
});
