// Reading the change log: the list behind GET /api/changes, and a record as it stood at a time.
import type { Kysely } from 'kysely';
import { PactwatchError } from '../domain/errors.ts';
import { dateSpan, isPartialDate } from '../domain/partial-date.ts';
import type { RecordTypes } from '../domain/schemas.ts';
import type { RecordKind } from '../domain/vocabulary.ts';
import type { Database } from '../store/database.ts';
import type { RecordStore } from '../store/record-store.ts';
import { ACCOUNTS_KIND, changeFromRow, type Change } from './change-log.ts';
import { auditDb } from './change-tables.ts';

export interface ChangeFilter {
  /** A seq (entries after it) or an ISO date or timestamp (entries at or after it). */
  since?: string;
  kind?: RecordKind;
  record_id?: string;
  limit?: number;
  /** Include account changes (kind `users`): for admins only. */
  accounts?: boolean;
}

export async function listChanges(db: Kysely<Database>, filter: ChangeFilter): Promise<{ items: Change[]; next: number | null }> {
  const limit = filter.limit ?? 100;
  let query = auditDb(db)
    .selectFrom('changes')
    .selectAll()
    .orderBy('seq')
    .limit(limit + 1);
  if (filter.since !== undefined) {
    query = /^\d+$/.test(filter.since)
      ? query.where('seq', '>', Number(filter.since))
      : query.where('at', '>=', instant(filter.since, 'start', 'since'));
  }
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (!filter.accounts) query = query.where((eb) => eb.or([eb('kind', 'is', null), eb('kind', '<>', ACCOUNTS_KIND)]));
  if (filter.record_id) query = query.where('record_id', '=', filter.record_id);
  const rows = await query.execute();
  const items = rows.slice(0, limit).map(changeFromRow);
  return { items, next: rows.length > limit ? items[items.length - 1]!.seq : null };
}

/**
 * The record as it stood at `asOf` (a date means the end of that day): the state after the
 * last logged change to it at or before then; failing that, the state before its first later
 * change; failing that, its current state, provided an import had happened by then: the case
 * of records imported before imports logged each record (change-log.ts), which have no entry.
 */
export async function recordAsOf<K extends RecordKind>(
  store: RecordStore,
  kind: K,
  id: string,
  asOf: string,
): Promise<RecordTypes[K] | undefined> {
  const at = instant(asOf, 'end', 'as_of');
  const changes = auditDb(store.db).selectFrom('changes').select(['before', 'after']).where('kind', '=', kind).where('record_id', '=', id);
  const last = await changes.where('at', '<=', at).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (last) return last.after === null ? undefined : JSON.parse(last.after);
  const next = await changes.where('at', '>', at).orderBy('seq').limit(1).executeTakeFirst();
  if (next) return next.before === null ? undefined : JSON.parse(next.before);
  const imported = await auditDb(store.db)
    .selectFrom('changes')
    .select('seq')
    .where('action', '=', 'import')
    .where('at', '<=', at)
    .limit(1)
    .executeTakeFirst();
  return imported ? store.get(kind, id) : undefined;
}

/** An ISO timestamp for a date (its first or last instant) or a full ISO date-time. */
function instant(text: string, edge: 'start' | 'end', field: string): string {
  if (isPartialDate(text)) {
    const span = dateSpan(text);
    return edge === 'start' ? `${span.start}T00:00:00.000Z` : `${span.end}T23:59:59.999Z`;
  }
  const time = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(time)) return new Date(time).toISOString();
  throw new PactwatchError('validation_failed', `${field} must be a date or an ISO timestamp`, 400, [
    { field, message: 'must be YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp' },
  ]);
}
