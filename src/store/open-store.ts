// Opens the configured database: a SQLite file (the embedded default) or PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { copyingPostgres } from './dialects/postgres/postgres-adapter.ts';
import { sqliteAdapter } from './dialects/sqlite/sqlite-adapter.ts';
import { cachingStatements } from './dialects/sqlite/statement-cache.ts';
import { TransactionalDdlSqliteDialect } from './dialects/sqlite/transactional-ddl-dialect.ts';
import { KyselyRecordStore } from './kysely-record-store.ts';
import type { RecordStore } from './record-store.ts';

export const DEFAULT_SQLITE_PATH = 'var/pactwatch.db';

export interface StoreOptions {
  /** A SQLite file path; ignored when `databaseUrl` is given. */
  sqlitePath?: string;
  /** postgres://... */
  databaseUrl?: string;
  /** Called once when the database was created by this open (its first migration ran). */
  onCreate?: (store: RecordStore) => Promise<void>;
  poolSize?: number;
}

// PostgreSQL returns bigint counts as strings; ours fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openStore(options: StoreOptions = {}): Promise<RecordStore> {
  const store = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize)
    : openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
  try {
    const ran = await store.migrate();
    if (ran.includes('001-record')) await options.onCreate?.(store);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

function openSqlite(file: string): RecordStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL lets readers go on during a write; synchronous=NORMAL in WAL mode still survives a
  // killed process (only power loss can drop the last commits).
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new TransactionalDdlSqliteDialect({ database: cachingStatements(database) }) });
  return new KyselyRecordStore(db, sqliteAdapter(database));
}

function openPostgres(url: string, poolSize = 10): RecordStore {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (a restart, an administrator's terminate) is reported
  // here; unhandled, it would crash the process. The pool drops it and opens a new one when
  // next needed, and a query in flight on it fails on its own promise.
  pool.on('error', () => {});
  const copying = copyingPostgres(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copying.pool }) });
  return new KyselyRecordStore(db, copying.adapter);
}
