import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/dialect-adapter.ts';
import { addDefaults } from './stored-json-defaults.ts';

// Aliases of events and agreements. Events get `aliases` and `aliases_uk` columns (JSON lists),
// searched with title and summary. Agreements are stored as JSON `data`: their stored records
// get the empty lists here, so every stored record stays in canonical form (every key present).
export async function up(db: Kysely<any>, adapter: DialectAdapter): Promise<void> {
  for (const column of ['aliases', 'aliases_uk']) {
    await db.schema
      .alterTable('events')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  }
  await adapter.indexEventAliases(db);
  await addDefaults(db, 'agreements', 'title_uk', { aliases: [], aliases_uk: [] });
}
