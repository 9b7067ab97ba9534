import type { Command } from 'commander';
import { describeTracked } from '../../domain/commitment-status.ts';
import { listCommitmentsWithStatus } from '../../tracking/tracked-commitments.ts';
import type { Area, CommitmentStatus } from '../../domain/vocabulary.ts';
import { AREAS, COMMITMENT_STATUSES } from '../../domain/vocabulary.ts';
import { choiceArg } from '../cli-values.ts';
import { withStore } from '../open-cli-store.ts';

export function registerCommitments(program: Command): void {
  program
    .command('commitments')
    .description('list commitments with their status and progress')
    .option('--status <status>', `one of ${COMMITMENT_STATUSES.join(', ')}`, choiceArg(COMMITMENT_STATUSES, 'status'))
    .option('--party <id>', 'obligor or beneficiary (party id)')
    .option('--area <area>', 'area', choiceArg(AREAS, 'area'))
    .option('--json', 'print JSON')
    .action(async (options: { status?: CommitmentStatus; party?: string; area?: Area; json?: boolean }, command: Command) => {
      const items = await withStore(command, (store) =>
        listCommitmentsWithStatus(store, { status: options.status, party: options.party, area: options.area }),
      );
      if (options.json) {
        process.stdout.write(JSON.stringify(items, null, 2) + '\n');
        return;
      }
      for (const c of items) {
        const progress = c.progress.targets.length || c.evidence === 'none' ? ` (${describeTracked(c)})` : '';
        process.stdout.write(
          `${c.status.padEnd(11)} ${(c.deadline ?? '').padEnd(10)} ${c.obligor} -> ${c.beneficiary}: ${c.description.slice(0, 80)}${progress}  [${c.id}]\n`,
        );
      }
      process.stdout.write(`${items.length} commitment${items.length === 1 ? '' : 's'}\n`);
    });
}
