// Findings of the outside review (issue 14) about single requests, over real HTTP on each
// backend: one id rule, numbers in query strings, If-Match per RFC 9110, and who may see
// account names in the change log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { source, startServer, type TestServer } from './http-server.ts';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: review findings`, { skip: dialect.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server?.close());

    test('an accepted id can be read, updated and deleted (the 150- and 200-character cases)', async () => {
      for (const length of [150, 200]) {
        const id = `e-${'x'.repeat(length - 2)}`;
        const event = { id, date: '2020-01-01', title: 'Long id', summary: '', type: 'other', sources: source };
        const created = await server.call('/api/events', { method: 'POST', as: 'editor', json: event });
        assert.equal(created.status, 201, `${length}: create`);
        const location = created.headers.get('location')!;
        const read = await server.call(location);
        assert.equal(read.status, 200, `${length}: read`);
        const patched = await server.call(location, {
          method: 'PATCH',
          as: 'editor',
          json: { title: 'Longer id' },
          headers: { 'if-match': read.headers.get('etag')! },
        });
        assert.equal(patched.status, 200, `${length}: patch`);
        const deleted = await server.call(location, {
          method: 'DELETE',
          as: 'editor',
          headers: { 'if-match': patched.headers.get('etag')! },
        });
        assert.equal(deleted.status, 204, `${length}: delete`);
        assert.equal((await server.call(location)).status, 404);
      }
      // One past the rule is refused when created, not accepted and then orphaned.
      const tooLong = await server.call('/api/events', {
        method: 'POST',
        as: 'editor',
        json: { id: 'x'.repeat(201), date: '2020', title: 't', summary: '', type: 'other', sources: source },
      });
      assert.equal(tooLong.status, 400);
    });

    test('numbers in query strings are range-checked: 400, never 500', async () => {
      for (const query of ['since=2147483648', 'since=99999999999999999999', 'limit=2147483648', 'limit=-1', 'limit=1e400']) {
        const answer = await server.call(`/api/changes?${query}`);
        assert.equal(answer.status, 400, query);
        assert.equal((await answer.json()).error.code, 'validation_failed', query);
      }
      assert.equal((await server.call('/api/changes?since=2147483647')).status, 200);
      for (const query of ['limit=2147483648', 'limit=0', 'limit=1.5', 'limit=NaN']) {
        assert.equal((await server.call(`/api/events?${query}`)).status, 400, query);
      }
    });

    test('If-Match per RFC 9110: strong comparison, lists, and *', async () => {
      const create = (id: string) =>
        server
          .call('/api/parties', { method: 'POST', as: 'editor', json: { id, name: id, kind: 'body' } })
          .then((r) => r.headers.get('etag')!);
      const patch = (id: string, ifMatch: string) =>
        server.call(`/api/parties/${id}`, { method: 'PATCH', as: 'editor', json: { name: `${id}!` }, headers: { 'if-match': ifMatch } });
      const etag = await create('if-match-weak');
      assert.equal((await patch('if-match-weak', `W/${etag}`)).status, 412, 'a weak tag never matches');
      assert.equal((await patch('if-match-weak', `"nope", W/${etag}`)).status, 412);
      assert.equal((await patch('if-match-weak', `"nope", ${etag}`)).status, 200, 'a list holding the current tag matches');
      const other = await create('if-match-list');
      assert.equal((await patch('if-match-list', `"a",${other} , "b"`)).status, 200);
      await create('if-match-star');
      assert.equal((await patch('if-match-star', '*')).status, 200);
      assert.equal((await patch('if-match-star', '"stale"')).status, 412);
    });

    test('account names in /api/changes for signed-in users only; account changes for admins only', async () => {
      const created = await server.call('/api/parties', {
        method: 'POST',
        as: 'editor',
        json: { id: 'who-wrote', name: 'W', kind: 'body' },
      });
      const seq = Number(created.headers.get('x-pactwatch-change'));
      const entry = async (as?: 'viewer' | 'admin') =>
        (await (await server.call(`/api/changes?since=${seq - 1}&limit=1`, { as })).json()).items[0];
      assert.equal((await entry()).actor, 'editor');
      assert.equal((await entry('viewer')).actor, 'editor-user');
      const body = JSON.stringify(await (await server.call('/api/changes?since=0&limit=1000')).json());
      assert.ok(!body.includes('editor-user') && !body.includes('admin-user'), 'no account name reaches an anonymous reader');

      const added = await server.call('/api/users', { method: 'POST', as: 'admin', json: { name: 'logged-user', role: 'viewer' } });
      assert.equal(added.status, 201);
      const accountEntries = async (as?: 'viewer' | 'editor' | 'admin') =>
        ((await (await server.call('/api/changes?since=0&limit=1000', { as })).json()).items as { kind: string }[]).filter(
          (c) => c.kind === 'users',
        );
      assert.equal((await accountEntries()).length, 0);
      assert.equal((await accountEntries('editor')).length, 0);
      const forAdmin = await accountEntries('admin');
      assert.ok(forAdmin.some((c) => JSON.stringify(c).includes('logged-user')));
      assert.ok(!JSON.stringify(forAdmin).includes('token_hash'));
    });
  });
}
