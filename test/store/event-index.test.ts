// The in-memory event index must answer every search exactly as SQL does: the same items in
// the same order, the same total, the same facet counts, page after page. Each query below is
// asked first of SQL (index off), then of the index, on both backends; and after a write the
// store must not answer from the index of the old version. Full-text queries are asked twice:
// through the record's index, and through the small index of their own few matches.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { etagOf } from '../../src/changelog/canonical-json.ts';
import { RecordWriter } from '../../src/changelog/record-writer.ts';
import { recordSetSchema, type EventRecord, type RecordSet } from '../../src/domain/schemas.ts';
import { EventIndex, inPageOrder, type IndexedEventRow } from '../../src/store/event-index.ts';
import { eventToRow } from '../../src/store/record-rows.ts';
import { openStore } from '../../src/store/open-store.ts';
import { AREAS, EVENT_TYPES } from '../../src/domain/vocabulary.ts';
import type { EventPage, EventQuery, FacetField } from '../../src/store/record-store.ts';
import { DIALECTS, type TestStore } from '../support/test-stores.ts';

const ACTORS = ['nato', 'ukraine', 'poland', 'Jens Stoltenberg', 'eu'];
const WORDS = ['summit', 'charter', 'wombat', 'reform', 'cyber', 'drones'];

/** A deterministic record with every kind of date precision, shared dates (ties) and repeats. */
function record(n: number): RecordSet {
  let seed = 7;
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % m;
  };
  const events = Array.from({ length: n }, (_, i) => {
    const year = 2000 + next(6);
    const month = String(1 + next(12)).padStart(2, '0');
    const day = String(1 + next(3)).padStart(2, '0');
    const precision = next(3);
    return {
      id: `ev-${String(next(1000)).padStart(3, '0')}-${i}`,
      date: precision === 0 ? `${year}` : precision === 1 ? `${year}-${month}` : `${year}-${month}-${day}`,
      title: `${WORDS[next(WORDS.length)]} ${WORDS[next(WORDS.length)]}`,
      summary: WORDS[next(WORDS.length)]!,
      type: EVENT_TYPES[next(EVENT_TYPES.length)],
      actors: Array.from({ length: next(3) }, () => ACTORS[next(ACTORS.length)]),
      areas: Array.from({ length: next(3) }, () => AREAS[next(4)]),
      sources: [{ url: `https://example.org/${i}` }],
    };
  });
  return recordSetSchema.parse({
    parties: [{ id: 'poland', name: 'Republic of Poland', kind: 'state', aliases: ['Polska'] }],
    events,
  }) as RecordSet;
}

const ALL_FACETS: FacetField[] = ['type', 'area', 'actor', 'year'];
const QUERIES: EventQuery[] = [
  {},
  { q: 'wombat' },
  { q: 'wombat summit' },
  { q: 'dro*' },
  { q: 'nothingmatches' },
  { from: '2002', to: '2003' },
  { from: '2002-03-15', to: '2002-04' },
  { to: '2001-06' },
  // bounds inside a month and a year, where months and years alone sort beside days
  { from: '2003-07-02', to: '2004-02-02' },
  { from: '2001-05', to: '2001-05' },
  { from: '2002-12-31' },
  { to: '2000-01-01' },
  { from: '2004-06-03', to: '2004-06-01' }, // a span can meet both bounds the wrong way round
  { types: ['summit', 'law'] },
  { areas: ['political-dialogue'] },
  { areas: ['political-dialogue', 'defence-reform'] },
  { actors: ['poland'] },
  { actors: ['Polska', 'nato'] },
  { actors: ['Jens Stoltenberg'] },
  { actors: ['nobody'] },
  { q: 'cyber', from: '2001', types: ['decision', 'summit', 'agreement'], areas: ['defence-reform'] },
];

