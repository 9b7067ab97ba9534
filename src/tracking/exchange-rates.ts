// The exchange-rate table: the one shipped in data/exchange-rates.json, or a user's own file.
import fs from 'node:fs';
import { packagePath } from '../package-root.ts';
import { PactwatchError } from '../domain/errors.ts';
import { exchangeRateTableSchema, type ExchangeRateTable } from '../domain/money.ts';

export const SHIPPED_RATES_FILE = packagePath('data', 'exchange-rates.json');

export function loadExchangeRates(file: string = SHIPPED_RATES_FILE): ExchangeRateTable {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PactwatchError('bad_request', `${file}: cannot read an exchange-rate table: ${(error as Error).message}`, 400);
  }
  const parsed = exchangeRateTableSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      file,
      field: issue.path.join('.') || '(file)',
      message: issue.message,
    }));
    throw new PactwatchError(
      'validation_failed',
      `${file}: not a valid exchange-rate table (needs base, date, source.url and rates)`,
      400,
      details,
    );
  }
  return parsed.data;
}
