// Snapshots of the embedded (SQLite) database and their restore.
//
// Backup runs `VACUUM INTO` on the store's own connection: it reads inside one read
// transaction, so the snapshot is consistent even while a server keeps writing (WAL lets
// writers go on meanwhile). It writes to a temporary name and renames, so FILE is either a
// complete snapshot or absent, never half written.
//
// Restore copies the snapshot into the live database with SQLite's online backup API: the
// destination is written under SQLite's own locks in one transaction, so other connections
// see the old database or the restored one, and a crash mid-restore rolls back to the old.
//
// PostgreSQL has pg_dump/pg_restore, which do this better than we could; the CLI prints them.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { verifyChain } from '../changelog/verify-chain.ts';
import { PactwatchError } from '../domain/errors.ts';
import { RECORD_KINDS } from '../domain/vocabulary.ts';
import type { Database } from './database.ts';
import type { RecordStore } from './record-store.ts';

export interface SnapshotSummary {
  file: string;
  bytes: number;
  /** Change-log entries in the snapshot; the chain was verified. */
  changes: number;
}

export async function backupSqlite(store: RecordStore, file: string): Promise<SnapshotSummary> {
  if (store.dialect !== 'sqlite')
    throw new PactwatchError('bad_request', 'online snapshots are for the SQLite database; use pg_dump for PostgreSQL', 400);
  const target = path.resolve(file);
  if (fs.existsSync(target))
    throw new PactwatchError('bad_request', `${file} already exists; a backup never overwrites a file`, 400, [
      { file, field: '--out', message: 'already exists' },
    ]);
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  try {
    await sql`VACUUM INTO ${partial}`.execute(store.db);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: target, bytes: fs.statSync(target).size, ...(await checkSnapshot(target)) };
}

/** Replaces the database at `targetFile` with the snapshot `backupFile`, after checking it. */
export async function restoreSqlite(backupFile: string, targetFile: string): Promise<SnapshotSummary> {
  const checked = await checkSnapshot(backupFile);
  fs.mkdirSync(path.dirname(path.resolve(targetFile)), { recursive: true });
  const source = new SqliteDatabase(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(targetFile);
  } finally {
    source.close();
  }
  return { file: path.resolve(targetFile), bytes: fs.statSync(backupFile).size, ...checked };
}

/**
 * A snapshot is restorable when SQLite finds it intact, it holds Pactwatch's tables and its
 * change log verifies: restoring a tampered snapshot would launder the tampering.
 */
export async function checkSnapshot(file: string): Promise<{ changes: number }> {
  const bad = (message: string) =>
    new PactwatchError('validation_failed', `${file}: ${message}`, 400, [{ file, field: '(file)', message }]);
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw bad(`cannot be opened as a SQLite database (${(error as Error).message})`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  try {
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`
      .execute(db)
      .catch((error: Error) => ({ rows: [{ integrity_check: error.message }] }));
    const verdict = integrity.rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') throw bad(`is damaged: ${verdict}`);
    const tables = new Set(
      (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)).rows.map((r) => r.name),
    );
    const missing = [...RECORD_KINDS, 'changes', 'change_head'].filter((t) => !tables.has(t));
    if (missing.length) throw bad(`is not a Pactwatch database (no table ${missing.join(', ')})`);
    const chain = await verifyChain({ db });
    if (!chain.ok) throw bad(`its change log does not verify: ${chain.problem}`);
    return { changes: chain.entries };
  } finally {
    await db.destroy();
  }
}