/** Every page of a query, following `next`, with facets asked on each. */
async function allPages(t: TestStore, query: EventQuery): Promise<EventPage[]> {
  const pages: EventPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.store.searchEvents({ ...query, limit: 37, cursor }, ALL_FACETS);
    pages.push(page);
    cursor = page.next ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

const VARIANTS = [
  { name: 'the record index', tuning: { fewMatches: 0 } },
  { name: 'the record index with word postings', tuning: { fewMatches: 0, commonWordMatches: 20 } },
  { name: 'the few-matches path', tuning: { fewMatches: 1000 } },
];

for (const dialect of DIALECTS) {
  for (const variant of VARIANTS)
    describe(`${dialect.name}: ${variant.name} answers as SQL does`, { skip: dialect.skip }, () => {
      let t: TestStore;
      const expected = new Map<EventQuery, EventPage[]>();
      before(async () => {
        t = await dialect.open();
        await t.store.importRecords(record(900));
        for (const query of QUERIES) expected.set(query, await allPages(t, query));
        await t.store.enableEventIndex(0, variant.tuning);
      });
      after(() => t?.close());

      test('the index is built and in use', async () => {
        assert.equal(await t.store.eventIndexReady(), true);
      });

      for (const query of QUERIES) {
        test(`same pages, totals and facets for ${JSON.stringify(query)}`, async () => {
          const pages = await allPages(t, query);
          assert.deepEqual(pages, expected.get(query));
        });
      }

      test('after a write, searches see the new record, and the index catches up', async () => {
        const [moved] = record(1).events;
        await t.store.importRecords({ events: [{ ...moved!, id: 'zz-new', date: '2030', title: 'Wombat newcomer' }] });
        assert.equal(await t.store.eventIndexReady(), false);
        const first = await t.store.searchEvents({ q: 'wombat', limit: 1 }, ['year']);
        assert.equal(first.items[0]?.id, 'zz-new');
        assert.equal(first.facets.year?.find((y) => y.value === '2030')?.count, 1);
        // That search started a rebuild; once it is done the index answers, and answers the same.
        await t.store.enableEventIndex(0, variant.tuning);
        assert.equal(await t.store.eventIndexReady(), true);
        assert.deepEqual(await t.store.searchEvents({ q: 'wombat', limit: 1 }, ['year']), first);
      });

      test('after single-record writes, the index catches up and still answers as SQL does', async () => {
        const writer = new RecordWriter(t.store);
        const [a, b] = (await t.store.searchEvents({ limit: 2 })).items;
        // A new word under a learnt prefix (dro*): the prefix's postings must take it in.
        await writer.create(
          'events',
          { ...a!, id: 'aa-created', date: '2003-07', title: 'Dromedary summit', actors: ['Polska', 'brand new actor'] },
          'test',
        );
        const current = await t.store.get('events', b!.id);
        await writer.replace('events', b!.id, { ...current!, date: '2001', areas: ['membership'] }, etagOf(current), 'test');
        await writer.remove('events', a!.id, etagOf(await t.store.get('events', a!.id)), 'test');
        await t.store.searchEvents({});
        await t.store.enableEventIndex(0, variant.tuning);
        assert.equal(await t.store.eventIndexReady(), true);
        // SQL's answers, from a second connection to the same database that keeps no index.
        const plain = await openStore(t.cliArgs[0] === '--db' ? { sqlitePath: t.cliArgs[1] } : { databaseUrl: t.cliArgs[1] });
        try {
          for (const query of QUERIES) {
            const sqlPages = await allPages({ ...t, store: plain }, query);
            assert.deepEqual(await allPages(t, query), sqlPages, JSON.stringify(query));
          }
        } finally {
          await plain.close();
        }
      });

      test('a store below the threshold never builds an index', async () => {
        const small = await dialect.open();
        try {
          await small.store.importRecords(record(10));
          await small.store.enableEventIndex(11);
          assert.equal(await small.store.eventIndexReady(), false);
        } finally {
          await small.close();
        }
      });
    });
}

describe('EventIndex.applyChanges', () => {
  const rowsOf = (events: EventRecord[]) => events.map((e, i): IndexedEventRow => ({ ...eventToRow(e), rowid: i + 1 }));
  const everything = { limit: 10_000, facets: ALL_FACETS, facetLimit: 100 };

  test('equals a fresh build of the changed rows, for creates, moves, deletes and new actors', () => {
    const events = record(300).events;
    const before = rowsOf(events);
    const moved = { ...before[10]!, date: '1999-12-31', date_start: '1999-12-31', date_end: '1999-12-31', actors: '["someone new"]' };
    const created = { ...before[20]!, id: 'zz-created', rowid: 999, date: '2004', date_start: '2004-01-01', date_end: '2004-12-31' };
    const after = [...before.filter((_, i) => i !== 10 && i !== 30), moved, created];
    const changed = new Set([before[10]!.id, before[30]!.id, 'zz-created']);
    const caughtUp = EventIndex.of(before, 'v1');
    caughtUp.applyChanges(changed, [moved, created], new Map(), 'v2');
    const fresh = EventIndex.of(after, 'v2');
    const ids = (list: string[]) => ({ ids: list });
    for (const query of [
      {},
      { from: '2002' },
      { from: '2003-02', to: '2004' },
      { actors: [['someone new']] },
      { after: { date: '2004', id: 'zz' } },
    ]) {
      assert.deepEqual(caughtUp.search({ ...everything, ...query }), fresh.search({ ...everything, ...query }), JSON.stringify(query));
    }
    const matching = ['zz-created', before[0]!.id, before[30]!.id];
    assert.deepEqual(
      caughtUp.search({ ...everything, matching: caughtUp.slotsOf(ids(matching)) }),
      fresh.search({ ...everything, matching: fresh.slotsOf(ids(matching)) }),
    );
    assert.deepEqual(caughtUp.search({ ...everything, matching: caughtUp.slotsOf({ rowids: [999, 1, 31] }) }).ids, [
      'zz-created',
      before[0]!.id,
    ]);
  });

  test('keeps the postings of common words current, and drops those it was not given matches for', () => {
    const before = rowsOf(record(50).events);
    const index = EventIndex.of(before, 'v1');
    index.learn('wombat', index.slotsOf({ ids: [before[0]!.id, before[1]!.id] }));
    index.learn('charter', index.slotsOf({ ids: [before[2]!.id] }));
    const created = { ...before[3]!, id: 'zz-created', rowid: 99 };
    index.applyChanges(new Set([before[1]!.id, 'zz-created']), [created], new Map([['wombat', ['zz-created']]]), 'v2');
    const matching = index.postingsOf('wombat')!;
    const answer = index.search({ ...everything, matching });
    assert.deepEqual(
      answer.ids,
      [before[0]!, created].sort(inPageOrder).map((r) => r.id),
    );
    assert.equal(answer.total, 2);
    assert.equal(index.postingsOf('charter'), undefined);
  });

  test('a write that matches one of two words sharing postings sets them apart', () => {
    const before = rowsOf(record(50).events);
    const index = EventIndex.of(before, 'v1');
    const shared = index.slotsOf({ ids: [before[0]!.id] });
    index.learn('dro*', shared);
    index.learn('drone', shared);
    const created = { ...before[3]!, id: 'zz-created', rowid: 99 };
    index.applyChanges(
      new Set(['zz-created']),
      [created],
      new Map([
        ['dro*', ['zz-created']],
        ['drone', []],
      ]),
      'v2',
    );
    assert.equal(index.postingsOf('dro*')!.size, 2);
    assert.equal(index.postingsOf('drone')!.size, 1);
  });
});
