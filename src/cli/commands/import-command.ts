import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { importPaths } from '../../io/import-records.ts';
import { inputFiles, totalBytes } from '../../io/record-reader.ts';
import { withStore } from '../open-cli-store.ts';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import JSON, CSV or folders of them; atomic (all or nothing), upserts by id')
    .argument('<paths...>', 'files (.json, kind.csv) or folders')
    .action(async (paths: string[], _options, command: Command) => {
      const files = inputFiles(paths);
      const bar = process.stderr.isTTY
        ? new SingleBar(
            { format: 'importing [{bar}] {percentage}% | {value}/{total} bytes | {eta}s left', stream: process.stderr },
            Presets.shades_classic,
          )
        : undefined;
      bar?.start(totalBytes(files), 0);
      try {
        const summary = await withStore(command, (store) => importPaths(store, files, { onBytes: (n) => bar?.increment(n) }));
        bar?.stop();
        const counts = Object.entries(summary.counts)
          .filter(([, n]) => n > 0)
          .map(([kind, n]) => `${n} ${kind}`);
        process.stdout.write(`imported ${counts.join(', ') || 'nothing'}\n`);
      } finally {
        bar?.stop();
      }
    });
}
