// Two servers on one PostgreSQL database, each with its in-memory event index: a write through
// one is found by the other's search within 2 s (its index catching up from the change log,
// not SQL answering instead), and If-Match holds across them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { addUser } from '../../src/auth/accounts.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { RecordStore } from '../../src/store/record-store.ts';
import { postgresDialect, type TestStore } from '../support/test-stores.ts';
import { source, wordEvents } from './http-server.ts';

const EVENTS = 3000;

interface Server {
  store: RecordStore;
  app: FastifyInstance;
  base: string;
}

async function serve(store: RecordStore): Promise<Server> {
  const app = await buildApp({ store, eventIndexMinEvents: 1000, writeLimit: { max: 100_000, timeWindow: '1 minute' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { store, app, base: typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '' };
}

describe('postgres: two servers on one database', { skip: postgresDialect.skip }, () => {
  let db: TestStore;
  let a: Server;
  let b: Server;
  let token: string;
  const call = (server: Server, path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    return fetch(server.base + path, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
  };
  /** The ids one server's search finds for `q`, asked again until `done` holds or 2 s pass. */
  const searchUntil = async (server: Server, q: string, done: (ids: string[]) => boolean): Promise<string[]> => {
    const deadline = Date.now() + 2000;
    for (;;) {
      const page = (await (await call(server, `/api/events?q=${q}`)).json()) as { items: { id: string }[] };
      const ids = page.items.map((e) => e.id);
      if (done(ids) || Date.now() > deadline) return ids;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  before(async () => {
    db = await postgresDialect.open();
    await db.store.importRecords({
      events: wordEvents(EVENTS),
    });
    token = (await addUser(db.store.db, 'editor', 'editor')).token;
    a = await serve(db.store);
    b = await serve(await openStore({ databaseUrl: db.cliArgs[1]! }));
  });
  after(async () => {
    await a?.app.close();
    await b?.app.close();
    await b?.store.close();
    await db?.close();
  });

  test('both answer from their event index', async () => {
    assert.equal(await a.store.eventIndexReady(), true);
    assert.equal(await b.store.eventIndexReady(), true);
  });

  test("an event created through one is found by the other's search within 2 s, from its caught-up index", async () => {
    const event = { id: 'zz-quokka', date: '2031-05', title: 'Quokka summit', summary: 'new', type: 'summit', sources: source };
    assert.equal((await call(a, '/api/events', { method: 'POST', json: event })).status, 201);
    assert.deepEqual(await searchUntil(b, 'quokka', (ids) => ids.includes('zz-quokka')), ['zz-quokka']);
    // Among the common word's matches too, and first: it is the newest.
    assert.equal((await searchUntil(b, 'summit', (ids) => ids[0] === 'zz-quokka'))[0], 'zz-quokka');
    assert.equal(await b.store.eventIndexReady(), true);
  });

  test('an edit and a delete through one are seen by the other', async () => {
    const read = await call(b, '/api/events/zz-quokka');
    const edited = await call(b, '/api/events/zz-quokka', {
      method: 'PATCH',
      json: { title: 'Wallaby summit' },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    assert.equal(edited.status, 200);
    assert.deepEqual(await searchUntil(a, 'quokka', (ids) => ids.length === 0), []);
    assert.deepEqual(await searchUntil(a, 'wallaby', (ids) => ids.length > 0), ['zz-quokka']);
    const removed = await call(a, '/api/events/zz-quokka', { method: 'DELETE', headers: { 'if-match': edited.headers.get('etag')! } });
    assert.equal(removed.status, 204);
    assert.deepEqual(await searchUntil(b, 'wallaby', (ids) => ids.length === 0), []);
  });

  test('If-Match holds across servers: a tag read from one is refused by the other once a write moved the record on', async () => {
    const read = await call(a, '/api/events/ev-00001');
    const etag = read.headers.get('etag')!;
    const first = await call(b, '/api/events/ev-00001', { method: 'PATCH', json: { title: 'First title' }, headers: { 'if-match': etag } });
    assert.equal(first.status, 200);
    const stale = await call(a, '/api/events/ev-00001', {
      method: 'PATCH',
      json: { title: 'Second title' },
      headers: { 'if-match': etag },
    });
    assert.equal(stale.status, 412);
    assert.equal(((await (await call(a, '/api/events/ev-00001')).json()) as { title: string }).title, 'First title');
  });
});
