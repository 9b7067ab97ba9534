import type { Command } from 'commander';
import { recordVersionKey } from '../../changelog/change-log.ts';
import { parseHead, verifyChain } from '../../changelog/verify-chain.ts';
import { baselineState, verifyState } from '../../changelog/verify-state.ts';
import { PactwatchError } from '../../domain/errors.ts';
import { UsageError } from '../main.ts';
import { withStore } from '../open-cli-store.ts';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the change log');
  audit
    .command('verify')
    .description(
      "recompute the change log's hash chain (an HMAC when PACTWATCH_AUDIT_KEY is set) and check every stored record against its last entry; exit 1 naming the first problem",
    )
    .option('--head <seq:hash>', 'a head printed earlier by `audit head`: the log must still hold that entry unchanged')
    .action(async (options: { head?: string }, command: Command) => {
      const head = options.head === undefined ? undefined : parseHead(options.head);
      if (options.head !== undefined && !head)
        throw new UsageError(`--head must be SEQ:HASH as \`audit head\` prints it, not "${options.head}"`);
      const [chain, state] = await withStore(command, async (store) => {
        const chain = await verifyChain(store, { head });
        return [chain, chain.ok ? await verifyState(store) : undefined] as const;
      });
      if (!chain.ok) {
        throw new PactwatchError(
          'validation_failed',
          `change log broken at entry ${chain.seq}: ${chain.problem} (entries 1-${chain.entries} verified)`,
          400,
          [{ record: `change ${chain.seq}`, field: 'hash', message: chain.problem }],
        );
      }
      if (state && !state.ok) {
        throw new PactwatchError('validation_failed', `the record does not match the change log: ${state.problem}`, 400, [
          { record: `${state.kind}/${state.id}`, field: '(record)', message: state.problem },
        ]);
      }
      process.stdout.write(
        `change log intact: ${chain.entries} entr${chain.entries === 1 ? 'y' : 'ies'} verified; ${state?.ok ? state.records : 0} stored records match it\n`,
      );
    });
  audit
    .command('head')
    .description('print the head of the change log (SEQ:HASH); keep it elsewhere and pass it to `audit verify --head`')
    .action(async (_options: unknown, command: Command) => {
      process.stdout.write(`${await withStore(command, (store) => recordVersionKey(store.db))}\n`);
    });
  audit
    .command('baseline')
    .description(
      'log every stored record that has no entry yet (records imported before imports logged each record); run once after upgrading',
    )
    .action(async (_options: unknown, command: Command) => {
      const logged = await withStore(command, (store) => baselineState(store));
      process.stdout.write(`logged ${logged} record${logged === 1 ? '' : 's'} that had no entry\n`);
    });
}
