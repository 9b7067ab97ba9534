// The commitments report: roll-ups by area, obligor, beneficiary and agreement, plus the total.
import type { ExchangeRateTable } from '../domain/money.ts';
import { todayIso } from '../domain/partial-date.ts';
import { ROLL_UP_DIMENSIONS, rollUp, summarize, type RollUpDimension, type RollUpGroup } from '../domain/rollups.ts';
import type { RecordStore } from '../store/record-store.ts';
import { listCommitmentsWithStatus } from './tracked-commitments.ts';

export interface CommitmentReport {
  today: string;
  /** The table converted totals use, or null when amounts are only shown as stated. */
  exchange_rates: { base: string; date: string; source: string } | null;
  overall: RollUpGroup;
  by: Record<RollUpDimension, RollUpGroup[]>;
}

/** `rates` null leaves every amount in its own currency. */
export async function buildReport(
  store: RecordStore,
  today: string = todayIso(),
  rates: ExchangeRateTable | null = null,
): Promise<CommitmentReport> {
  const [items, parties, agreements] = await Promise.all([
    listCommitmentsWithStatus(store, {}, today),
    store.list('parties'),
    store.list('agreements'),
  ]);
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const labels: Record<RollUpDimension, ReadonlyMap<string, string> | undefined> = {
    area: undefined,
    obligor: partyNames,
    beneficiary: partyNames,
    agreement: new Map(agreements.map((a) => [a.id, a.title])),
  };
  const by = Object.fromEntries(ROLL_UP_DIMENSIONS.map((d) => [d, rollUp(items, d, { rates, labels: labels[d] })])) as Record<
    RollUpDimension,
    RollUpGroup[]
  >;
  return {
    today,
    exchange_rates: rates && {
      base: rates.base,
      date: rates.date,
      source: rates.source.url,
    },
    overall: summarize('all', items, {
      rates,
      labels: new Map([['all', 'All commitments']]),
    }),
    by,
  };
}
