// Imports into an empty events table take the dialect's bulk path (on SQLite: full-text and
// secondary indexes built once at the end); imports into a filled one keep them up row by row.
// Both must leave search, filters and facets exactly as the row-by-row path would, and a
// rolled-back bulk import must leave the indexes in place.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordSetSchema, type EventRecord } from '../../src/domain/schemas.ts';
import SqliteDatabase from 'better-sqlite3';
import { DIALECTS, sqliteDialect, type TestStore } from '../support/test-stores.ts';

const event = (id: string, extra: Partial<EventRecord> = {}) =>
  recordSetSchema.parse({
    events: [
      {
        id,
        date: '2010-01-01',
        title: `Title ${id}`,
        summary: 'plain',
        type: 'summit',
        actors: ['nato'],
        areas: ['membership'],
        sources: [{ url: 'https://example.org/s' }],
        ...extra,
      },
    ],
  }).events[0]!;

/** A commitment whose agreement does not exist: the import fails at its reference check, after writing. */
const orphanCommitments = () =>
  recordSetSchema.parse({
    commitments: [
      {
        id: 'orphan',
        agreement_id: 'none',
        obligor: 'nato',
        beneficiary: 'nato',
        area: 'membership',
        description: 'd',
        sources: [{ url: 'https://e.org' }],
      },
    ],
  }).commitments;

const ids = (page: { items: EventRecord[] }) => page.items.map((e) => e.id).sort();

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: bulk and incremental imports`, { skip: dialect.skip }, () => {
    let t: TestStore;
    before(async () => {
      t = await dialect.open();
    });
    after(() => t?.close());

    test('a failed import into an empty table writes nothing and leaves the indexes working', async () => {
      await assert.rejects(t.store.importRecords({ events: [event('lost', { title: 'quokka' })], commitments: orphanCommitments() }));
      assert.equal(await t.store.count('events'), 0);
      assert.equal((await t.store.searchEvents({ q: 'quokka' })).total, 0);
    });

    test('a bulk import is searchable, filterable and faceted', async () => {
      const events = Array.from({ length: 1500 }, (_, i) =>
        event(`ev-${i}`, i % 500 === 0 ? { title: 'Wombat accord', areas: ['sanctions', 'sanctions'], actors: ['ukraine'] } : {}),
      );
      await t.store.importRecords({ events });
      const found = await t.store.searchEvents({ q: 'wombat', areas: ['sanctions'], actors: ['ukraine'] }, ['area', 'actor']);
      assert.deepEqual(ids(found), ['ev-0', 'ev-1000', 'ev-500']);
      assert.deepEqual(found.facets.area, [{ value: 'sanctions', count: 3 }]);
      assert.deepEqual(found.facets.actor, [{ value: 'ukraine', count: 3 }]);
      assert.equal((await t.store.searchEvents({ areas: ['membership'] })).total, 1497);
    });

    test('an import into a filled table updates text, links and facets row by row', async () => {
      await t.store.importRecords({
        events: [event('ev-500', { title: 'Platypus treaty', areas: ['cybersecurity'] }), event('new-one', { title: 'Wombat again' })],
      });
      assert.deepEqual(ids(await t.store.searchEvents({ q: 'wombat' })), ['ev-0', 'ev-1000', 'new-one']);
      assert.deepEqual(ids(await t.store.searchEvents({ q: 'platypus', areas: ['cybersecurity'] })), ['ev-500']);
      assert.equal((await t.store.searchEvents({ areas: ['sanctions'] })).total, 2);
      assert.equal(await t.store.count('events'), 1501);
    });
  });
}

describe('sqlite: the journal of an import into an empty table', () => {
  const journalMode = (file: string) => {
    const db = new SqliteDatabase(file, { readonly: true });
    try {
      return db.pragma('journal_mode', { simple: true });
    } finally {
      db.close();
    }
  };

  test('is WAL again after the import, whether it committed or rolled back', async () => {
    const t = await sqliteDialect.open();
    try {
      const file = t.cliArgs[1]!;
      await assert.rejects(t.store.importRecords({ events: [event('lost')], commitments: orphanCommitments() }));
      assert.equal(journalMode(file), 'wal');
      await t.store.importRecords({ events: [event('kept')] });
      assert.equal(journalMode(file), 'wal');
      assert.equal(await t.store.count('events'), 1);
    } finally {
      await t.close();
    }
  });

  test('stays WAL, and the import still lands, while another connection has the file open', async () => {
    const t = await sqliteDialect.open();
    const other = new SqliteDatabase(t.cliArgs[1]!);
    try {
      other.prepare('SELECT count(*) FROM events').get();
      await t.store.importRecords({ events: [event('beside-a-reader')] });
      assert.equal(other.pragma('journal_mode', { simple: true }), 'wal');
      assert.deepEqual(other.prepare('SELECT id FROM events').all(), [{ id: 'beside-a-reader' }]);
    } finally {
      other.close();
      await t.close();
    }
  });
});
