// Versioned migrations, run in name order on every start. Add a file NNN-name.ts exporting
// `up(db, adapter)` and list it here; never edit one that has shipped.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialects/dialect-adapter.ts';
import * as record from './001-record.ts';
import * as accountsChanges from './002-accounts-changes.ts';
import * as eventLinksWithoutRowid from './003-event-links-without-rowid.ts';
import * as aliases from './004-aliases.ts';
import * as recordModel from './005-record-model.ts';

type Step = { up(db: Kysely<any>, adapter: DialectAdapter): Promise<void> };

const STEPS: Record<string, Step> = {
  '001-record': record,
  '002-accounts-changes': accountsChanges,
  '003-event-links-without-rowid': eventLinksWithoutRowid,
  '004-aliases': aliases,
  '005-record-model': recordModel,
};

export function migrationProvider(adapter: DialectAdapter): MigrationProvider {
  return {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(STEPS)) migrations[name] = { up: (db) => step.up(db, adapter) };
      return migrations;
    },
  };
}
