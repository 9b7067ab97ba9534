// Amounts stay in the currency the source states. Converting to a common currency is only
// done with an exchange-rate table that names its source and date, so every converted total
// can say which rate it used; a currency missing from the table stays unconverted.
import { z } from 'zod';
import { partialDateSchema } from './schemas.ts';

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');

export const exchangeRateTableSchema = z.object({
  /** The currency every rate is quoted against: 1 base = rate units of the other currency. */
  base: currencyCode,
  /** The day the rates were published for. */
  date: partialDateSchema,
  source: z.object({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    title: z.string().nullable().default(null),
  }),
  note: z.string().nullable().default(null),
  rates: z.record(currencyCode, z.number().positive('must be a positive number')),
});
export type ExchangeRateTable = z.output<typeof exchangeRateTableSchema>;

export interface RateUsed {
  currency: string;
  /** Units of `currency` per 1 unit of the table's base. */
  rate: number;
  date: string;
  source: string;
}

export interface Conversion {
  value: number;
  rate: RateUsed;
}

/** `amount` in `currency` expressed in the table's base, or null when the table has no rate. */
export function convert(amount: number, currency: string, table: ExchangeRateTable): Conversion | null {
  const rate = currency === table.base ? 1 : table.rates[currency];
  if (rate === undefined) return null;
  return {
    value: amount / rate,
    rate: { currency, rate, date: table.date, source: table.source.url },
  };
}
