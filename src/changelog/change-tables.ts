// Table types of the accounts and change-log tables (migration 002), added to the record's
// Database with Kysely's withTables so the record store's own types stay as they are.
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.ts';

export interface UsersTable {
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
}

export interface ChangesTable {
  seq: number;
  at: string;
  actor: string;
  kind: string | null;
  record_id: string | null;
  action: string;
  /** Canonical JSON text, hashed byte for byte. */
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface ChangeHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export type AuditTables = {
  users: UsersTable;
  changes: ChangesTable;
  change_head: ChangeHeadTable;
};

export type AuditDatabase = Database & AuditTables;

export function auditDb(db: Kysely<Database>): Kysely<AuditDatabase> {
  return db.withTables<AuditTables>();
}
