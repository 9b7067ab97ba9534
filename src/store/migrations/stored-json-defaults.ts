// For migrations that add fields to the kinds stored as JSON `data`.
import { sql, type Kysely } from 'kysely';

const ROWS_PER_READ = 1000;

/**
 * Adds fields that stored JSON records lack, with their defaults, after the field `after`
 * (schema order). The defaults are spelled out by each migration, never taken from schemas.ts,
 * which may change later.
 */
export async function addDefaults(db: Kysely<any>, table: string, after: string, defaults: Record<string, unknown>): Promise<void> {
  for (let last = ''; ;) {
    const rows: { id: string; data: string }[] = await db
      .selectFrom(table)
      .select(['id', 'data'])
      .where('id', '>', last)
      .orderBy('id')
      .limit(ROWS_PER_READ)
      .execute();
    for (const row of rows) {
      const data = withDefaults(JSON.parse(row.data), after, defaults);
      if (data) await sql`UPDATE ${sql.table(table)} SET data = ${JSON.stringify(data)} WHERE id = ${row.id}`.execute(db);
    }
    if (rows.length < ROWS_PER_READ) break;
    last = rows[rows.length - 1]!.id;
  }
}

/** The record with the missing fields added after `after` (schema order), or null when none is missing. */
function withDefaults(record: Record<string, unknown>, after: string, defaults: Record<string, unknown>): Record<string, unknown> | null {
  const missing = Object.entries(defaults).filter(([key]) => !(key in record));
  if (missing.length === 0) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = value;
    if (key === after) Object.assign(out, Object.fromEntries(missing));
  }
  return after in record ? out : { ...out, ...Object.fromEntries(missing) };
}
