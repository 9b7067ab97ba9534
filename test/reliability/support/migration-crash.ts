// Kills an upgrade inside every statement of every migration step, from each earlier schema
// (none, after 001, after 002), on each backend, then opens the database as Pactwatch does:
// it must open, finish the upgrade and hold the record it held before (issue 14, finding 12).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { readShippedRecord } from '../../../src/io/shipped-record.ts';
import type { Database } from '../../../src/store/database.ts';
import { postgresAdapter } from '../../../src/store/dialects/postgres/postgres-adapter.ts';
import { sqliteAdapter } from '../../../src/store/dialects/sqlite/sqlite-adapter.ts';
import { TransactionalDdlSqliteDialect } from '../../../src/store/dialects/sqlite/transactional-ddl-dialect.ts';
import { upsert } from '../../../src/store/kysely-record-store.ts';
import { eventToRow } from '../../../src/store/record-rows.ts';
import type { EventRecord } from '../../../src/domain/schemas.ts';
import { migrationProvider } from '../../../src/store/migrations/index.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { RECORD_KINDS } from '../../../src/domain/vocabulary.ts';
import { REPO_ROOT } from '../../support/run-cli.ts';
import { createTestDatabase, dropTestDatabase, POSTGRES_URL, tempDir } from '../../support/test-stores.ts';

const CHILD = path.join(import.meta.dirname, 'migrate-child.ts');
export const EARLIER_SCHEMAS = [undefined, '001-record', '002-accounts-changes'] as const;
export const ALL_MIGRATIONS = ['001-record', '002-accounts-changes', '003-event-links-without-rowid', '004-aliases', '005-record-model'];

export interface Target {
  args: string[];
  drop(): Promise<void>;
}

/** A database at `schema` (nothing at all when undefined) holding the shipped record. */
async function databaseAt(dialect: 'sqlite' | 'postgres', schema: string | undefined): Promise<Target> {
  let db: Kysely<Database>;
  let args: string[];
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = tempDir('pactwatch-migrate-');
    const file = path.join(dir, 'test.db');
    args = ['--db', file];
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
    if (!schema) return { args, drop };
    const database = new SqliteDatabase(file);
    database.pragma('journal_mode = WAL');
    db = new Kysely<Database>({ dialect: new TransactionalDdlSqliteDialect({ database }) });
    await new Migrator({ db, provider: migrationProvider(sqliteAdapter(database)) }).migrateTo(schema);
  } else {
    const url = await createTestDatabase();
    args = ['--database-url', url];
    drop = () => dropTestDatabase(url);
    if (!schema) return { args, drop };
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    await new Migrator({ db, provider: migrationProvider(postgresAdapter) }).migrateTo(schema);
  }
  const record = await readShippedRecord();
  // Written straight into the tables, as the schema of that time held them: before 004 the
  // events table had no alias columns, so events go in without them.
  await db.transaction().execute(async (trx) => {
    for (const kind of RECORD_KINDS) {
      if (kind === 'events' && schema < '004') await insertEventsWithoutAliases(trx, record.events);
      else await upsert(trx, kind, record[kind]);
    }
  });
  await db.destroy();
  return { args, drop };
}

async function insertEventsWithoutAliases(trx: Transaction<Database>, events: EventRecord[]): Promise<void> {
  const rows = events.map((e) => {
    const { aliases: _a, aliases_uk: _u, ...row } = eventToRow(e) as unknown as Record<string, unknown>;
    return row;
  });
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('events')
      .values(rows.slice(i, i + 200) as never)
      .execute();
  const areas = events.flatMap((e) => [...new Set(e.areas)].map((area) => ({ event_id: e.id, area })));
  const actors = events.flatMap((e) => [...new Set(e.actors)].map((actor) => ({ event_id: e.id, actor })));
  for (let i = 0; i < areas.length; i += 200)
    await trx
      .insertInto('event_areas')
      .values(areas.slice(i, i + 200))
      .execute();
  for (let i = 0; i < actors.length; i += 200)
    await trx
      .insertInto('event_actors')
      .values(actors.slice(i, i + 200))
      .execute();
}

function runChild(args: string[], killAt: number): { signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, PACTWATCH_KILL_AT_QUERY: String(killAt) },
    encoding: 'utf8',
  });
  return { signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** Opens the database as Pactwatch does and checks the upgrade finished with the record intact. */
async function assertOpens(args: string[], schema: string | undefined, what: string): Promise<void> {
  const store = await openStore(args[0] === '--db' ? { sqlitePath: args[1] } : { databaseUrl: args[1] });
  try {
    const done = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db);
    assert.deepEqual(
      done.rows.map((r) => r.name),
      ALL_MIGRATIONS,
      what,
    );
    if (schema) {
      const record = await readShippedRecord();
      for (const kind of RECORD_KINDS) assert.equal(await store.count(kind), record[kind].length, `${what}: ${kind}`);
      const actors = await sql<{ n: number }>`SELECT count(*) AS n FROM event_actors`.execute(store.db);
      assert.equal(
        Number(actors.rows[0]!.n),
        new Set(record.events.flatMap((e) => [...new Set(e.actors)].map((a) => `${e.id}\0${a}`))).size,
        what,
      );
      assert.ok((await store.searchEvents({ q: 'Bucharest' })).total > 0, `${what}: full-text search works`);
    }
    if (store.dialect === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
      assert.equal(check.rows[0]!.integrity_check, 'ok', what);
      const leftovers = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name LIKE '%_rebuilt'`.execute(store.db);
      assert.deepEqual(leftovers.rows, [], what);
    }
  } finally {
    await store.close();
  }
}

/**
 * For each earlier schema: counts the upgrade's statements, then for each (or every `stride`th)
 * kills the upgrade right after it and opens the database. Returns the kill points survived.
 */
export async function killDuringUpgrades(dialect: 'sqlite' | 'postgres', stride = 1): Promise<number> {
  if (dialect === 'postgres' && !POSTGRES_URL) return 0;
  let survived = 0;
  for (const schema of EARLIER_SCHEMAS) {
    const probe = await databaseAt(dialect, schema);
    const clean = runChild(probe.args, 0);
    await probe.drop();
    assert.equal(clean.signal, null, clean.stderr);
    const { queries } = JSON.parse(clean.stdout) as { queries: number };
    for (let killAt = 1; killAt <= queries; killAt += stride) {
      const target = await databaseAt(dialect, schema);
      try {
        const killed = runChild(target.args, killAt);
        assert.equal(killed.signal, 'SIGKILL', `the child should die at statement ${killAt}: ${killed.stderr}`);
        await assertOpens(target.args, schema, `${dialect}, from ${schema ?? 'nothing'}, killed after statement ${killAt} of ${queries}`);
        survived++;
      } finally {
        await target.drop();
      }
    }
  }
  return survived;
}
