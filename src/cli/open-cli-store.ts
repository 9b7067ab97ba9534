import type { Command } from 'commander';
import { loadShippedRecord } from '../io/shipped-record.ts';
import { openStore, type StoreOptions } from '../store/open-store.ts';
import type { RecordStore } from '../store/record-store.ts';

interface GlobalOptions {
  db: string;
  databaseUrl?: string;
  empty?: boolean;
}

/** The database the global options name: a SQLite file, or PostgreSQL's URL (also from DATABASE_URL). */
export function cliDatabase(command: Command): Pick<StoreOptions, 'sqlitePath' | 'databaseUrl'> {
  const options = command.optsWithGlobals<GlobalOptions>();
  return { sqlitePath: options.db, databaseUrl: options.databaseUrl ?? (process.env.DATABASE_URL || undefined) };
}

/** Opens the database the global options name, creating it (with the shipped record) when new. */
export function openCliStore(command: Command): Promise<RecordStore> {
  const { empty } = command.optsWithGlobals<GlobalOptions>();
  return openStore({ ...cliDatabase(command), onCreate: empty ? undefined : loadShippedRecord });
}

/** Runs `fn` with an open store and always closes it. */
export async function withStore<T>(command: Command, fn: (store: RecordStore) => Promise<T>): Promise<T> {
  const store = await openCliStore(command);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
