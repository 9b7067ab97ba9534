import type { Command } from 'commander';
import { verifyChain } from '../../changelog/verify-chain.ts';
import { PactwatchError } from '../../domain/errors.ts';
import { withStore } from '../open-cli-store.ts';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the change log');
  audit
    .command('verify')
    .description("recompute the change log's hash chain; exit 1 naming the first bad entry")
    .action(async (_options: unknown, command: Command) => {
      const report = await withStore(command, (store) => verifyChain(store));
      if (!report.ok) {
        throw new PactwatchError(
          'validation_failed',
          `change log broken at entry ${report.seq}: ${report.problem} (entries 1-${report.entries} verified)`,
          400,
          [{ record: `change ${report.seq}`, field: 'hash', message: report.problem }],
        );
      }
      process.stdout.write(`change log intact: ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'} verified\n`);
    });
}
