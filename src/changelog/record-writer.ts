// Single-record writes (create, replace, patch, delete), each in one transaction with its
// change-log entry. The chain lock is taken first (change-log.ts), so the If-Match compare
// below sees the latest committed record and no other write can slip in before ours commits:
// two editors can never silently overwrite each other.
import { sql, type Transaction } from 'kysely';
import { PactwatchError, type FieldProblem } from '../domain/errors.ts';
import { nestedPartyReferences, RECORD_SCHEMAS, type RecordTypes } from '../domain/schemas.ts';
import type { RecordKind } from '../domain/vocabulary.ts';
import type { Database } from '../store/database.ts';
import { upsert } from '../store/kysely-record-store.ts';
import { rowToEvent } from '../store/record-rows.ts';
import type { RecordStore } from '../store/record-store.ts';
import { etagOf } from './canonical-json.ts';
import { openChain, type Change } from './change-log.ts';

export interface Written<K extends RecordKind> {
  record: RecordTypes[K] | null;
  etag: string | null;
  change: Change;
}

type Trx = Transaction<Database>;

export class RecordWriter {
  constructor(private readonly store: RecordStore) {}

  create<K extends RecordKind>(kind: K, record: RecordTypes[K], actor: string): Promise<Written<K>> {
    return this.write(kind, record.id, actor, async (trx, current) => {
      if (current)
        throw new PactwatchError('conflict', `${singular(kind)} "${record.id}" already exists`, 409, [
          { field: 'id', message: 'already exists' },
        ]);
      await assertOutgoingReferences(trx, kind, record);
      return record;
    });
  }

  async replace<K extends RecordKind>(
    kind: K,
    id: string,
    record: RecordTypes[K],
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Written<K>> {
    if (record.id !== id)
      throw new PactwatchError('validation_failed', 'the id in the body differs from the id in the path', 400, [
        { field: 'id', message: `must be "${id}"` },
      ]);
    await this.precheck(kind, id, ifMatch);
    return this.write(kind, id, actor, async (trx, current) => {
      assertMatches(kind, id, current, ifMatch);
      await assertOutgoingReferences(trx, kind, record);
      return record;
    });
  }

  /** Top-level merge: the fields given replace the stored ones; the result must be a valid record. */
  async patch<K extends RecordKind>(
    kind: K,
    id: string,
    fields: Partial<RecordTypes[K]>,
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Written<K>> {
    await this.precheck(kind, id, ifMatch);
    return this.write(kind, id, actor, async (trx, current) => {
      const found = assertMatches(kind, id, current, ifMatch);
      const parsed = RECORD_SCHEMAS[kind].safeParse({ ...found, ...fields, id });
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
        throw new PactwatchError('validation_failed', 'the patched record is not valid', 400, details);
      }
      const record = parsed.data as RecordTypes[K];
      await assertOutgoingReferences(trx, kind, record);
      return record;
    });
  }

  async remove<K extends RecordKind>(kind: K, id: string, ifMatch: string | undefined, actor: string): Promise<Written<K>> {
    await this.precheck(kind, id, ifMatch);
    return this.write(kind, id, actor, async (trx, current) => {
      assertMatches(kind, id, current, ifMatch);
      await assertNotReferenced(trx, kind, id);
      return null;
    });
  }

  /**
   * A stale If-Match is refused before queueing for the chain lock, so colliding editors do
   * not hold up everyone's writes. Only a refusal is final here: a match is checked again
   * under the lock.
   */
  private async precheck(kind: RecordKind, id: string, ifMatch: string | undefined): Promise<void> {
    assertMatches(kind, id, await this.store.get(kind, id), ifMatch);
  }

  /** `decide` returns the new state (null deletes) or throws; the write and its entry commit together. */
  private async write<K extends RecordKind>(
    kind: K,
    id: string,
    actor: string,
    decide: (trx: Trx, current: RecordTypes[K] | undefined) => Promise<RecordTypes[K] | null>,
  ): Promise<Written<K>> {
    return this.store.db.transaction().execute(async (trx) => {
      const chain = await openChain(trx);
      const current = await readRecord(trx, kind, id);
      const next = await decide(trx, current);
      if (next === null)
        await trx
          .deleteFrom(kind as RecordKind)
          .where('id', '=', id)
          .execute();
      else await upsert(trx, kind, [next]);
      const change = await chain.append({
        actor,
        kind,
        record_id: id,
        action: next === null ? 'delete' : current ? 'update' : 'create',
        before: current ?? null,
        after: next,
      });
      return { record: next, etag: next === null ? null : etagOf(next), change };
    });
  }
}

function assertMatches<K extends RecordKind>(
  kind: K,
  id: string,
  current: RecordTypes[K] | undefined,
  ifMatch: string | undefined,
): RecordTypes[K] {
  if (ifMatch === undefined) {
    throw new PactwatchError('precondition_required', 'send If-Match with the ETag of the record you edited', 428, [
      { field: 'If-Match', message: 'required' },
    ]);
  }
  if (!current) throw new PactwatchError('not_found', `no ${singular(kind)} with id "${id}"`, 404);
  const etag = etagOf(current);
  const offered = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!offered.includes(etag)) {
    throw new PactwatchError(
      'precondition_failed',
      `${singular(kind)} "${id}" was changed since you read it; reload and redo your edit`,
      412,
      [{ field: 'If-Match', message: `the current ETag is ${etag}` }],
    );
  }
  return current;
}

