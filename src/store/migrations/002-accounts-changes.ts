import { sql, type Kysely } from 'kysely';

// Accounts and the hash-chained change log. `change_head` holds one row, the chain's last
// seq and hash: every writer updates it first, which serialises writers on both backends (a
// row lock on PostgreSQL, the write lock on SQLite), so the chain cannot fork.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('changes')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('record_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('changes_record_idx').on('changes').columns(['kind', 'record_id', 'seq']).execute();
  await db.schema.createIndex('changes_at_idx').on('changes').column('at').execute();

  await db.schema
    .createTable('change_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO change_head (id, seq, hash) VALUES (1, 0, ${'0'.repeat(64)})`.execute(db);
}
