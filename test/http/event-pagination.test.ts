// Cursor pages stay put when events are inserted between page requests.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { source, startServer, type TestServer } from './http-server.ts';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: event cursor pagination`, { skip: dialect.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server?.close());
    const page = async (query: string) => (await server.call(`/api/events?${query}`)).json();
    const ids = (items: { id: string }[]) => items.map((e) => e.id);

    test('an insert before or after the cursor neither repeats nor skips an event', async () => {
      const everything = ids((await page('limit=500')).items);
      const first = await page('limit=10&facets=year');
      assert.deepEqual(ids(first.items), everything.slice(0, 10));
      const boundary = first.items[9];
      // A strict prefix of the boundary's id sorts after it on the same date (ids descend).
      const sameDayId = boundary.id.replace(/-?[a-z0-9]$/, '');

      // One event newer than anything on page 1, one that sorts just after the cursor.
      for (const event of [
        { id: 'zz-newest', date: '2099-01-01', title: 'Newest', summary: '', type: 'other', sources: source },
        { id: sameDayId, date: boundary.date, title: 'Same day', summary: '', type: 'other', sources: source },
      ]) {
        const res = await server.call('/api/events', { method: 'POST', as: 'editor', json: event });
        assert.equal(res.status, 201);
      }

      const rest: string[] = [];
      let cursor: string | null = first.next;
      while (cursor) {
        const next = await page(`limit=10&facets=year&cursor=${encodeURIComponent(cursor)}`);
        assert.equal(next.total, first.total + 2, 'counts follow the writes');
        rest.push(...ids(next.items));
        cursor = next.next;
      }
      const seen = [...ids(first.items), ...rest];
      assert.equal(new Set(seen).size, seen.length, 'no event twice');
      assert.ok(!seen.includes('zz-newest'), 'the newer insert lands before the cursor, on no later page');
      assert.ok(rest.includes(sameDayId), 'the insert after the cursor is on a later page');
      assert.deepEqual(
        seen.filter((id) => id !== sameDayId),
        everything,
        'nothing skipped',
      );
    });
  });
}
