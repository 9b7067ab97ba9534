// Imports into an empty events table take the dialect's bulk path (on SQLite: full-text and
// secondary indexes built once at the end); imports into a filled one keep them up row by row.
// Both must leave search, filters and facets exactly as the row-by-row path would, and a
// rolled-back bulk import must leave the indexes in place. On SQLite a batch from the reader
// thread goes into an empty table straight from its JSON text, in SQL: the rows must be those
// eventToRow gives.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordSetSchema, type EventRecord } from '../../src/domain/schemas.ts';
import SqliteDatabase from 'better-sqlite3';
import { verifyChain } from '../../src/changelog/verify-chain.ts';
import { verifyState } from '../../src/changelog/verify-state.ts';
import { eventToRow } from '../../src/store/record-rows.ts';
import type { RecordBatch } from '../../src/store/record-store.ts';
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

/** Text that JSON escapes, or that only looks as if it might be. */
const AWKWARD = ['He said "no" \\ yes', 'tab\tand\nnewline', '\u0001\u001f\u007f', 'é ü ñ 😀 \u2028 \u2029', '</script> & <b>'];
/** Every month of years with and without 29 February, the first and last years a date may have, and whole years and days. */
const DATES = ['0000', '1900', '2000', '2023', '2024', '9999'].flatMap((y) => [
  y,
  `${y}-01-01`,
  `${y}-12-31`,
  ...Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`),
]);

/** A batch as the reader thread sends it: JSON text, each record's text and the ids. */
function threadBatch(records: EventRecord[], parsed: () => EventRecord[]): RecordBatch<'events'> {
  const texts = records.map((r) => JSON.stringify(r));
  return {
    kind: 'events',
    json: `[${texts.join(',')}]`,
    texts,
    ids: records.map((r) => r.id),
    get records() {
      return parsed();
    },
  };
}

const awkwardEvents = () =>
  DATES.map((date, i) =>
    event(`e-${String(i).padStart(3, '0')}`, {
      date,
      title: AWKWARD[i % AWKWARD.length]!,
      title_uk: i % 2 ? null : AWKWARD[(i + 1) % AWKWARD.length]!,
      summary: AWKWARD[(i + 2) % AWKWARD.length]!,
      aliases: i % 3 ? [] : [AWKWARD[i % AWKWARD.length]!, 'plain'],
      actors: ['nato', AWKWARD[(i + 3) % AWKWARD.length]!],
      areas: ['membership', 'sanctions'],
      sources: [
        { url: 'https://example.org/a?b="c"', quote: AWKWARD[(i + 4) % AWKWARD.length]! },
        { url: 'https://example.org/2' },
      ] as EventRecord['sources'],
    }),
  );

describe('sqlite: an import into an empty table straight from the JSON text', () => {
  test('stores the rows eventToRow gives, and a change log that verifies, without parsing the batch', async () => {
    const t = await sqliteDialect.open();
    try {
      const events = awkwardEvents();
      await t.store.importBatches([
        threadBatch(events, () => {
          throw new Error('the batch was parsed');
        }),
      ]);
      const db = new SqliteDatabase(t.cliArgs[1]!, { readonly: true });
      try {
        const columns = Object.keys(eventToRow(events[0]!)).join(', ');
        assert.deepEqual(db.prepare(`SELECT ${columns} FROM events ORDER BY id`).all(), events.map(eventToRow));
      } finally {
        db.close();
      }
      assert.deepEqual(await verifyChain(t.store), { ok: true, entries: events.length + 1 });
      assert.deepEqual(await verifyState(t.store), { ok: true, records: events.length });
    } finally {
      await t.close();
    }
  });
});

for (const dialect of DIALECTS) {
  test(
    `${dialect.name}: a batch as the reader thread sends it imports as its records do, into an empty and a filled table`,
    { skip: dialect.skip },
    async () => {
      const t = await dialect.open();
      try {
        const events = awkwardEvents();
        await t.store.importBatches([threadBatch(events.slice(0, 40), () => events.slice(0, 40))]);
        const changed = events.map((e) => ({ ...e, title: `${e.title} again` }));
        await t.store.importBatches([threadBatch(changed, () => changed)]);
        const stored = [];
        for await (const e of t.store.iterate('events')) stored.push(e);
        assert.deepEqual(stored, changed);
        assert.equal((await verifyState(t.store)).ok, true);
        assert.equal((await verifyChain(t.store)).ok, true);
      } finally {
        await t.close();
      }
    },
  );
}
