// The change log: every write appends an entry in the same transaction as the write itself.
// Entries form a hash chain (hash = sha256(prev_hash + canonical entry)), so editing or
// deleting an entry anywhere breaks the chain at that point; see verify-chain.ts.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RecordKind } from '../domain/vocabulary.ts';
import type { Database } from '../store/database.ts';
import type { RecordBatch } from '../store/record-store.ts';
import { auditDb, type AuditDatabase, type ChangesTable } from './change-tables.ts';
import { sha256 } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);
export const CHANGE_ACTIONS = ['create', 'update', 'delete', 'import'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** An entry as the API shows it: before and after are parsed back into objects. */
export interface Change {
  seq: number;
  at: string;
  actor: string;
  kind: string | null;
  record_id: string | null;
  action: ChangeAction;
  before: unknown;
  after: unknown;
}

export interface NewChange {
  actor: string;
  kind: RecordKind | null;
  record_id: string | null;
  action: ChangeAction;
  before: unknown;
  after: unknown;
}

/** What the hash covers: every column but the hash itself, in a fixed order. */
export function entryHash(row: Omit<ChangesTable, 'hash'>): string {
  return sha256(row.prev_hash + JSON.stringify([row.seq, row.at, row.actor, row.kind, row.record_id, row.action, row.before, row.after]));
}

export function changeFromRow(row: ChangesTable): Change {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    record_id: row.record_id,
    action: row.action as ChangeAction,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}

export class ChainWriter {
  constructor(
    private readonly trx: Kysely<AuditDatabase>,
    private head: { seq: number; hash: string },
  ) {}

  async append(change: NewChange): Promise<Change> {
    const unhashed = {
      seq: this.head.seq + 1,
      at: new Date().toISOString(),
      actor: change.actor,
      kind: change.kind,
      record_id: change.record_id,
      action: change.action,
      // Stored as written (records are in their schema's key order); the hash covers this text.
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
      prev_hash: this.head.hash,
    };
    const row = { ...unhashed, hash: entryHash(unhashed) };
    await this.trx.insertInto('changes').values(row).execute();
    await this.trx.updateTable('change_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
    this.head = { seq: row.seq, hash: row.hash };
    return changeFromRow(row);
  }
}

/**
 * Takes the chain lock and returns a writer for this transaction. The first statement is an
 * UPDATE of the head row: on PostgreSQL it row-locks the head until commit, on SQLite it takes
 * the database write lock at once (a read first could not upgrade when another writer got in).
 * So every writer sees the latest head and the latest records, and no two writers interleave.
 */
export async function openChain(trx: Transaction<Database>): Promise<ChainWriter> {
  const db = auditDb(trx);
  await db
    .updateTable('change_head')
    .set({ seq: sql`seq` })
    .where('id', '=', 1)
    .execute();
  const head = await db.selectFrom('change_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return new ChainWriter(db, head);
}

/**
 * An import is logged as one summary entry (counts and a sha256 over each batch's kind and its
 * records as a JSON array, in import order) rather than one entry per record: a 1M-event
 * import stays a bulk write.
 * The cost is that `as_of` sees imported states at the granularity of imports (as-of.ts).
 */
export async function startImportLog(trx: Transaction<Database>, actor = 'import') {
  const chain = await openChain(trx);
  const digest = createHash('sha256');
  return {
    add(batch: RecordBatch): void {
      digest.update(batch.kind);
      digest.update(batch.json ?? JSON.stringify(batch.records));
    },
    finish(counts: Record<RecordKind, number>): Promise<Change> {
      return chain.append({
        actor,
        kind: null,
        record_id: null,
        action: 'import',
        before: null,
        after: { counts, sha256: digest.digest('hex') },
      });
    },
  };
}

/**
 * The head's seq and hash: a version of the whole record that every write moves on. The hash
 * tells apart two histories that reach the same seq (a restored backup written on again).
 */
export async function recordVersionKey(db: Kysely<Database>): Promise<string> {
  const head = await auditDb(db).selectFrom('change_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return `${head.seq}:${head.hash}`;
}

/**
 * Ids of the records of `kind` written after the entry a version names (see recordVersionKey).
 * Undefined when that entry is not in this log's history (a restored backup), or when more than
 * `max` entries, or an import (logged as one entry without ids), came after it.
 */
export async function recordsWrittenSince(
  db: Kysely<Database>,
  version: string,
  kind: RecordKind,
  max: number,
): Promise<Set<string> | undefined> {
  const [seqText, hash] = version.split(':');
  const seq = Number(seqText);
  const audit = auditDb(db);
  const entry = await audit.selectFrom('changes').select('hash').where('seq', '=', seq).executeTakeFirst();
  if (seq > 0 && entry?.hash !== hash) return undefined;
  const entries = await audit
    .selectFrom('changes')
    .select(['kind', 'record_id'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(max + 1)
    .execute();
  if (entries.length > max || entries.some((e) => e.record_id === null)) return undefined;
  return new Set(entries.filter((e) => e.kind === kind).map((e) => e.record_id!));
}
