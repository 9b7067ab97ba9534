// The dashboard's roll-ups, in euros and in counts, over every group (no top-N cut).
import type { CommitmentView } from '../api.ts';
import { commitmentMoney } from '../money/money.ts';
import { evidenceOf } from '../components/progress-bar.tsx';

export const DIMENSIONS = ['obligor', 'area', 'agreement', 'year'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Group {
  key: string;
  count: number;
  byStatus: Record<string, number>;
  /** Euros, over the commitments whose amount could be converted. */
  committed: number;
  allocated: number;
  delivered: number;
  /** Commitments that promise an amount. */
  withAmount: number;
  /** Of those, the ones with any delivery recorded. */
  withEvidence: number;
  unconverted: Set<string>;
}

/** The year a commitment was made: its period start, else its agreement's signing. */
export function commitmentYear(c: CommitmentView, signed: ReadonlyMap<string, string>): string {
  return (c.period_start ?? signed.get(c.agreement_id) ?? c.due ?? '').slice(0, 4) || '—';
}

export function keyOf(dimension: Dimension, c: CommitmentView, signed: ReadonlyMap<string, string>): string {
  switch (dimension) {
    case 'obligor':
      return c.obligor;
    case 'area':
      return c.area;
    case 'agreement':
      return c.agreement_id;
    case 'year':
      return commitmentYear(c, signed);
  }
}

export function groupBy(items: readonly CommitmentView[], dimension: Dimension, signed: ReadonlyMap<string, string>): Group[] {
  const groups = new Map<string, Group>();
  for (const c of items) {
    const key = keyOf(dimension, c, signed);
    let g = groups.get(key);
    if (!g) {
      g = { key, count: 0, byStatus: {}, committed: 0, allocated: 0, delivered: 0, withAmount: 0, withEvidence: 0, unconverted: new Set() };
      groups.set(key, g);
    }
    g.count++;
    g.byStatus[c.status] = (g.byStatus[c.status] ?? 0) + 1;
    if (c.status === 'withdrawn') continue;
    const money = commitmentMoney(c);
    if (!money.target) continue;
    g.withAmount++;
    if (evidenceOf(c) !== 'none') g.withEvidence++;
    if (money.eur) {
      g.committed += money.eur.committed;
      g.allocated += money.eur.allocated;
      g.delivered += money.eur.delivered;
    } else g.unconverted.add(money.target.currency ?? '?');
  }
  return [...groups.values()];
}

export interface CurrencyTotal {
  currency: string;
  committed: number;
  delivered: number;
  commitments: number;
}

/** Totals in each currency as stated, for the rates table. */
export function currencyTotals(items: readonly CommitmentView[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const c of items) {
    if (c.status === 'withdrawn') continue;
    const money = commitmentMoney(c);
    if (!money.target) continue;
    const currency = money.target.currency ?? '?';
    const total = totals.get(currency) ?? { currency, committed: 0, delivered: 0, commitments: 0 };
    total.committed += money.committed;
    total.delivered += money.delivered;
    total.commitments++;
    totals.set(currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
