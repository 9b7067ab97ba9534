// Money on the dashboards: amounts converted to euros with the shipped exchange-rate table
// (data/exchange-rates.json, the same table `pactwatch report` uses), never guessed: a currency
// without a rate stays out of the euro totals and is named as unconverted.
import { deliveredToward, latestDelivered, type Figure } from '../../../src/domain/progress.ts';
import type { CommitmentView, Delivery } from '../api.ts';
import table from '../../../data/exchange-rates.json' with { type: 'json' };

export interface RateTable {
  base: string;
  date: string;
  source: { url: string; title: string | null };
  rates: Record<string, number>;
}

export const RATES: RateTable = table as RateTable;

/** `amount` of `currency` in euros, or null without a rate. */
export function toEur(amount: number, currency: string | null): number | null {
  if (currency === null) return null;
  const rate = currency === RATES.base ? 1 : RATES.rates[currency];
  return rate === undefined ? null : amount / rate;
}

export const deliveryStage = (d: Delivery): 'allocated' | 'delivered' =>
  (d as Delivery & { stage?: string }).stage === 'allocated' ? 'allocated' : 'delivered';

export interface CommitmentMoney {
  /** The promised amount in its own currency, null when the commitment promises no amount. */
  target: (Figure & { kind: 'amount' }) | null;
  committed: number;
  delivered: number;
  allocated: number;
  /** Euros; null when there is no amount or no rate for its currency. */
  eur: { committed: number; delivered: number; allocated: number } | null;
}

/** What a commitment promises in money and what is recorded against it, stage by stage. */
export function commitmentMoney(c: CommitmentView): CommitmentMoney {
  const target = (c.progress.targets.find((f) => f.kind === 'amount') as (Figure & { kind: 'amount' }) | undefined) ?? null;
  if (!target) return { target: null, committed: 0, delivered: 0, allocated: 0, eur: null };
  const deliveries = c.deliveries ?? [];
  const delivered = deliveredToward(target, c.progress.delivered);
  // Allocated is money set aside but not yet handed over: the latest allocated figure, and at
  // least what was delivered (what has been delivered was allocated first).
  const allocatedOnly = latestDelivered(deliveries.filter((d) => deliveryStage(d) === 'allocated'));
  const allocated = Math.max(delivered, deliveredToward(target, allocatedOnly));
  const rate = toEur(1, target.currency);
  return {
    target,
    committed: target.value,
    delivered,
    allocated,
    eur: rate === null ? null : { committed: target.value * rate, delivered: delivered * rate, allocated: allocated * rate },
  };
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let hit = formats.get(key);
  if (!hit) formats.set(key, (hit = new Intl.NumberFormat(locale, options)));
  return hit;
}

/** "€2bn", "C$3.02bn", "2 млрд €"; a plain number when the currency is not stated. */
export function formatMoney(value: number, currency: string | null, locale: string): string {
  const compact: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: value >= 1e9 ? 2 : 1 };
  if (!currency) return numberFormat(locale, compact).format(value);
  try {
    return numberFormat(locale, { ...compact, style: 'currency', currency }).format(value);
  } catch {
    return `${numberFormat(locale, compact).format(value)} ${currency}`;
  }
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A quantity with its unit: "6 F-16 aircraft". */
export function formatFigure(figure: Figure, locale: string): string {
  if (figure.kind === 'amount') return formatMoney(figure.value, figure.currency, locale);
  return figure.unit ? `${formatNumber(figure.value, locale)} ${figure.unit}` : formatNumber(figure.value, locale);
}
