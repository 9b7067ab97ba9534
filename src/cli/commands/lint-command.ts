import type { Command } from 'commander';
import { lintRecord, type LintFinding } from '../../domain/record-lint.ts';
import { todayIso } from '../../domain/partial-date.ts';
import type { RecordSet } from '../../domain/schemas.ts';
import { PactwatchError, type FieldProblem } from '../../domain/errors.ts';
import { RECORD_KINDS } from '../../domain/vocabulary.ts';
import { invalidInput } from '../../io/import-records.ts';
import { inputFiles, readRecordBatches } from '../../io/record-reader.ts';
import { loadSourceTierTable } from '../../io/source-tier-table.ts';
import type { RecordStore } from '../../store/record-store.ts';
import { withStore } from '../open-cli-store.ts';

interface LintOptions {
  json?: boolean;
  strict?: boolean;
  tiers?: string;
  today?: string;
}

async function readFiles(paths: string[]): Promise<Partial<RecordSet>> {
  const problems: FieldProblem[] = [];
  const record: Partial<RecordSet> = {};
  for await (const batch of readRecordBatches(inputFiles(paths), problems)) {
    (record[batch.kind] ??= [] as never[]).push(...(batch.records as never[]));
  }
  if (problems.length) throw invalidInput(problems);
  return record;
}

async function readStore(store: RecordStore): Promise<Partial<RecordSet>> {
  const record: Partial<RecordSet> = {};
  for (const kind of RECORD_KINDS) record[kind] = (await store.list(kind)) as never[];
  return record;
}

function formatFinding(f: LintFinding): string {
  return `${f.severity.padEnd(7)} ${f.kind}/${f.id}${f.field ? ` ${f.field}` : ''}: ${f.message} [${f.rule}]\n`;
}

export function registerLint(program: Command): void {
  program
    .command('lint [path...]')
    .description('check the record (files, else the database) for weak or denied sources, notes, duplicates and misfiled pledges')
    .option('--json', 'print the findings as JSON')
    .option('--strict', 'fail on warnings too')
    .option('--tiers <file>', 'source-tier table (default: data/source-tiers.json)')
    .option('--today <date>', 'YYYY-MM-DD that decides what is past due (default: today)')
    .action(async (paths: string[], options: LintOptions, command: Command) => {
      const record = paths.length ? await readFiles(paths) : await withStore(command, readStore);
      const findings = lintRecord(record, { tiers: loadSourceTierTable(options.tiers), today: options.today ?? todayIso() });
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.length - errors;
      if (options.json) process.stdout.write(JSON.stringify({ errors, warnings, findings }, null, 2) + '\n');
      else {
        for (const finding of findings) process.stdout.write(formatFinding(finding));
        process.stdout.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
      }
      if (errors > 0 || (options.strict && warnings > 0)) {
        const failing = options.strict ? `${errors} error(s) and ${warnings} warning(s)` : `${errors} error(s)`;
        throw new PactwatchError('validation_failed', `lint: ${failing} in the record`, 400);
      }
    });
}
