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
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

/** A value from a closed list; repeated or comma-separated values are collected. */
export function oneOfArg(allowed: readonly string[], what: string) {
  return (value: string, previous?: string[]): string[] => {
    const values = collectArg(value, previous);
    const bad = values.find((v) => !allowed.includes(v));
    if (bad) throw new InvalidArgumentError(`"${bad}" is not a known ${what}; one of: ${allowed.join(', ')}`);
    return values;
  };
}

/** A single value from a closed list. */
export function choiceArg(allowed: readonly string[], what: string) {
  return (value: string): string => {
    if (!allowed.includes(value)) throw new InvalidArgumentError(`"${value}" is not a known ${what}; one of: ${allowed.join(', ')}`);
    return value;
  };
}
