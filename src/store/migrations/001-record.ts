import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/dialect-adapter.ts';

export async function up(db: Kysely<any>, adapter: DialectAdapter): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('date_start', 'text', (c) => c.notNull())
    .addColumn('date_end', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_uk', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('summary_uk', 'text')
    .addColumn('actors', 'text', (c) => c.notNull())
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .execute();
  // Newest-first listing and keyset pagination walk this index.
  await db.schema.createIndex('events_date_idx').on('events').columns(['date', 'id']).execute();
  await db.schema.createIndex('events_range_idx').on('events').columns(['date_start', 'date_end']).execute();
  await db.schema.createIndex('events_type_idx').on('events').columns(['type', 'date']).execute();

  for (const [table, column] of [
    ['event_areas', 'area'],
    ['event_actors', 'actor'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['event_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}_idx`).on(table).columns([column, 'event_id']).execute();
  }

  await db.schema
    .createTable('parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signed', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('obligor', 'text', (c) => c.notNull())
    .addColumn('beneficiary', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('due_end', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['agreement_id', 'obligor', 'beneficiary', 'area', 'due_end'] as const) {
    await db.schema.createIndex(`commitments_${column}_idx`).on('commitments').column(column).execute();
  }
  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deliveries_commitment_idx').on('deliveries').columns(['commitment_id', 'date']).execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await adapter.createFullTextIndex(db);
}
