// `pactwatch backup --out FILE`: a consistent online snapshot of the SQLite database, safe to
// take while a server is writing. PostgreSQL is backed up with its own tools: the command
// prints them and exits 2 rather than pretend (docs/reliability.md).
import type { Command } from 'commander';
import { backupSqlite } from '../../store/backup.ts';
import { UsageError } from '../main.ts';
import { withStore } from '../open-cli-store.ts';

export function postgresGuidance(action: 'backup' | 'restore', file: string): string {
  const quoted = JSON.stringify(file);
  return action === 'backup'
    ? `PostgreSQL is backed up with pg_dump, which takes a consistent snapshot while the server runs:\n  pg_dump --format=custom --file ${quoted} "$DATABASE_URL"`
    : `PostgreSQL is restored with pg_restore (stop the server first; this replaces every table):\n  pg_restore --clean --if-exists --no-owner --single-transaction --dbname "$DATABASE_URL" ${quoted}`;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write a consistent snapshot of the database to FILE (SQLite; prints pg_dump guidance for PostgreSQL)')
    .requiredOption('--out <file>', 'the snapshot file to write; must not exist yet')
    .action(async (options: { out: string }, command: Command) => {
      await withStore(command, async (store) => {
        if (store.dialect === 'postgres') throw new UsageError(postgresGuidance('backup', options.out));
        const snapshot = await backupSqlite(store, options.out);
        process.stdout.write(`backed up to ${snapshot.file} (${snapshot.bytes} bytes, ${snapshot.changes} change-log entries verified)\n`);
      });
    });
}
