// Issue 13 over real HTTP: source tiers on reads, overrides kept only where they say
// something, and commitments with breach, allocations, periods and evidence.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordModelFixture } from '../support/record-model-fixture.ts';
import { DIALECTS } from '../support/test-stores.ts';
import { startServer, type TestServer } from './http-server.ts';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: record model over HTTP`, { skip: dialect.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect, { shipped: false, today: () => '2025-06-30' });
      await server.db.store.importRecords(recordModelFixture());
    });
    after(() => server?.close());
    const get = async (path: string) => {
      const res = await server.call(path);
      assert.equal(res.status, 200, path);
      return { etag: res.headers.get('etag')!, body: await res.json() };
    };

    test('every source shows its tier: the table, or its override', async () => {
      const { body } = await get('/api/events/fx-summit-2024');
      assert.deepEqual(
        body.sources.map((s: { tier: string }) => s.tier),
        ['primary', 'reputable'],
      );
      const list = await get('/api/events?q=fixture');
      assert.equal(list.body.items[0].sources[0].tier, 'primary');
      const party = await get('/api/parties/fx-person');
      assert.deepEqual(
        party.body.offices.map((o: { sources: { tier: string }[] }) => o.sources[0]!.tier),
        ['primary', 'reputable'],
      );
    });

    test('a record written back as read keeps only its real overrides', async () => {
      const { etag, body } = await get('/api/events/fx-summit-2024');
      const put = await server.call('/api/events/fx-summit-2024', {
        method: 'PUT',
        as: 'editor',
        headers: { 'if-match': etag },
        json: { ...body, summary: 'Allies met again.' },
      });
      assert.equal(put.status, 200);
      const stored = await server.db.store.get('events', 'fx-summit-2024');
      assert.deepEqual(
        stored!.sources.map((s) => s.tier),
        [null, 'reputable'],
      );
    });

    test('commitments: breached, allocations beside deliveries, periods and evidence', async () => {
      const breached = (await get('/api/commitments/fx-assurance')).body;
      assert.equal(breached.status, 'breached');
      assert.equal(breached.evidence, 'none');
      assert.equal(breached.breach.sources[0].tier, 'reputable');

      const yearly = (await get('/api/commitments/fx-yearly')).body;
      assert.equal(yearly.status, 'in-progress');
      assert.equal(yearly.evidence, 'partial');
      assert.deepEqual(
        yearly.periods.map((p: { status: string; evidence: string }) => [p.status, p.evidence]),
        [
          ['fulfilled', 'full'],
          ['in-progress', 'partial'],
        ],
      );
      assert.deepEqual(yearly.progress.delivered, [{ kind: 'amount', currency: 'GBP', value: 3 }]);
      assert.deepEqual(yearly.progress.allocated, [{ kind: 'amount', currency: 'GBP', value: 3 }]);
      assert.equal(yearly.deadline, '2025-12-31');

      const filtered = (await get('/api/commitments?status=breached')).body;
      assert.deepEqual(
        filtered.items.map((c: { id: string }) => c.id),
        ['fx-assurance'],
      );
    });

    test('a membership naming a party that does not exist is refused', async () => {
      const res = await server.call('/api/parties', {
        method: 'POST',
        as: 'editor',
        json: {
          id: 'fx-new',
          name: 'New',
          kind: 'state',
          memberships: [{ of: 'nowhere', from: '2004', sources: [{ url: 'https://www.nato.int/x' }] }],
        },
      });
      assert.equal(res.status, 400);
      const body = await res.json();
      assert.equal(body.error.details[0].field, 'memberships.0.of');
    });
  });
}
