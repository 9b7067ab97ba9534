// The change log: every write appends an entry in the same transaction as the write itself.
// Entries form a hash chain (hash = sha256(prev_hash + canonical entry)), so editing or
// deleting an entry anywhere breaks the chain at that point; see verify-chain.ts. With
// PACTWATCH_AUDIT_KEY set, each link is an HMAC under that key instead ("hmac-" and the hex),
// so whoever can write the database but lacks the key cannot recompute the chain.
import { createHash, createHmac } from 'node:crypto';
import { sql, type CompiledQuery, type Kysely, type Transaction } from 'kysely';
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

/** Account changes are logged under this kind (never with a token or its hash); admins alone see them. */
export const ACCOUNTS_KIND = 'users';

export interface NewChange {
  actor: string;
  kind: RecordKind | typeof ACCOUNTS_KIND | null;
  record_id: string | null;
  action: ChangeAction;
  before: unknown;
  after: unknown;
  /** JSON.stringify(after), when the caller has it already; `after` is not read then. */
  afterText?: string;
}

/** The key of the keyed chain, when one is configured. */
export function auditKey(): string | undefined {
  return process.env.PACTWATCH_AUDIT_KEY || undefined;
}

export const KEYED_PREFIX = 'hmac-';

/** What the hash covers: every column but the hash itself, in a fixed order. `null`: a plain hash. */
export function entryHash(row: Omit<ChangesTable, 'hash'>, key: string | null | undefined = auditKey()): string {
  const text = row.prev_hash + JSON.stringify([row.seq, row.at, row.actor, row.kind, row.record_id, row.action, row.before, row.after]);
  return key ? KEYED_PREFIX + createHmac('sha256', key).update(text).digest('hex') : sha256(text);
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
  private readonly inserts = new Map<number, CompiledQuery>();

  constructor(
    private readonly trx: Kysely<AuditDatabase>,
    private head: { seq: number; hash: string },
  ) {}

  async append(change: NewChange): Promise<Change> {
    const [row] = await this.appendMany([change]);
    return changeFromRow(row!);
  }

  /** Appends entries in order with few statements (an import logs one per record). */
  async appendMany(changes: NewChange[]): Promise<ChangesTable[]> {
    const at = new Date().toISOString();
    const rows: ChangesTable[] = [];
    const key = auditKey();
    for (const change of changes) {
      const unhashed = {
        seq: this.head.seq + 1,
        at,
        actor: change.actor,
        kind: change.kind,
        record_id: change.record_id,
        action: change.action,
        // Stored as written (records are in their schema's key order); the hash covers this text.
        before: change.before === null ? null : JSON.stringify(change.before),
        after: change.afterText ?? (change.after === null ? null : JSON.stringify(change.after)),
        prev_hash: this.head.hash,
      };
      const row = { ...unhashed, hash: entryHash(unhashed, key) };
      rows.push(row);
      this.head = { seq: row.seq, hash: row.hash };
    }
    if (rows.length === 0) return rows;
    for (let i = 0; i < rows.length; i += ENTRIES_PER_INSERT) {
      const slice = rows.slice(i, i + ENTRIES_PER_INSERT);
      await this.trx.executeQuery({ ...this.insertOf(slice.length), parameters: slice.flatMap(entryValues) });
    }
    await this.trx.updateTable('change_head').set(this.head).where('id', '=', 1).execute();
    return rows;
  }

  /**
   * The INSERT of n entries, compiled once per n and run again with new values: an import
   * appends an entry per record, and building each statement through Kysely cost more than
   * SQLite took to run it.
   */
  private insertOf(n: number): CompiledQuery {
    let compiled = this.inserts.get(n);
    if (!compiled) {
      const row = Object.fromEntries(CHANGE_COLUMNS.map((c) => [c, null])) as unknown as ChangesTable;
      compiled = this.trx
        .insertInto('changes')
        .values(Array.from({ length: n }, () => row))
        .compile();
      this.inserts.set(n, compiled);
    }
    return compiled;
  }
}

/** The columns of an entry, in the order the compiled INSERT binds them. */
const CHANGE_COLUMNS = ['seq', 'at', 'actor', 'kind', 'record_id', 'action', 'before', 'after', 'prev_hash', 'hash'] as const;
const entryValues = (row: ChangesTable) => CHANGE_COLUMNS.map((c) => row[c]);

/** 10 columns each: far below either database's bound-parameter limit. */
const ENTRIES_PER_INSERT = 200;

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

/** What an import did to one kind: ids are kept up to SAMPLE_IDS per list, for `import --dry-run`. */
export interface KindOutcome {
  created: number;
  changed: number;
  unchanged: number;
  created_ids: string[];
  changed_ids: string[];
}

export const SAMPLE_IDS = 1000;

export interface ImportedRecord {
  id: string;
  /** The stored record the import replaces, or null for a new one. */
  before: unknown;
  /** The imported record as JSON text (what JSON.stringify gives). */
  afterText: string;
}

/**
 * An import logs every record it creates or changes, with its before and after, like a write
 * through the API (so history and `as_of` answer for imported records, and `audit verify`
 * can hold each stored record against its last entry); records it leaves as they were get no
 * entry. A summary entry closes the import: counts, and a sha256 over each batch's kind and
 * records as a JSON array, in import order.
 */
export async function startImportLog(trx: Transaction<Database>, actor = 'import') {
  const chain = await openChain(trx);
  const digest = createHash('sha256');
  return {
    add(batch: RecordBatch): void {
      digest.update(batch.kind);
      digest.update(batch.json ?? JSON.stringify(batch.records));
    },
    async records(kind: RecordKind, records: ImportedRecord[]): Promise<void> {
      await chain.appendMany(
        records.map((r) => ({
          actor,
          kind,
          record_id: r.id,
          action: r.before === null ? 'create' : 'update',
          before: r.before,
          after: undefined,
          afterText: r.afterText,
        })),
      );
    },
    finish(counts: Record<RecordKind, number>, outcome: Record<RecordKind, KindOutcome>): Promise<Change> {
      const changes = Object.fromEntries(
        Object.entries(outcome).map(([kind, o]) => [kind, { created: o.created, changed: o.changed, unchanged: o.unchanged }]),
      );
      return chain.append({
        actor,
        kind: null,
        record_id: null,
        action: 'import',
        before: null,
        after: { counts, changes, sha256: digest.digest('hex') },
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
