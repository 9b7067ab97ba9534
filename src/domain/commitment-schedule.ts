// The periods of a recurring commitment ("£3 bn a year", "0.25% of GDP a year"): what each
// promises and which deliveries count toward it.
//
// A delivery counts toward the period whose span (period_start to the end of due) holds the
// start of its date. One dated after every period it could belong to counts toward the last
// period begun by then (a late delivery); one dated before the first period, toward the first.
// Within a period a delivery's figure is read as the period's running total, as the sources
// report yearly aid ("in 2024 the UK provided £3 bn").
import { dateSpan } from './partial-date.ts';
import { figuresOf, type Figure } from './progress.ts';
import type { Commitment, Delivery, SchedulePeriod } from './schemas.ts';

/** What a period promises, in the commitment's currency and unit. A share alone is no figure. */
export function periodTargets(commitment: Commitment, period: SchedulePeriod): Figure[] {
  return figuresOf({ amount: period.amount, currency: commitment.currency, quantity: period.quantity, unit: commitment.unit });
}

/** The index of the period a date counts toward; periods are in order of period_start. */
export function periodIndexOf(periods: readonly SchedulePeriod[], date: string): number {
  const day = dateSpan(date).start;
  let begun = 0;
  for (let i = 0; i < periods.length; i++) {
    const start = dateSpan(periods[i]!.period_start).start;
    if (day >= start && day <= dateSpan(periods[i]!.due).end) return i;
    if (day >= start) begun = i;
  }
  return begun;
}

/** The deliveries of each period, in the periods' order. */
export function assignToPeriods(periods: readonly SchedulePeriod[], deliveries: readonly Delivery[]): Delivery[][] {
  const assigned = periods.map((): Delivery[] => []);
  if (periods.length === 0) return assigned;
  for (const delivery of deliveries) assigned[periodIndexOf(periods, delivery.date)]!.push(delivery);
  return assigned;
}
