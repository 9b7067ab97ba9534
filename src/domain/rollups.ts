// Roll-ups of tracked commitments by one dimension. Totals stay per currency and per unit;
// a converted total exists only when an exchange-rate table is given, and lists the rates it
// used and the currencies it could not convert (those are left out of it, never guessed).
import type { TrackedCommitment } from './commitment-status.ts';
import { convert, type ExchangeRateTable, type RateUsed } from './money.ts';
import { deliveredToward, measureKey, type Measure } from './progress.ts';
import { COMMITMENT_STATUSES, type CommitmentStatus } from './vocabulary.ts';

export const ROLL_UP_DIMENSIONS = ['area', 'obligor', 'beneficiary', 'agreement'] as const;
export type RollUpDimension = (typeof ROLL_UP_DIMENSIONS)[number];

export type FigureTotal = Measure & {
  /** Sum of what the group's commitments promise in this currency or unit. */
  committed: number;
  /** Sum of what was delivered toward those promises (may exceed `committed`). */
  delivered: number;
  /** Sum of what was allocated (budgeted, contracted, announced) toward them, not yet delivered. */
  allocated: number;
  /** Reported in this currency or unit on commitments that promised nothing in it. */
  delivered_without_target: number;
};

export interface ConvertedTotal {
  currency: string;
  committed: number;
  delivered: number;
  rates: RateUsed[];
  /** Currencies of the group with no rate in the table; their amounts are not in the sums. */
  unconverted: string[];
}

export interface UpcomingDeadline {
  id: string;
  due: string;
  deadline: string;
  status: CommitmentStatus;
}

export interface RollUpGroup {
  key: string;
  label: string;
  commitments: number;
  by_status: Record<CommitmentStatus, number>;
  /** Commitments with no delivery of any stage recorded: unknown, not "nothing delivered". */
  without_evidence: number;
  totals: FigureTotal[];
  converted: ConvertedTotal | null;
  /** The nearest deadlines still open (pending or in progress), soonest first. */
  next_deadlines: UpcomingDeadline[];
}

export interface RollUpOptions {
  rates?: ExchangeRateTable | null;
  /** Display names for keys (party names, agreement titles); the key itself otherwise. */
  labels?: ReadonlyMap<string, string>;
  nextDeadlines?: number;
}

const KEY_OF: Record<RollUpDimension, (c: TrackedCommitment) => string> = {
  area: (c) => c.area,
  obligor: (c) => c.obligor,
  beneficiary: (c) => c.beneficiary,
  agreement: (c) => c.agreement_id,
};

/** One group per key, the largest first. */
export function rollUp(items: readonly TrackedCommitment[], by: RollUpDimension, options: RollUpOptions = {}): RollUpGroup[] {
  const groups = new Map<string, TrackedCommitment[]>();
  for (const item of items) {
    const key = KEY_OF[by](item);
    const members = groups.get(key);
    if (members) members.push(item);
    else groups.set(key, [item]);
  }
  return [...groups]
    .map(([key, members]) => summarize(key, members, options))
    .sort((a, b) => b.commitments - a.commitments || a.key.localeCompare(b.key));
}

export function summarize(key: string, items: readonly TrackedCommitment[], options: RollUpOptions = {}): RollUpGroup {
  const by_status = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
  const totals = new Map<string, FigureTotal>();
  const totalFor = (measure: Measure) => {
    const k = measureKey(measure);
    let total = totals.get(k);
    if (!total) {
      // Copies only the measure: `measure` may be a figure with a value of its own.
      const bare: Measure =
        measure.kind === 'amount' ? { kind: 'amount', currency: measure.currency } : { kind: 'quantity', unit: measure.unit };
      total = {
        ...bare,
        committed: 0,
        delivered: 0,
        allocated: 0,
        delivered_without_target: 0,
      };
      totals.set(k, total);
    }
    return total;
  };
  let without_evidence = 0;
  for (const item of items) {
    by_status[item.status] += 1;
    if (item.evidence === 'none') without_evidence += 1;
    const { targets, delivered, allocated } = item.progress;
    for (const target of targets) {
      const total = totalFor(target);
      total.committed += target.value;
      total.delivered += deliveredToward(target, delivered);
      total.allocated += deliveredToward(target, allocated ?? []);
    }
    const targetKeys = new Set(targets.map(measureKey));
    for (const figure of delivered) {
      if (!targetKeys.has(measureKey(figure))) totalFor(figure).delivered_without_target += figure.value;
    }
  }
  const sortedTotals = [...totals.values()].sort((a, b) => measureKey(a).localeCompare(measureKey(b)));
  const next_deadlines = items
    .filter((c) => c.deadline !== null && (c.status === 'pending' || c.status === 'in-progress'))
    .map((c) => ({
      id: c.id,
      due: c.due as string,
      deadline: c.deadline as string,
      status: c.status,
    }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
    .slice(0, options.nextDeadlines ?? 3);
  return {
    key,
    label: options.labels?.get(key) ?? key,
    commitments: items.length,
    by_status,
    without_evidence,
    totals: sortedTotals,
    converted: options.rates ? convertTotals(sortedTotals, options.rates) : null,
    next_deadlines,
  };
}

function convertTotals(totals: readonly FigureTotal[], table: ExchangeRateTable): ConvertedTotal {
  const converted: ConvertedTotal = {
    currency: table.base,
    committed: 0,
    delivered: 0,
    rates: [],
    unconverted: [],
  };
  for (const total of totals) {
    if (total.kind !== 'amount') continue;
    const committed = total.currency === null ? null : convert(total.committed, total.currency, table);
    const delivered = total.currency === null ? null : convert(total.delivered, total.currency, table);
    if (committed === null || delivered === null) {
      converted.unconverted.push(total.currency ?? '(no currency stated)');
      continue;
    }
    converted.committed += committed.value;
    converted.delivered += delivered.value;
    converted.rates.push(committed.rate);
  }
  return converted;
}
