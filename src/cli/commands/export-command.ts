import fs from 'node:fs';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { withStore } from '../open-cli-store.ts';
import { UsageError } from '../main.ts';
import { EXPORT_FORMATS } from './export-formats.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the record')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(EXPORT_FORMATS)).default('json'))
    .option('--out <path>', 'output file (a folder for csv); standard output when omitted')
    .option('--input <file>', 'claimreview: the text to check (standard input when omitted)')
    .option('--url <url>', 'claimreview: the page that publishes the reviews')
    .action(async (options: { format: string; out?: string; input?: string; url?: string }, command: Command) => {
      const format = EXPORT_FORMATS[options.format]!;
      if (format.needsOut && !options.out) throw new UsageError(`--format ${options.format} writes files: give --out PATH`);
      const report = await withStore(command, async (store) => {
        if (format.toPath) return format.toPath(store, options.out!);
        const out = options.out ? fs.createWriteStream(options.out) : process.stdout;
        const written = await format.toStream!(store, out, options);
        if (out !== process.stdout) {
          out.end();
          await once(out, 'finish');
        }
        return written;
      });
      // On standard error, so that what goes to standard output is the export alone.
      for (const { file, what } of report.wrote)
        process.stderr.write(`wrote ${file ?? options.out ?? 'standard output'} (${format.label}): ${what}\n`);
      if (report.note) process.stderr.write(`pactwatch: ${report.note}\n`);
    });
}
