// A child process that opens a database and runs its pending migrations, and kills itself
// with SIGKILL right after the Nth statement (PACTWATCH_KILL_AT_QUERY): inside a migration
// step, before anything after it runs. Without a kill point it prints how many statements
// the upgrade took. Usage: migrate-child.ts (--db FILE | --database-url URL)
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database } from '../../../src/store/database.ts';
import { postgresAdapter } from '../../../src/store/dialects/postgres/postgres-adapter.ts';
import { sqliteAdapter } from '../../../src/store/dialects/sqlite/sqlite-adapter.ts';
import { TransactionalDdlSqliteDialect } from '../../../src/store/dialects/sqlite/transactional-ddl-dialect.ts';
import { KyselyRecordStore } from '../../../src/store/kysely-record-store.ts';

const [flag, target] = process.argv.slice(2);
const killAt = Number(process.env.PACTWATCH_KILL_AT_QUERY ?? 0);
let queries = 0;
const log = (_event: LogEvent) => {
  queries++;
  if (queries === killAt) process.kill(process.pid, 'SIGKILL');
};

let store: KyselyRecordStore;
if (flag === '--db') {
  const database = new SqliteDatabase(target!);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  store = new KyselyRecordStore(
    new Kysely<Database>({ dialect: new TransactionalDdlSqliteDialect({ database }), log }),
    sqliteAdapter(database),
  );
} else {
  const pool = new pg.Pool({ connectionString: target, max: 2 });
  store = new KyselyRecordStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log }), postgresAdapter);
}
const ran = await store.migrate();
await store.close();
process.stdout.write(JSON.stringify({ queries, ran }) + '\n');
