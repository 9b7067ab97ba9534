// The in-memory event index must answer every search exactly as SQL does: the same items in
// the same order, the same total, the same facet counts, page after page. Each query below is
// asked first of SQL (index off), then of the index, on both backends; and after a write the
// store must not answer from the index of the old version. Full-text queries are asked twice:
// through the record's index, and through the small index of their own few matches.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordSetSchema, type RecordSet } from '../../src/domain/schemas.ts';
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
  { name: 'the record index', fewMatches: 0 },
  { name: 'the few-matches path', fewMatches: 1000 },
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
        await t.store.enableEventIndex(0, variant.fewMatches);
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
        await t.store.enableEventIndex(0, variant.fewMatches);
        assert.equal(await t.store.eventIndexReady(), true);
        assert.deepEqual(await t.store.searchEvents({ q: 'wombat', limit: 1 }, ['year']), first);
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
