// The synthetic record in PostgreSQL: its import timed against psql's \copy of the same CSV,
// and the record left there for the search benchmark. The database is the benchmark's own: it
// is emptied when it holds anything but that record.
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { main } from '../src/cli/main.ts';
import { csvHeader } from '../src/io/csv-columns.ts';
import { openStore } from '../src/store/open-store.ts';
import { syntheticRecord } from './import-bench.ts';

export interface PostgresImportResult {
  seconds: number;
  /** psql's \copy plus the same indexes, or undefined when psql is not installed. */
  psqlSeconds?: number;
  ratio?: number;
}

/** Empties the database and imports the synthetic record through `pactwatch import`; seconds taken. */
async function timePostgresImport(databaseUrl: string, events: number, log: (line: string) => void): Promise<number> {
  const store = await openStore({ databaseUrl });
  try {
    await sql`DROP SCHEMA public CASCADE`.execute(store.db);
    await sql`CREATE SCHEMA public`.execute(store.db);
  } finally {
    await store.close();
  }
  const files = await syntheticRecord(events, log);
  log(`importing ${events.toLocaleString('en')} events into PostgreSQL ...`);
  const started = performance.now();
  const code = await main(['node', 'pactwatch', '--database-url', databaseUrl, '--empty', 'import', files.partiesJson, files.eventsCsv]);
  if (code !== 0) throw new Error(`the PostgreSQL import exited with ${code}`);
  return (performance.now() - started) / 1000;
}

/**
 * psql's \copy of the CSV into a plain table (in a scratch schema, dropped after), then the
 * indexes our events table has: primary key, date, type, and the full-text GIN index over the
 * same tsvector. The date-range index and the link tables have nothing to stand on in the CSV.
 */
function timePsqlCopy(databaseUrl: string, csv: string): number | undefined {
  if (spawnSync('psql', ['--version']).error) return undefined;
  const script = [
    'SET client_min_messages = warning;',
    'DROP SCHEMA IF EXISTS copy_baseline CASCADE;',
    'CREATE SCHEMA copy_baseline;',
    `CREATE TABLE copy_baseline.events (${csvHeader('events')
      .map((c) => `${c} text`)
      .join(', ')});`,
    `\\copy copy_baseline.events FROM '${csv.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`,
    'ALTER TABLE copy_baseline.events ADD PRIMARY KEY (id);',
    'CREATE INDEX ON copy_baseline.events (date, id);',
    'CREATE INDEX ON copy_baseline.events (type, date);',
    "CREATE INDEX ON copy_baseline.events USING gin (to_tsvector('english', title || ' ' || summary || ' ' || coalesce(aliases, '') || ' ' || coalesce(aliases_uk, '')));",
  ].join('\n');
  const started = performance.now();
  const run = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', databaseUrl], {
    input: script,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`psql exited with ${run.status}`);
  spawnSync('psql', ['-X', '-q', databaseUrl], { input: 'SET client_min_messages = warning; DROP SCHEMA copy_baseline CASCADE;' });
  return seconds;
}

export async function runPostgresImportBench(databaseUrl: string, events: number, log = console.log): Promise<PostgresImportResult> {
  const seconds = await timePostgresImport(databaseUrl, events, log);
  const psqlSeconds = timePsqlCopy(databaseUrl, (await syntheticRecord(events, log)).eventsCsv);
  const result = { seconds, psqlSeconds, ratio: psqlSeconds === undefined ? undefined : seconds / psqlSeconds };
  log(
    `PostgreSQL import: ${events.toLocaleString('en')} events in ${seconds.toFixed(2)} s; ` +
      (psqlSeconds === undefined
        ? 'psql not installed: no \\copy baseline'
        : `psql \\copy + the same indexes ${psqlSeconds.toFixed(2)} s, ratio ${result.ratio!.toFixed(2)}`),
  );
  return result;
}

/** Seconds the import took, or undefined when the record was there already. */
export async function ensurePostgresRecord(databaseUrl: string, events: number, log = console.log): Promise<number | undefined> {
  const store = await openStore({ databaseUrl });
  try {
    if ((await store.count('events')) === events) return undefined;
  } finally {
    await store.close();
  }
  return timePostgresImport(databaseUrl, events, log);
}
