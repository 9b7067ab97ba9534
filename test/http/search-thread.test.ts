// Event searches answered by the search thread (search-thread.ts), as `pactwatch serve` runs
// them, on both databases: the same answers as the store gives on the main thread, a write
// through the API found by the very next search, errors with their status and details, and
// the answer memo on top of the thread.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { addUser } from '../../src/auth/accounts.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { pageJson, EVENT_SEARCH_LIMITS } from '../../src/http/event-search.ts';
import { loadSourceTierTable } from '../../src/io/source-tier-table.ts';
import type { EventQuery, FacetField } from '../../src/store/record-store.ts';
import { DIALECTS, tempDir, type TestStore } from '../support/test-stores.ts';
import { source, wordEvents } from './http-server.ts';

const EVENTS = 2000;

/** The database a test store is in, as buildApp's searchThread takes it. */
const databaseOf = (db: TestStore) => (db.cliArgs[0] === '--db' ? { sqlitePath: db.cliArgs[1]! } : { databaseUrl: db.cliArgs[1]! });

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: event search in its own thread`, { skip: dialect.skip }, () => {
    let db: TestStore;
    let token: string;
    const servers: { app: FastifyInstance; base: string }[] = [];
    const tiers = loadSourceTierTable();
    const serve = async (searchCache: boolean) => {
      const app = await buildApp({
        store: db.store,
        eventIndexMinEvents: 1000,
        searchCache,
        searchThread: databaseOf(db),
        writeLimit: { max: 100_000, timeWindow: '1 minute' },
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const server = { app, base: typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '' };
      servers.push(server);
      return server;
    };
    const call = (base: string, path: string, init: RequestInit & { json?: unknown } = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      if (init.json !== undefined) headers.set('content-type', 'application/json');
      return fetch(base + path, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
    };
    /** What the store answers on this thread, as the API writes it. */
    const inProcess = async (query: EventQuery, facets: FacetField[]) =>
      JSON.parse(pageJson(await db.store.searchEvents(query, facets), tiers, EVENT_SEARCH_LIMITS.pageBytes)) as unknown;

    before(async () => {
      db = await dialect.open();
      await db.store.importRecords({
        events: wordEvents(EVENTS, true),
      });
      token = (await addUser(db.store.db, 'editor', 'editor')).token;
    });
    after(async () => {
      for (const server of servers) await server.app.close();
      await db?.close();
    });

    test('answers as the store does on the main thread, page, total and facets', async () => {
      const { base } = await serve(false);
      const cases: [string, EventQuery, FacetField[]][] = [
        ['/api/events?q=summit&facets=type,actor,year', { q: 'summit' }, ['type', 'actor', 'year']],
        ['/api/events?from=2005&to=2009-03&actor=nato&limit=7', { from: '2005', to: '2009-03', actors: ['nato'], limit: 7 }, []],
        ['/api/events?q=meeting%2012*&facets=area', { q: 'meeting 12*' }, ['area']],
      ];
      for (const [path, query, facets] of cases) {
        const response = await call(base, path);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type')!, /^application\/json/);
        assert.deepEqual(await response.json(), await inProcess(query, facets), path);
      }
    });

    test('a write through the API is found by the next search, and a bad cursor is refused with its details', async () => {
      const { base } = await serve(false);
      const event = { id: 'zz-quokka', date: '2031-05', title: 'Quokka summit', summary: 'new', type: 'summit', sources: source };
      assert.equal((await call(base, '/api/events', { method: 'POST', json: event })).status, 201);
      const found = (await (await call(base, '/api/events?q=summit&limit=1')).json()) as { items: { id: string }[] };
      assert.deepEqual(
        found.items.map((e) => e.id),
        ['zz-quokka'],
      );
      const bad = await call(base, '/api/events?cursor=nonsense');
      assert.equal(bad.status, 400);
      const body = (await bad.json()) as { error: { code: string; details: { field: string }[] } };
      assert.equal(body.error.code, 'bad_request');
      assert.equal(body.error.details[0]!.field, 'cursor');
    });

    test('with the answer memo on top, a write still shows at once', async () => {
      const { base } = await serve(true);
      const before = (await (await call(base, '/api/events?q=wombat')).json()) as { total: number };
      assert.equal(before.total, 0);
      const event = { id: 'zz-wombat', date: '2031-06', title: 'Wombat talks', summary: 'new', type: 'statement', sources: source };
      assert.equal((await call(base, '/api/events', { method: 'POST', json: event })).status, 201);
      const after = (await (await call(base, '/api/events?q=wombat')).json()) as { items: { id: string }[] };
      assert.deepEqual(
        after.items.map((e) => e.id),
        ['zz-wombat'],
      );
    });
  });
}

test('a search thread that cannot open its database fails the server at start, once', async () => {
  const db = await DIALECTS[0]!.open();
  const notAFolder = path.join(tempDir(), 'file');
  fs.writeFileSync(notAFolder, '');
  try {
    await assert.rejects(buildApp({ store: db.store, searchThread: { sqlitePath: path.join(notAFolder, 'x.db') } }));
  } finally {
    await db.close();
  }
});
