import type { Command } from 'commander';
import { loadShippedRecord } from '../io/shipped-record.ts';
import { openStore } from '../store/open-store.ts';
import type { RecordStore } from '../store/record-store.ts';

interface GlobalOptions {
  db: string;
  databaseUrl?: string;
  empty?: boolean;
}

/** Opens the database the global options name, creating it (with the shipped record) when new. */
export function openCliStore(command: Command): Promise<RecordStore> {
  const options = command.optsWithGlobals<GlobalOptions>();
  return openStore({
    sqlitePath: options.db,
    databaseUrl: options.databaseUrl ?? (process.env.DATABASE_URL || undefined),
    onCreate: options.empty ? undefined : loadShippedRecord,
  });
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
