// `pactwatch restore FILE`: replaces the SQLite database named by --db with a snapshot made by
// `pactwatch backup`, after checking the snapshot (integrity, tables, change log). Does not
// open the target first, so a missing database is not created and loaded only to be replaced.
import type { Command } from 'commander';
import { restoreSqlite } from '../../store/backup.ts';
import { UsageError } from '../main.ts';
import { postgresGuidance } from './backup-command.ts';

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('replace the SQLite database with a snapshot made by `pactwatch backup` (stop the server first)')
    .argument('<file>', 'the snapshot')
    .action(async (file: string, _options, command: Command) => {
      const options = command.optsWithGlobals<{ db: string; databaseUrl?: string }>();
      if (options.databaseUrl ?? process.env.DATABASE_URL) throw new UsageError(postgresGuidance('restore', file));
      const restored = await restoreSqlite(file, options.db);
      process.stdout.write(`restored ${restored.file} from ${file} (${restored.changes} change-log entries verified)\n`);
    });
}
