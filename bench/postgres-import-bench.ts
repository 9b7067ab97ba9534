// The synthetic record in PostgreSQL, for the search benchmark. The database is the
// benchmark's own: it is emptied when it holds anything but that record.
import { sql } from 'kysely';
import { main } from '../src/cli/main.ts';
import { openStore } from '../src/store/open-store.ts';
import { syntheticRecord } from './import-bench.ts';

/** Seconds the import took, or undefined when the record was there already. */
export async function ensurePostgresRecord(databaseUrl: string, events: number, log = console.log): Promise<number | undefined> {
  const store = await openStore({ databaseUrl });
  try {
    if ((await store.count('events')) === events) return undefined;
    log(`importing ${events.toLocaleString('en')} events into PostgreSQL ...`);
    await sql`DROP SCHEMA public CASCADE`.execute(store.db);
    await sql`CREATE SCHEMA public`.execute(store.db);
  } finally {
    await store.close();
  }
  const files = await syntheticRecord(events, log);
  const started = performance.now();
  const code = await main(['node', 'pactwatch', '--database-url', databaseUrl, '--empty', 'import', files.partiesJson, files.eventsCsv]);
  if (code !== 0) throw new Error(`the PostgreSQL import exited with ${code}`);
  return (performance.now() - started) / 1000;
}
