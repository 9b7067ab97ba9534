// Aliases of events and agreements: stored, searched with title and summary, and added to a
// database created before they existed (migration 004), on both backends.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { recordSetSchema } from '../../src/domain/schemas.ts';
import { postgresAdapter } from '../../src/store/dialects/postgres/postgres-adapter.ts';
import { sqliteAdapter } from '../../src/store/dialects/sqlite/sqlite-adapter.ts';
import type { DialectAdapter } from '../../src/store/dialects/dialect-adapter.ts';
import { migrationProvider } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { RecordStore } from '../../src/store/record-store.ts';
import { DIALECTS, createTestDatabase, dropTestDatabase, postgresDialect, tempDir, type TestStore } from '../support/test-stores.ts';

const sources = [{ url: 'https://www.nato.int/cps/en/natohq/official_texts_25457.htm' }];
const record = () =>
  recordSetSchema.parse({
    parties: [
      { id: 'nato', name: 'NATO', kind: 'organisation' },
      { id: 'ukraine', name: 'Ukraine', kind: 'state' },
    ],
    events: [
      {
        id: 'udcg-2022-04',
        date: '2022-04-26',
        title: 'First meeting of the Ukraine Defense Contact Group',
        summary: 'Defence ministers met at the US base in Germany.',
        aliases: ['Ramstein format', 'UDCG'],
        aliases_uk: ['Рамштайн'],
        type: 'summit',
        sources,
      },
      { id: 'other-2022', date: '2022-05', title: 'Another meeting', summary: 'Nothing to do with it.', type: 'summit', sources },
    ],
    agreements: [
      {
        id: 'charter-1997',
        title: 'Charter on a Distinctive Partnership',
        aliases: ['the Charter'],
        aliases_uk: ['Хартія'],
        kind: 'charter',
        parties: ['nato', 'ukraine'],
        signed: '1997-07-09',
        status: 'in force',
        sources,
      },
    ],
  });

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: aliases`, { skip: dialect.skip }, () => {
    let t: TestStore;
    before(async () => {
      t = await dialect.open();
      await t.store.importRecords(record());
    });
    after(() => t?.close());

    test('are stored and read back', async () => {
      const event = await t.store.get('events', 'udcg-2022-04');
      assert.deepEqual(event?.aliases, ['Ramstein format', 'UDCG']);
      assert.deepEqual(event?.aliases_uk, ['Рамштайн']);
      assert.deepEqual((await t.store.get('events', 'other-2022'))?.aliases, []);
      assert.deepEqual((await t.store.get('agreements', 'charter-1997'))?.aliases, ['the Charter']);
    });

    test('full-text search finds an event by an alias, in either language', async () => {
      const ids = async (q: string) => (await t.store.searchEvents({ q })).items.map((e) => e.id);
      assert.deepEqual(await ids('Ramstein'), ['udcg-2022-04']);
      assert.deepEqual(await ids('udcg'), ['udcg-2022-04']);
      assert.deepEqual(await ids('Рамштайн'), ['udcg-2022-04']);
      assert.deepEqual(await ids('meeting'), ['other-2022', 'udcg-2022-04']);
      assert.deepEqual(
        (await t.store.rankEvents(['Ramstein'], 5)).map((e) => e.id),
        ['udcg-2022-04'],
      );
    });

    test('an edited alias is searchable at once and the old one is gone', async () => {
      const event = (await t.store.get('events', 'other-2022'))!;
      await t.store.importRecords({ events: [{ ...event, aliases: ['Lviv talks'] }] });
      assert.deepEqual(
        (await t.store.searchEvents({ q: 'Lviv' })).items.map((e) => e.id),
        ['other-2022'],
      );
      await t.store.importRecords({ events: [{ ...event, aliases: [] }] });
      assert.equal((await t.store.searchEvents({ q: 'Lviv' })).total, 0);
    });
  });
}

interface OldDatabase {
  db: Kysely<any>;
  adapter: DialectAdapter;
  reopen: () => Promise<RecordStore>;
  cleanup: () => Promise<void>;
}

async function oldSqlite(): Promise<OldDatabase> {
  const dir = tempDir();
  const file = path.join(dir, 'old.db');
  const database = new SqliteDatabase(file);
  return {
    db: new Kysely<any>({ dialect: new SqliteDialect({ database }) }),
    adapter: sqliteAdapter(database),
    reopen: () => openStore({ sqlitePath: file }),
    cleanup: async () => {},
  };
}

async function oldPostgres(): Promise<OldDatabase> {
  const url = await createTestDatabase();
  return {
    db: new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) }),
    adapter: postgresAdapter,
    reopen: () => openStore({ databaseUrl: url }),
    cleanup: () => dropTestDatabase(url),
  };
}

for (const [name, open, skip] of [
  ['sqlite', oldSqlite, undefined],
  ['postgres', oldPostgres, postgresDialect.skip],
] as const) {
  test(`${name}: a database from before issue 13 gets the new fields' defaults, and its events stay searchable`, { skip }, async () => {
    const old = await open();
    try {
      const migrator = new Migrator({ db: old.db, provider: migrationProvider(old.adapter) });
      const { error } = await migrator.migrateTo('003-event-links-without-rowid');
      if (error) throw error;
      await sql`INSERT INTO events (id, date, date_start, date_end, type, title, title_uk, summary, summary_uk, actors, areas, sources)
        VALUES ('udcg-2022-04', '2022-04-26', '2022-04-26', '2022-04-26', 'summit', 'Contact group meets', NULL, 'Ministers met.', NULL, '[]', '[]', ${JSON.stringify(sources)})`.execute(
        old.db,
      );
      const agreement = { ...record().agreements[0]! } as Record<string, unknown>;
      delete agreement.aliases;
      delete agreement.aliases_uk;
      await sql`INSERT INTO agreements (id, signed, data) VALUES ('charter-1997', '1997-07-09', ${JSON.stringify(agreement)})`.execute(
        old.db,
      );
      // Records from before migration 005: no offices, memberships, schedule, breach or stage.
      const party = { id: 'nato', name: 'NATO', name_uk: null, kind: 'organisation', iso2: null, aliases: [], sources: [] };
      await sql`INSERT INTO parties (id, name, data) VALUES ('nato', 'NATO', ${JSON.stringify(party)})`.execute(old.db);
      const commitment = {
        id: 'c',
        agreement_id: 'charter-1997',
        obligor: 'nato',
        beneficiary: 'nato',
        area: 'membership',
        due: null,
        withdrawn: null,
        sources,
      };
      await sql`INSERT INTO commitments (id, agreement_id, obligor, beneficiary, area, due_end, data)
        VALUES ('c', 'charter-1997', 'nato', 'nato', 'membership', NULL, ${JSON.stringify(commitment)})`.execute(old.db);
      const delivery = { id: 'd', commitment_id: 'c', date: '2000', description: 'done', fulfils: true, sources };
      await sql`INSERT INTO deliveries (id, commitment_id, date, data) VALUES ('d', 'c', '2000', ${JSON.stringify(delivery)})`.execute(
        old.db,
      );
      await old.db.destroy();

      const store = await old.reopen();
      try {
        const migrated = await store.get('agreements', 'charter-1997');
        assert.deepEqual(migrated, { ...agreement, aliases: [], aliases_uk: [] });
        assert.deepEqual(Object.keys(migrated!).slice(2, 5), ['title_uk', 'aliases', 'aliases_uk'], 'the new fields sit in schema order');
        assert.deepEqual((await store.get('events', 'udcg-2022-04'))?.aliases, []);
        assert.deepEqual(await store.get('parties', 'nato'), { ...party, offices: [], memberships: [] });
        assert.deepEqual(Object.keys((await store.get('commitments', 'c'))!), [
          'id',
          'agreement_id',
          'obligor',
          'beneficiary',
          'area',
          'due',
          'schedule',
          'withdrawn',
          'breach',
          'sources',
        ]);
        assert.equal((await store.get('deliveries', 'd'))?.stage, 'delivered');
        assert.deepEqual(
          (await store.searchEvents({ q: 'contact' })).items.map((e) => e.id),
          ['udcg-2022-04'],
        );
      } finally {
        await store.close();
      }
    } finally {
      await old.cleanup();
    }
  });
}
