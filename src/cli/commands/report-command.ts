import type { Command } from 'commander';
import { buildReport } from '../../tracking/commitment-report.ts';
import { loadExchangeRates } from '../../tracking/exchange-rates.ts';
import { formatReport } from '../../tracking/report-text.ts';
import { withStore } from '../open-cli-store.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('roll-ups of commitments by area, obligor, beneficiary and agreement')
    .option('--rates <file>', 'exchange-rate table for EUR totals (default: the shipped ECB table)')
    .option('--no-convert', 'show amounts only in their own currencies')
    .option('--json', 'print JSON')
    .action(async (options: { rates?: string; convert: boolean; json?: boolean }, command: Command) => {
      const rates = options.convert ? loadExchangeRates(options.rates) : null;
      const report = await withStore(command, (store) => buildReport(store, undefined, rates));
      process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
    });
}
