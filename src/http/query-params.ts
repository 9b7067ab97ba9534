// Query-string pieces shared by the list endpoints.
import { z } from 'zod';
import { MAX_ID_LENGTH } from '../domain/schemas.ts';

/**
 * Values one list filter may hold: each value becomes its own condition in the query, and a
 * thousand of them overflow SQLite's expression depth (a 500, found by the abuse suite).
 */
export const MAX_LIST_VALUES = 50;

/** A filter that may repeat (?area=a&area=b) or hold a comma list (?area=a,b). */
export function listParam<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(MAX_LIST_VALUES, `at most ${MAX_LIST_VALUES} values`))
    .optional();
}

export const idParams = z.object({ id: z.string().min(1).max(MAX_ID_LENGTH) });
