// The second half of `pactwatch audit verify`: the chain proves the log was not edited, this
// proves the record is what the log says. Every stored record must equal the after-state of
// the last entry the log holds for it, and every record the log says exists must be stored.
// So a direct `UPDATE events SET title = ...`, `DELETE FROM events` or an INSERT behind
// Pactwatch's back is found, naming the record (and the field that differs).
import { sql, type Kysely } from 'kysely';
import { RECORD_KINDS, type RecordKind } from '../domain/vocabulary.ts';
import type { Database, EventsTable } from '../store/database.ts';
import { rowToEvent } from '../store/record-rows.ts';
import type { RecordStore } from '../store/record-store.ts';
import { canonicalJson } from './canonical-json.ts';
import { openChain } from './change-log.ts';
import { auditDb } from './change-tables.ts';

export type StateReport = { ok: true; records: number } | { ok: false; records: number; kind: RecordKind; id: string; problem: string };

const PAGE = 500;

interface LastEntry {
  record_id: string;
  seq: number;
  after: string | null;
}

/** The last entry for each of these records. */
async function lastEntries(db: Kysely<Database>, kind: RecordKind, ids: string[]): Promise<Map<string, LastEntry>> {
  const rows = await sql<LastEntry>`
    SELECT c.record_id, c.seq, c.after FROM changes c
    WHERE c.kind = ${kind} AND c.record_id IN (${sql.join(ids)})
      AND c.seq = (SELECT max(l.seq) FROM changes l WHERE l.kind = c.kind AND l.record_id = c.record_id)`.execute(db);
  return new Map(rows.rows.map((r) => [r.record_id, { ...r, seq: Number(r.seq) }]));
}

/** Top-level fields whose values differ. */
function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
}

/** Every stored record of a kind, in pages by id, read through `db` (a transaction, maybe). */
async function* pages(db: Kysely<Database>, kind: RecordKind): AsyncIterable<{ id: string }[]> {
  for (let after = ''; ;) {
    const rows = await db.selectFrom(kind).selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (rows.length)
      yield rows.map((row) => (kind === 'events' ? rowToEvent(row as EventsTable) : JSON.parse((row as { data: string }).data)));
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

export async function verifyState(store: RecordStore): Promise<StateReport> {
  let records = 0;
  for (const kind of RECORD_KINDS) {
    for await (const page of pages(store.db, kind)) {
      const last = await lastEntries(
        store.db,
        kind,
        page.map((r) => r.id),
      );
      for (const record of page) {
        const entry = last.get(record.id);
        const fail = (problem: string): StateReport => ({ ok: false, records, kind, id: record.id, problem });
        if (!entry)
          return fail(
            `${kind}/${record.id} is stored but the change log has no entry for it (written behind Pactwatch's back, or imported before imports logged each record: then run \`pactwatch audit baseline\` once)`,
          );
        if (entry.after === null) return fail(`${kind}/${record.id} is stored but its last entry (${entry.seq}) deleted it`);
        const logged = JSON.parse(entry.after) as Record<string, unknown>;
        if (canonicalJson(logged) !== canonicalJson(record)) {
          const fields = differingFields(logged, record as Record<string, unknown>);
          return fail(`${kind}/${record.id} differs from its last entry (${entry.seq}) in ${fields.join(', ') || 'its content'}`);
        }
        records++;
      }
    }
    const missing = await loggedButMissing(store.db, kind);
    if (missing)
      return {
        ok: false,
        records,
        kind,
        id: missing.record_id,
        problem: `${kind}/${missing.record_id} is missing: its last entry (${missing.seq}) says it exists`,
      };
  }
  return { ok: true, records };
}

/** A record whose last entry has an after-state but which is not stored. */
async function loggedButMissing(db: Kysely<Database>, kind: RecordKind): Promise<LastEntry | undefined> {
  const row = await sql<LastEntry>`
    SELECT c.record_id, c.seq, c.after FROM changes c
    WHERE c.kind = ${kind} AND c.after IS NOT NULL
      AND c.seq = (SELECT max(l.seq) FROM changes l WHERE l.kind = c.kind AND l.record_id = c.record_id)
      AND NOT EXISTS (SELECT 1 FROM ${sql.table(kind)} r WHERE r.id = c.record_id)
    ORDER BY c.seq LIMIT 1`.execute(db);
  return row.rows[0];
}

/**
 * For a database whose records were imported before imports logged each record: logs a
 * `create` for every stored record that has no entry at all, so that `audit verify` can hold
 * them to account from now on. A record that has entries is never touched: this cannot hide a
 * change made behind the log's back to a record the log knows.
 */
export async function baselineState(store: RecordStore, actor = 'baseline'): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const chain = await openChain(trx);
    let logged = 0;
    for (const kind of RECORD_KINDS) {
      for await (const page of pages(trx, kind)) {
        const known = await auditDb(trx)
          .selectFrom('changes')
          .select('record_id')
          .distinct()
          .where('kind', '=', kind)
          .where(
            'record_id',
            'in',
            page.map((r) => r.id),
          )
          .execute();
        const seen = new Set(known.map((r) => r.record_id));
        const unlogged = page.filter((r) => !seen.has(r.id));
        await chain.appendMany(unlogged.map((r) => ({ actor, kind, record_id: r.id, action: 'create', before: null, after: r })));
        logged += unlogged.length;
      }
    }
    return logged;
  });
}
