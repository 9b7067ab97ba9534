import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PactwatchError } from '../../src/domain/errors.ts';
import { recordSetSchema, type EventRecord } from '../../src/domain/schemas.ts';
import { DIALECTS, type TestStore } from '../support/test-stores.ts';

const src = [{ url: 'https://example.org/source' }];
const event = (id: string, date: string, extra: Partial<EventRecord> = {}) =>
  recordSetSchema.parse({
    events: [
      {
        id,
        date,
        title: `Title ${id}`,
        summary: `Summary of ${id}`,
        type: 'summit',
        actors: ['nato'],
        areas: ['membership'],
        sources: src,
        ...extra,
      },
    ],
  }).events[0]!;

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: record store`, { skip: dialect.skip }, () => {
    let t: TestStore;
    before(async () => {
      t = await dialect.open();
      await t.store.importRecords({
        parties: recordSetSchema.parse({ parties: [{ id: 'nato', name: 'NATO', kind: 'organisation', aliases: ['the Alliance'] }] })
          .parties,
        events: [
          event('bucharest-2008', '2008-04-03', { title: 'Bucharest summit', summary: 'Allies agreed Ukraine will become a member.' }),
          event('year-2008', '2008', { type: 'decision', areas: ['defence-reform'] }),
          event('april-2008', '2008-04'),
          event('may-2009', '2009-05-01', { actors: ['Some Person'], areas: ['cybersecurity', 'membership'] }),
          event('joins-1994', '1994-02-08', { title: 'Ukraine joins Partnership for Peace', summary: 'Ukraine joined.' }),
        ],
      });
    });
    after(() => t?.close());

    test('a partial date is inside its month and its year', async () => {
      const inApril = await t.store.searchEvents({ from: '2008-04', to: '2008-04' });
      assert.deepEqual(inApril.items.map((e) => e.id).sort(), ['april-2008', 'bucharest-2008', 'year-2008']);
      const in2008 = await t.store.searchEvents({ from: '2008', to: '2008' });
      assert.equal(in2008.total, 3);
      const mayOn = await t.store.searchEvents({ from: '2008-05-01' });
      assert.deepEqual(
        mayOn.items.map((e) => e.id),
        ['may-2009', 'year-2008'],
      );
    });

    test('newest first, by date then id', async () => {
      const page = await t.store.searchEvents({});
      assert.deepEqual(
        page.items.map((e) => e.date),
        ['2009-05-01', '2008-04-03', '2008-04', '2008', '1994-02-08'],
      );
    });

    test('full-text search ANDs words, stems, and takes a prefix', async () => {
      assert.deepEqual(
        (await t.store.searchEvents({ q: 'Bucharest' })).items.map((e) => e.id),
        ['bucharest-2008'],
      );
      assert.deepEqual(
        (await t.store.searchEvents({ q: 'Bucharest member' })).items.map((e) => e.id),
        ['bucharest-2008'],
      );
      assert.equal((await t.store.searchEvents({ q: 'Bucharest cyber' })).total, 0);
      assert.deepEqual(
        (await t.store.searchEvents({ q: 'Buchar*' })).items.map((e) => e.id),
        ['bucharest-2008'],
      );
      assert.deepEqual(
        (await t.store.searchEvents({ q: 'joining' })).items.map((e) => e.id),
        ['joins-1994'],
      );
      assert.equal((await t.store.searchEvents({ q: '"); DROP TABLE events; --' })).total, 0);
    });

    test('rankEvents puts the event that matches more of the words first', async () => {
      const ranked = await t.store.rankEvents(['Bucharest', 'member', 'Ukraine'], 10);
      assert.equal(ranked[0]!.id, 'bucharest-2008');
      assert.deepEqual(
        ranked.map((e) => e.id),
        ['bucharest-2008', 'joins-1994'],
      );
      assert.deepEqual(await t.store.rankEvents(['nowhere'], 10), []);
      assert.deepEqual(await t.store.rankEvents([], 10), []);
    });

    test('filters by area, type and actor (id, name or alias)', async () => {
      assert.deepEqual(
        (await t.store.searchEvents({ areas: ['cybersecurity'] })).items.map((e) => e.id),
        ['may-2009'],
      );
      assert.deepEqual(
        (await t.store.searchEvents({ areas: ['cybersecurity', 'membership'] })).items.map((e) => e.id),
        ['may-2009'],
      );
      assert.deepEqual(
        (await t.store.searchEvents({ types: ['decision'] })).items.map((e) => e.id),
        ['year-2008'],
      );
      assert.equal((await t.store.searchEvents({ actors: ['the Alliance'] })).total, 4);
      assert.equal((await t.store.searchEvents({ actors: ['nato'] })).total, 4);
      assert.deepEqual(
        (await t.store.searchEvents({ actors: ['Some Person'] })).items.map((e) => e.id),
        ['may-2009'],
      );
    });

    test('facets count the filtered set', async () => {
      const page = await t.store.searchEvents({ from: '2008' }, ['type', 'area', 'actor', 'year']);
      assert.deepEqual(page.facets.type, [
        { value: 'summit', count: 3 },
        { value: 'decision', count: 1 },
      ]);
      assert.deepEqual(page.facets.year, [
        { value: '2008', count: 3 },
        { value: '2009', count: 1 },
      ]);
      assert.deepEqual(page.facets.area, [
        { value: 'membership', count: 3 },
        { value: 'cybersecurity', count: 1 },
        { value: 'defence-reform', count: 1 },
      ]);
      assert.equal(page.facets.actor?.find((f) => f.value === 'nato')?.count, 3);
    });

    test('cursor pages cover everything once, and a page boundary survives an insert', async () => {
      const first = await t.store.searchEvents({ limit: 2 });
      assert.ok(first.next);
      assert.deepEqual(
        first.items.map((e) => e.id),
        ['may-2009', 'bucharest-2008'],
      );
      // One new event sorts before the boundary, one after: neither shifts what was shown.
      await t.store.importRecords({ events: [event('inserted-2008', '2008-04-03'), event('aaa-2008', '2008-04-03')] });
      const rest = await t.store.searchEvents({ limit: 10, cursor: first.next });
      assert.deepEqual(
        rest.items.map((e) => e.id),
        ['aaa-2008', 'april-2008', 'year-2008', 'joins-1994'],
      );
      assert.equal(rest.next, null);
    });

    test('a bad cursor is a named error', async () => {
      await assert.rejects(t.store.searchEvents({ cursor: 'garbage' }), (e: PactwatchError) => e.details?.[0]?.field === 'cursor');
    });

    test('an import that names a missing record writes nothing', async () => {
      const before = await t.store.count('commitments');
      const bad = recordSetSchema.parse({
        commitments: [
          { id: 'c1', agreement_id: 'nowhere', obligor: 'nato', beneficiary: 'nato', area: 'membership', description: 'x', sources: src },
        ],
        events: [event('should-not-stay', '2020')],
      });
      await assert.rejects(t.store.importRecords(bad), (e: PactwatchError) => {
        assert.equal(e.details?.[0]?.record, 'c1');
        assert.equal(e.details?.[0]?.field, 'agreement_id');
        return true;
      });
      assert.equal(await t.store.count('commitments'), before);
      assert.equal(await t.store.get('events', 'should-not-stay'), undefined);
    });

    test('upsert by id replaces, and lists follow', async () => {
      await t.store.importRecords({ events: [event('may-2009', '2009-05-02', { areas: ['sanctions'] })] });
      const e = await t.store.get('events', 'may-2009');
      assert.equal(e?.date, '2009-05-02');
      assert.deepEqual(
        (await t.store.searchEvents({ areas: ['sanctions'] })).items.map((x) => x.id),
        ['may-2009'],
      );
      assert.equal((await t.store.searchEvents({ areas: ['cybersecurity'] })).total, 0);
    });
  });
}
