// After a crash: is the database intact? Physically (SQLite's integrity_check, PostgreSQL's
// amcheck over every table and index) and logically (no join rows without their event, the
// change log's head at its last entry and its hash chain unbroken).
import assert from 'node:assert/strict';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { verifyChain } from '../../../src/changelog/verify-chain.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { RecordStore } from '../../../src/store/record-store.ts';
import { createTestDatabase, dropTestDatabase, tempDir } from '../../support/test-stores.ts';
import path from 'node:path';
import fs from 'node:fs';

export interface Target {
  dialect: 'sqlite' | 'postgres';
  /** ['--db', file] or ['--database-url', url]. */
  cliArgs: string[];
  open(): Promise<RecordStore>;
  remove(): Promise<void>;
}

export async function newTarget(dialect: 'sqlite' | 'postgres'): Promise<Target> {
  if (dialect === 'sqlite') {
    const dir = tempDir('pactwatch-crash-');
    const file = path.join(dir, 'crash.db');
    return {
      dialect,
      cliArgs: ['--db', file],
      open: () => openStore({ sqlitePath: file }),
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = await createTestDatabase();
  return { dialect, cliArgs: ['--database-url', url], open: () => openStore({ databaseUrl: url }), remove: () => dropTestDatabase(url) };
}

function sqlitePhysical(file: string): void {
  const database = new SqliteDatabase(file);
  try {
    assert.deepEqual(database.pragma('integrity_check', { simple: false }), [{ integrity_check: 'ok' }], 'PRAGMA integrity_check');
    assert.deepEqual(database.pragma('foreign_key_check'), [], 'PRAGMA foreign_key_check');
  } finally {
    database.close();
  }
}

async function postgresPhysical(store: RecordStore): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(store.db);
  const tables = await sql<{
    name: string;
  }>`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`.execute(
    store.db,
  );
  for (const { name } of tables.rows) {
    const corrupt = await sql<{ msg: string }>`SELECT msg FROM verify_heapam(${name}::regclass)`.execute(store.db);
    assert.deepEqual(corrupt.rows, [], `verify_heapam(${name})`);
  }
  const indexes = await sql<{ oid: number; name: string }>`
    SELECT c.oid, c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_am a ON a.oid = c.relam WHERE n.nspname = 'public' AND a.amname = 'btree'`.execute(store.db);
  // heapallindexed: every row is findable through every index, not just the index's own shape.
  for (const index of indexes.rows) await sql`SELECT bt_index_check(${index.oid}::regclass, true)`.execute(store.db);
}

/** Throws, naming what is wrong, unless the database is intact. Returns the change-log length. */
export async function assertIntact(target: Target): Promise<number> {
  if (target.dialect === 'sqlite') sqlitePhysical(target.cliArgs[1]!);
  const store = await target.open();
  try {
    if (target.dialect === 'postgres') await postgresPhysical(store);
    for (const join of ['event_areas', 'event_actors'] as const) {
      const orphans = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM ${sql.table(join)} j WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = j.event_id)`.execute(
        store.db,
      );
      assert.equal(Number(orphans.rows[0]!.n), 0, `${join} rows without their event`);
    }
    const chain = await verifyChain(store);
    assert.ok(chain.ok, `change log: ${JSON.stringify(chain)}`);
    return chain.entries;
  } finally {
    await store.close();
  }
}
