// How much of a commitment has been delivered, per currency or unit.
//
// A delivery's figure is read as the running total delivered as of its date, because that is
// how the sources report it ("had reached nearly €80 million", "in total 24 fighters",
// "the 6th Annual Target Plan"): where the record holds several figures for one commitment
// they are successive totals (NATO €20.9bn then €50bn; Interflex 30,000 then 34,000 trained),
// and adding them would count the same aid twice. So the delivered figure in a currency or
// unit is the latest report in it, never a sum, and figures in different currencies or units
// are never combined.
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

/** `deliveries` are the commitment's own; others are ignored. */
export function commitmentProgress(commitment: Commitment, deliveries: readonly Delivery[]): Progress {
  const targets = figuresOf(commitment);
  const delivered = latestDelivered(deliveries.filter((d) => d.commitment_id === commitment.id));
  const ratios = targets.map((target) =>
    // A promise of zero is met by anything, including nothing.
    target.value === 0 ? 1 : deliveredToward(target, delivered) / target.value,
  );
  return {
    targets,
    delivered,
    ratio: ratios.length === 0 ? null : Math.min(...ratios),
  };
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
  return toward.length > 0 ? toward.join('; ') : 'no amount or quantity promised';
}
