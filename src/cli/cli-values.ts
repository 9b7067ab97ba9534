// Parsers for flag values: a bad value is a usage error (exit 2) that names the flag.
import { InvalidArgumentError } from 'commander';
import { isPartialDate } from '../domain/partial-date.ts';

export function partialDateArg(value: string): string {
  if (!isPartialDate(value)) throw new InvalidArgumentError(`"${value}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`);
  return value;
}

export function positiveIntArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of at least 1`);
  return n;
}

/** Lets a flag repeat (--area a --area b) or take a comma list. */
export function collectArg(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}
