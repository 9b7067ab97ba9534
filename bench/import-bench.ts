// Import throughput: `pactwatch import` of the synthetic record into a new SQLite file, in a
// process of its own (so its peak RSS is the import's alone), next to the sqlite3 shell
// loading the same CSV into a plain table and building an FTS5 index over title and summary.
//
// Run alone: node --import tsx bench/import-bench.ts [--events N]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { SQLITE_FULL_TEXT } from '../src/store/dialects/sqlite/sqlite-adapter.ts';
import { openSqliteBulkWriter } from '../src/store/dialects/sqlite/sqlite-bulk-writer.ts';
import { openStore } from '../src/store/open-store.ts';
import { writeSyntheticRecord } from './synthetic-record.ts';

export const OUT_DIR = path.join(import.meta.dirname, 'out');
export const IMPORT_RATIO_TARGET = 2.0;
export const IMPORT_PEAK_MB_TARGET = 500;
const SEED = 20261123;

export interface SyntheticFiles {
  eventsCsv: string;
  partiesJson: string;
}

export interface ImportBenchResult {
  events: number;
  seconds: number;
  rowsPerSecond: number;
  peakMb: number;
  /** The sqlite3 shell's time, or undefined when sqlite3 is not installed. */
  sqlite3Seconds?: number;
  ratio?: number;
  /** The SQLite work alone (see timeSqliteWork), and its ratio to the sqlite3 shell. */
  sqliteWorkSeconds: number;
  sqliteWorkRatio?: number;
  /** Of that, what comes after the last row: links, indexes, full text and commit. */
  afterRowsSeconds: number;
  /** The database the import wrote, for the benchmarks that read it. */
  dbPath: string;
}

/** The record for N events under bench/out/, written once and reused while N and the seed stay. */
export async function syntheticRecord(events: number, log: (line: string) => void): Promise<SyntheticFiles> {
  const dir = path.join(OUT_DIR, `synthetic-${events}-${SEED}`);
  const files = { eventsCsv: path.join(dir, 'events.csv'), partiesJson: path.join(dir, 'parties.json') };
  // The marker is written last, so an interrupted run is never mistaken for a finished one.
  const done = path.join(dir, 'complete');
  if (fs.existsSync(done)) return files;
  log(`generating ${events.toLocaleString('en')} synthetic events in ${path.relative(process.cwd(), dir)} ...`);
  fs.rmSync(dir, { recursive: true, force: true });
  await writeSyntheticRecord(dir, events, SEED);
  fs.writeFileSync(done, '');
  return files;
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** Runs the CLI's import in a child that reports its own peak RSS (KiB) on the last line. */
async function timeCliImport(dbPath: string, files: SyntheticFiles): Promise<{ seconds: number; peakMb: number }> {
  removeDatabase(dbPath);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', dbPath, files.partiesJson, files.eventsCsv], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`the import exited with ${code}: ${stdout}`);
  const maxRssKb = Number(stdout.trim().split('\n').pop());
  return { seconds, peakMb: maxRssKb / 1024 };
}

function timeSqlite3(csv: string): number | undefined {
  if (spawnSync('sqlite3', ['-version']).error) return undefined;
  const db = path.join(OUT_DIR, 'sqlite3-baseline.db');
  removeDatabase(db);
  const script = [
    '.mode csv',
    `.import '${csv.replace(/'/g, "''")}' events`,
    "CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, content='events', tokenize='porter unicode61 remove_diacritics 2');",
    "INSERT INTO events_fts(events_fts) VALUES('rebuild');",
  ].join('\n');
  const started = performance.now();
  const run = spawnSync('sqlite3', ['-bail', db], { input: script, stdio: ['pipe', 'inherit', 'inherit'] });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`sqlite3 exited with ${run.status}`);
  removeDatabase(db);
  return seconds;
}

/**
 * The part of an import that is SQLite's alone: the rows of the database the import wrote,
 * copied in SQL into a new one with our schema, then the links, indexes and full-text index
 * built by the import's own bulk writer, and the commit. No JavaScript touches a row, so no
 * reader, however fast, makes an import into this schema quicker than this.
 */
async function timeSqliteWork(importedDb: string): Promise<{ seconds: number; afterRowsSeconds: number }> {
  const file = path.join(OUT_DIR, 'sqlite-work.db');
  removeDatabase(file);
  await (await openStore({ sqlitePath: file })).close();
  const database = new SqliteDatabase(file);
  try {
    database.pragma('journal_mode = DELETE');
    database.prepare('ATTACH ? AS imported').run(importedDb);
    const started = performance.now();
    database.exec('BEGIN');
    const writer = openSqliteBulkWriter(database, SQLITE_FULL_TEXT);
    database.exec('INSERT INTO events SELECT * FROM imported.events');
    const lastRow = performance.now();
    await writer.finish();
    database.exec('COMMIT');
    const done = performance.now();
    return { seconds: (done - started) / 1000, afterRowsSeconds: (done - lastRow) / 1000 };
  } finally {
    database.close();
    removeDatabase(file);
  }
}

export async function runImportBench(events: number, log: (line: string) => void = console.log): Promise<ImportBenchResult> {
  const files = await syntheticRecord(events, log);
  const dbPath = path.join(OUT_DIR, `import-${events}.db`);
  const ours = await timeCliImport(dbPath, files);
  const sqlite3Seconds = timeSqlite3(files.eventsCsv);
  const sqliteWork = await timeSqliteWork(dbPath);
  const result: ImportBenchResult = {
    events,
    seconds: ours.seconds,
    rowsPerSecond: events / ours.seconds,
    peakMb: ours.peakMb,
    sqlite3Seconds,
    ratio: sqlite3Seconds === undefined ? undefined : ours.seconds / sqlite3Seconds,
    sqliteWorkSeconds: sqliteWork.seconds,
    sqliteWorkRatio: sqlite3Seconds === undefined ? undefined : sqliteWork.seconds / sqlite3Seconds,
    afterRowsSeconds: sqliteWork.afterRowsSeconds,
    dbPath,
  };
  log(formatImportBench(result));
  return result;
}

export function formatImportBench(r: ImportBenchResult): string {
  const baseline =
    r.sqlite3Seconds === undefined
      ? 'sqlite3 shell not installed (apt-get install sqlite3): no ratio'
      : `sqlite3 shell ${r.sqlite3Seconds.toFixed(2)} s, ratio ${r.ratio!.toFixed(2)} (target <= ${IMPORT_RATIO_TARGET}); ` +
        `the SQLite work alone ${r.sqliteWorkSeconds.toFixed(2)} s, ${r.sqliteWorkRatio!.toFixed(2)} x the shell ` +
        `(${r.afterRowsSeconds.toFixed(2)} s of it after the last row)`;
  return `import: ${r.events.toLocaleString('en')} events in ${r.seconds.toFixed(2)} s, ${Math.round(r.rowsPerSecond).toLocaleString('en')} rows/s, peak ${r.peakMb.toFixed(0)} MB (target <= ${IMPORT_PEAK_MB_TARGET}); ${baseline}`;
}

const entry = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (entry && process.argv[2] === '--child') {
  const [dbPath, ...inputs] = process.argv.slice(3);
  const { main } = await import('../src/cli/main.ts');
  const code = await main(['node', 'pactwatch', '--db', dbPath!, '--empty', 'import', ...inputs]);
  process.stdout.write(`\n${process.resourceUsage().maxRSS}\n`);
  process.exitCode = code;
} else if (entry) {
  const i = process.argv.indexOf('--events');
  await runImportBench(i > 0 ? Number(process.argv[i + 1]) : 1_000_000);
}
