// How much of a commitment has been delivered, per currency or unit.
//
// A delivery's figure is read as the running total delivered as of its date, because that is
// how the sources report it ("had reached nearly €80 million", "in total 24 fighters",
// "the 6th Annual Target Plan"): where the record holds several figures for one commitment
// they are successive totals (NATO €20.9bn then €50bn; Interflex 30,000 then 34,000 trained),
// and adding them would count the same aid twice. So the delivered figure in a currency or
// unit is the latest report in it, never a sum, and figures in different currencies or units
// are never combined.
//
// Only deliveries at the `delivered` stage count toward progress; `allocated` ones (budgeted,
// contracted, announced as a package) are reported beside it, the way the Kiel tracker shows
// allocations next to deliveries.
import { compareDates } from './partial-date.ts';
import type { Commitment, Delivery } from './schemas.ts';

/** What a figure counts: money in a currency, or things in a unit. */
export type Measure = { kind: 'amount'; currency: string | null } | { kind: 'quantity'; unit: string | null };
export type Figure = Measure & { value: number };

export interface Progress {
  /** What was promised, as stated: an amount, a quantity, both, or neither. */
  targets: Figure[];
  /** The latest reported total in each currency and unit, whether or not it matches a target. */
  delivered: Figure[];
  /** The same for allocations (stage `allocated`): promised to a package or budget, not yet delivered. */
  allocated: Figure[];
  /** Delivered / target, the least advanced target when there are two; null without a target. */
  ratio: number | null;
}

type FigureFields = Pick<Commitment, 'amount' | 'currency' | 'quantity' | 'unit'>;

// Tolerates absent keys as well as nulls: records stored before a field existed lack it.
export function figuresOf(record: FigureFields): Figure[] {
  const figures: Figure[] = [];
  if (typeof record.amount === 'number') figures.push({ kind: 'amount', currency: record.currency ?? null, value: record.amount });
  if (typeof record.quantity === 'number') figures.push({ kind: 'quantity', unit: record.unit ?? null, value: record.quantity });
  return figures;
}

/**
 * Identifies what a figure counts, so that only like is compared with like. Units are
 * free text, so "F-16 aircraft" and "F-16  Aircraft" are the same unit.
 */
export function measureKey(measure: Measure): string {
  return measure.kind === 'amount'
    ? `amount:${measure.currency ?? ''}`
    : `quantity:${(measure.unit ?? '').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** The latest reported figure per currency and unit; at the same date the larger one. */
export function latestDelivered(deliveries: readonly Delivery[]): Figure[] {
  const latest = new Map<string, { date: string; figure: Figure }>();
  for (const delivery of deliveries) {
    for (const figure of figuresOf(delivery)) {
      const key = measureKey(figure);
      const seen = latest.get(key);
      const order = seen ? compareDates(delivery.date, seen.date) : 1;
      if (!seen || order > 0 || (order === 0 && figure.value > seen.figure.value)) {
        latest.set(key, { date: delivery.date, figure });
      }
    }
  }
  return [...latest.values()].map((entry) => entry.figure);
}

/** The delivered value in the target's currency or unit (0 when nothing was reported in it). */
export function deliveredToward(target: Measure, delivered: readonly Figure[]): number {
  const key = measureKey(target);
  return delivered.find((figure) => measureKey(figure) === key)?.value ?? 0;
}

/** A delivery at the delivered stage (records stored before stages existed lack the field). */
export function isDelivered(delivery: Delivery): boolean {
  return (delivery.stage ?? 'delivered') === 'delivered';
}

/** Least advanced target's ratio; null without a target. */
function ratioOf(targets: readonly Figure[], delivered: readonly Figure[]): number | null {
  // A promise of zero is met by anything, including nothing.
  const ratios = targets.map((target) => (target.value === 0 ? 1 : deliveredToward(target, delivered) / target.value));
  return ratios.length === 0 ? null : Math.min(...ratios);
}

/** Progress toward `targets` of `deliveries` (all counted: the caller picks them). */
export function progressToward(targets: Figure[], deliveries: readonly Delivery[]): Progress {
  const delivered = latestDelivered(deliveries.filter(isDelivered));
  return {
    targets,
    delivered,
    allocated: latestDelivered(deliveries.filter((d) => !isDelivered(d))),
    ratio: ratioOf(targets, delivered),
  };
}

/** Figures summed per currency and unit over several progresses (the periods of a schedule). */
export function sumProgress(parts: readonly Progress[]): Progress {
  const sum = (pick: (p: Progress) => Figure[]) => {
    const totals = new Map<string, Figure>();
    for (const figure of parts.flatMap(pick)) {
      const key = measureKey(figure);
      const seen = totals.get(key);
      totals.set(key, seen ? { ...seen, value: seen.value + figure.value } : figure);
    }
    return [...totals.values()];
  };
  const targets = sum((p) => p.targets);
  const delivered = sum((p) => p.delivered);
  return { targets, delivered, allocated: sum((p) => p.allocated), ratio: ratioOf(targets, delivered) };
}

/**
 * `deliveries` are the commitment's own; others are ignored. For a commitment with a schedule
 * use trackCommitment (commitment-status.ts), which sums its periods.
 */
export function commitmentProgress(commitment: Commitment, deliveries: readonly Delivery[]): Progress {
  return progressToward(
    figuresOf(commitment),
    deliveries.filter((d) => d.commitment_id === commitment.id),
  );
}

const plain = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function describeFigure(figure: Figure): string {
  const label = figure.kind === 'amount' ? figure.currency : figure.unit;
  return label === null ? plain.format(figure.value) : `${plain.format(figure.value)} ${label}`;
}

/** One line for calendars and timelines, e.g. "6 of 19 F-16 aircraft delivered (32%)". */
export function describeProgress(progress: Progress): string {
  const toward = progress.targets.map((target) => {
    const got = deliveredToward(target, progress.delivered);
    const percent = target.value === 0 ? '' : ` (${Math.round((got / target.value) * 100)}%)`;
    return `${describeFigure({ ...target, value: got })} of ${describeFigure(target)} delivered${percent}`;
  });
  const targetKeys = new Set(progress.targets.map(measureKey));
  const other = progress.delivered.filter((f) => !targetKeys.has(measureKey(f))).map(describeFigure);
  if (other.length > 0) toward.push(`reported: ${other.join(', ')}`);
  const allocated = (progress.allocated ?? []).map(describeFigure);
  if (allocated.length > 0) toward.push(`allocated: ${allocated.join(', ')}`);
  return toward.length > 0 ? toward.join('; ') : 'no amount or quantity promised';
}
