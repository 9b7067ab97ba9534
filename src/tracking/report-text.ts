// `pactwatch report` for people: the same numbers as the JSON, laid out to read.
import { COMMITMENT_STATUSES } from '../domain/vocabulary.ts';
import type { FigureTotal, RollUpGroup } from '../domain/rollups.ts';
import type { CommitmentReport } from './commitment-report.ts';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

const CURRENCY_SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥' };

/**
 * An amount of money rounded for reading: €2.1 bn, CAD 340 m, £52,000. The text report uses
 * it; `report --json` keeps the exact figures.
 */
export function formatMoney(amount: number, currency: string | null | undefined): string {
  const magnitude = Math.abs(amount);
  const figure =
    magnitude >= 1e9
      ? `${oneDecimal.format(amount / 1e9)} bn`
      : magnitude >= 1e6
        ? `${oneDecimal.format(amount / 1e6)} m`
        : whole.format(amount);
  if (!currency) return figure;
  const symbol = CURRENCY_SYMBOLS[currency];
  return symbol ? `${amount < 0 ? '-' : ''}${symbol}${figure.replace(/^-/, '')}` : `${currency} ${figure}`;
}

/** A total's figure: money rounded for reading, other quantities as they are. */
const figure = (total: FigureTotal, value: number) => (total.kind === 'amount' ? formatMoney(value, total.currency) : number.format(value));

function measureLabel(total: FigureTotal): string {
  return total.kind === 'amount' ? (total.currency ?? 'amount, no currency stated') : (total.unit ?? 'no unit stated');
}

function statusCounts(group: RollUpGroup): string {
  const counts = COMMITMENT_STATUSES.filter((s) => group.by_status[s] > 0).map((s) => `${group.by_status[s]} ${s}`);
  if (group.without_evidence > 0) counts.push(`${group.without_evidence} with no delivery recorded`);
  return counts.join(', ');
}

function groupLines(group: RollUpGroup): string[] {
  const lines = [`${group.label}: ${group.commitments} commitment${group.commitments === 1 ? '' : 's'} (${statusCounts(group)})`];
  for (const total of group.totals) {
    const parts = [];
    if (total.committed > 0 || total.delivered > 0)
      parts.push(`committed ${figure(total, total.committed)}, delivered ${figure(total, total.delivered)}`);
    if (total.allocated > 0) parts.push(`allocated ${figure(total, total.allocated)}`);
    if (total.delivered_without_target > 0) parts.push(`reported without a target ${figure(total, total.delivered_without_target)}`);
    lines.push(`    ${measureLabel(total)}: ${parts.join('; ')}`);
  }
  const converted = group.converted;
  if (converted && (converted.rates.length > 0 || converted.unconverted.length > 0)) {
    const rates = converted.rates
      .filter((r) => r.currency !== converted.currency)
      .map((r) => `1 ${converted.currency} = ${r.rate} ${r.currency}`);
    lines.push(
      `    in ${converted.currency}: committed ${formatMoney(converted.committed, converted.currency)}, delivered ${formatMoney(converted.delivered, converted.currency)}` +
        (rates.length ? ` (rates: ${rates.join(', ')})` : '') +
        (converted.unconverted.length ? `; not converted, no rate: ${converted.unconverted.join(', ')}` : ''),
    );
  }
  for (const next of group.next_deadlines) lines.push(`    next deadline ${next.deadline}: ${next.id} (${next.status})`);
  return lines;
}

export function formatReport(report: CommitmentReport): string {
  const rates = report.exchange_rates;
  const lines = [
    `Commitments as of ${report.today}`,
    rates
      ? `Converted amounts use the ${rates.base} rates of ${rates.date} from ${rates.source}`
      : 'Amounts are shown as stated, without conversion',
    '',
    ...groupLines(report.overall),
  ];
  for (const [dimension, groups] of Object.entries(report.by)) {
    lines.push('', `By ${dimension}`);
    for (const group of groups) lines.push(...groupLines(group).map((line) => `  ${line}`));
  }
  return lines.join('\n') + '\n';
}
