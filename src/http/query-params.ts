// Query-string pieces shared by the list endpoints.
import { z } from 'zod';

/** A filter that may repeat (?area=a&area=b) or hold a comma list (?area=a,b). */
export function listParam<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item))
    .optional();
}

export const idParams = z.object({ id: z.string().min(1).max(200) });