async function readRecord<K extends RecordKind>(trx: Trx, kind: K, id: string): Promise<RecordTypes[K] | undefined> {
  if (kind === 'events') {
    const row = await trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (rowToEvent(row) as RecordTypes[K]) : undefined;
  }
  const row = await trx
    .selectFrom(kind as Exclude<RecordKind, 'events'>)
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? JSON.parse(row.data) : undefined;
}

/** The same references an import checks (kysely-record-store.ts), for one record. */
async function assertOutgoingReferences<K extends RecordKind>(trx: Trx, kind: K, record: RecordTypes[K]): Promise<void> {
  const refs: { field: string; target: 'parties' | 'agreements' | 'commitments'; id: string }[] = [];
  if (kind === 'commitments') {
    const c = record as RecordTypes['commitments'];
    refs.push({ field: 'agreement_id', target: 'agreements', id: c.agreement_id });
    refs.push({ field: 'obligor', target: 'parties', id: c.obligor });
    refs.push({ field: 'beneficiary', target: 'parties', id: c.beneficiary });
    for (const ref of nestedPartyReferences(kind, c)) refs.push({ ...ref, target: 'parties' });
  } else if (kind === 'parties') {
    for (const ref of nestedPartyReferences(kind, record as RecordTypes['parties'])) refs.push({ ...ref, target: 'parties' });
  } else if (kind === 'deliveries') {
    refs.push({ field: 'commitment_id', target: 'commitments', id: (record as RecordTypes['deliveries']).commitment_id });
  } else if (kind === 'agreements') {
    (record as RecordTypes['agreements']).parties.forEach((p, i) => refs.push({ field: `parties.${i}`, target: 'parties', id: p }));
  }
  const problems: FieldProblem[] = [];
  for (const ref of refs) {
    const found = await trx.selectFrom(ref.target).select('id').where('id', '=', ref.id).executeTakeFirst();
    if (!found) problems.push({ field: ref.field, message: `no ${singular(ref.target)} with id "${ref.id}"` });
  }
  if (problems.length) throw new PactwatchError('validation_failed', 'the record refers to records that do not exist', 400, problems);
}

/** Deleting a record others point to would leave them dangling: refuse with the referrers. */
async function assertNotReferenced(trx: Trx, kind: RecordKind, id: string): Promise<void> {
  const referrers: string[] = [];
  const byColumn = async (table: 'commitments' | 'deliveries', column: 'agreement_id' | 'obligor' | 'beneficiary' | 'commitment_id') => {
    const rows = await sql<{
      id: string;
    }>`SELECT id FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${id} ORDER BY id LIMIT 10`.execute(trx);
    referrers.push(...rows.rows.map((r) => `${singular(table)} "${r.id}" (${column})`));
  };
  // Agreements keep their party and event lists inside `data`; a LIKE narrows, parsing decides.
  const byAgreementList = async (field: 'parties' | 'event_ids') => {
    const rows = await trx.selectFrom('agreements').select(['id', 'data']).where('data', 'like', `%"${id}"%`).execute();
    for (const row of rows)
      if ((JSON.parse(row.data) as RecordTypes['agreements'])[field].includes(id)) referrers.push(`agreement "${row.id}" (${field})`);
  };
  if (kind === 'parties') {
    await byColumn('commitments', 'obligor');
    await byColumn('commitments', 'beneficiary');
    await byAgreementList('parties');
  } else if (kind === 'agreements') await byColumn('commitments', 'agreement_id');
  else if (kind === 'commitments') await byColumn('deliveries', 'commitment_id');
  else if (kind === 'events') await byAgreementList('event_ids');
  if (referrers.length) {
    throw new PactwatchError('conflict', `${singular(kind)} "${id}" is still referred to by ${referrers.join(', ')}`, 409);
  }
}

export function singular(kind: string): string {
  return kind === 'parties' ? 'party' : kind === 'deliveries' ? 'delivery' : kind.replace(/s$/, '');
}
