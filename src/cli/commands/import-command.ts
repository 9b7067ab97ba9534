import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { KindOutcome } from '../../changelog/change-log.ts';
import type { RecordKind } from '../../domain/vocabulary.ts';
import { importPaths } from '../../io/import-records.ts';
import { assertKnownEncoding } from '../../io/input-encoding.ts';
import { inputFiles, totalBytes } from '../../io/record-reader.ts';
import { UsageError } from '../main.ts';
import { withStore } from '../open-cli-store.ts';

/** Ids listed per kind and outcome in a dry run; the counts are always complete. */
const LISTED_IDS = 20;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import JSON, CSV or folders of them; atomic (all or nothing), upserts by id')
    .argument('<paths...>', 'files (.json, kind.csv) or folders')
    .option('--dry-run', 'check everything and print what would be created, changed and left alone; write nothing')
    .option('--encoding <name>', 'the input is in this encoding (e.g. windows-1252, utf-16le), not UTF-8; it is converted')
    .action(async (paths: string[], options: { dryRun?: boolean; encoding?: string }, command: Command) => {
      if (options.encoding) {
        try {
          assertKnownEncoding(options.encoding);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
      }
      const files = inputFiles(paths);
      const bar = process.stderr.isTTY
        ? new SingleBar(
            { format: 'importing [{bar}] {percentage}% | {value}/{total} bytes | {eta}s left', stream: process.stderr },
            Presets.shades_classic,
          )
        : undefined;
      bar?.start(totalBytes(files), 0);
      try {
        const summary = await withStore(command, (store) =>
          importPaths(store, files, { onBytes: (n) => bar?.increment(n), dryRun: options.dryRun, encoding: options.encoding }),
        );
        bar?.stop();
        if (options.dryRun) {
          process.stdout.write(dryRunReport(summary.outcome));
          return;
        }
        const counts = Object.entries(summary.counts)
          .filter(([, n]) => n > 0)
          .map(([kind, n]) => `${n} ${kind}`);
        const changes = Object.values(summary.outcome).reduce(
          (sum, o) => ({ created: sum.created + o.created, changed: sum.changed + o.changed, unchanged: sum.unchanged + o.unchanged }),
          { created: 0, changed: 0, unchanged: 0 },
        );
        process.stdout.write(
          `imported ${counts.join(', ') || 'nothing'}` +
            (counts.length ? ` (${changes.created} created, ${changes.changed} changed, ${changes.unchanged} unchanged)` : '') +
            '\n',
        );
      } finally {
        bar?.stop();
      }
    });
}

function dryRunReport(outcome: Record<RecordKind, KindOutcome>): string {
  const lines = ['dry run: nothing was written'];
  for (const [kind, o] of Object.entries(outcome)) {
    if (o.created + o.changed + o.unchanged === 0) continue;
    lines.push(`${kind}: ${o.created} would be created, ${o.changed} changed, ${o.unchanged} left alone`);
    for (const [label, ids, count] of [
      ['create', o.created_ids, o.created],
      ['change', o.changed_ids, o.changed],
    ] as const) {
      if (count === 0) continue;
      const more = count > LISTED_IDS ? ` (and ${count - LISTED_IDS} more)` : '';
      lines.push(`  ${label}: ${ids.slice(0, LISTED_IDS).join(', ')}${more}`);
    }
  }
  return lines.join('\n') + '\n';
}
