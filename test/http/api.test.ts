// Every endpoint over real HTTP, on each backend.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { source, startServer, type TestServer } from './http-server.ts';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: HTTP API`, { skip: dialect.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server?.close());
    const json = async (path: string, init?: Parameters<TestServer['call']>[1]) => {
      const res = await server.call(path, init);
      return { status: res.status, etag: res.headers.get('etag'), body: res.status === 204 ? null : await res.json() };
    };

    test('health', async () => {
      assert.deepEqual(await json('/api/health'), { status: 200, etag: null, body: { ok: true } });
    });

    test('events: search, filters, facets, newest first', async () => {
      const all = await json('/api/events?limit=500');
      assert.equal(all.body.items.length, all.body.total);
      const dates = all.body.items.map((e: { date: string }) => e.date);
      assert.deepEqual(dates, [...dates].sort().reverse());

      const summits = await json('/api/events?type=summit&facets=type,area,actor,year&limit=5');
      assert.ok(summits.body.total > 0);
      assert.ok(summits.body.items.every((e: { type: string }) => e.type === 'summit'));
      assert.deepEqual(summits.body.facets.type, [{ value: 'summit', count: summits.body.total }]);
      assert.ok(summits.body.facets.year.length > 0 && summits.body.facets.area.length > 0 && summits.body.facets.actor.length > 0);

      const q = await json('/api/events?q=summit&from=2020&to=2025-12-31');
      assert.ok(q.body.items.length > 0);
      assert.ok(q.body.items.every((e: { date: string }) => e.date >= '2020' && e.date <= '2025-12-31'));

      const areas = await json('/api/events?area=membership,military-operational&actor=nato');
      const repeated = await json('/api/events?area=membership&area=military-operational&actor=NATO');
      assert.equal(areas.body.total, repeated.body.total);
      for (const e of areas.body.items) assert.ok(e.areas.includes('membership') && e.areas.includes('military-operational'));

      const bad = await json('/api/events?type=party&from=soon');
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.error.details.map((d: { field: string }) => d.field).sort(), ['from', 'type.0']);
    });

    test('one record of each kind, with an ETag and 304 when unchanged', async () => {
      for (const [kind, id] of [
        ['events', 'nacc-1991'],
        ['parties', 'nato'],
        ['agreements', 'budapest-memorandum-1994'],
        ['commitments', 'budapest-respect-borders-russia'],
        ['deliveries', 'nato-40bn-h1-2024'],
      ]) {
        const one = await json(`/api/${kind}/${id}`);
        assert.equal(one.status, 200, kind);
        assert.equal(one.body.id, id);
        assert.match(one.etag!, /^"[\w-]+"$/);
        const again = await server.call(`/api/${kind}/${id}`, { headers: { 'if-none-match': one.etag! } });
        assert.equal(again.status, 304);
        assert.equal((await json(`/api/${kind}/no-such-${kind}`)).status, 404);
        const list = await json(`/api/${kind}`);
        assert.ok(list.body.items.length > 0, kind);
      }
    });

    test('agreements carry their commitments (with status) and events', async () => {
      const { body } = await json('/api/agreements/budapest-memorandum-1994');
      assert.ok(body.commitments.length > 0);
      for (const c of body.commitments) {
        assert.equal(c.agreement_id, 'budapest-memorandum-1994');
        assert.ok(['pending', 'in-progress', 'fulfilled', 'overdue', 'withdrawn', 'breached'].includes(c.status));
        assert.ok('progress' in c && Array.isArray(c.deliveries));
      }
      assert.ok(Array.isArray(body.events));
    });

    test('commitments filter by status, party and area; deliveries by commitment', async () => {
      const all = (await json('/api/commitments')).body.items;
      const status = all[0].status;
      const byStatus = (await json(`/api/commitments?status=${status}`)).body.items;
      assert.ok(byStatus.length > 0 && byStatus.every((c: { status: string }) => c.status === status));
      const byParty = (await json('/api/commitments?party=nato')).body.items;
      assert.ok(byParty.every((c: { obligor: string; beneficiary: string }) => c.obligor === 'nato' || c.beneficiary === 'nato'));
      const byArea = (await json('/api/commitments?area=financial-support')).body.items;
      assert.ok(byArea.every((c: { area: string }) => c.area === 'financial-support'));
      const withDeliveries = (await json('/api/commitments/nato-40bn-baseline')).body;
      assert.ok(withDeliveries.deliveries.length > 0);
      const deliveries = (await json('/api/deliveries?commitment=nato-40bn-baseline')).body.items;
      assert.deepEqual(
        deliveries.map((d: { id: string }) => d.id).sort(),
        withDeliveries.deliveries.map((d: { id: string }) => d.id).sort(),
      );
    });

    test('create, replace, patch and delete each kind, with If-Match', async () => {
      const records = {
        parties: { id: 'test-party', name: 'Test party', kind: 'state' },
        events: { id: 'test-event', date: '2024-05', title: 'Test event', summary: 'A test.', type: 'other', sources: source },
        agreements: {
          id: 'test-agreement',
          title: 'Test agreement',
          kind: 'memorandum',
          parties: ['test-party', 'ukraine'],
          signed: '2024',
          status: 'signed',
          sources: source,
        },
        commitments: {
          id: 'test-commitment',
          agreement_id: 'test-agreement',
          obligor: 'test-party',
          beneficiary: 'ukraine',
          area: 'financial-support',
          description: 'Pay.',
          amount: 10,
          currency: 'EUR',
          sources: source,
        },
        deliveries: {
          id: 'test-delivery',
          commitment_id: 'test-commitment',
          date: '2024-06',
          amount: 5,
          currency: 'EUR',
          description: 'Half.',
          sources: source,
        },
      };
      const field = {
        parties: 'name',
        events: 'title',
        agreements: 'title',
        commitments: 'description',
        deliveries: 'description',
      } as const;
      for (const [kind, record] of Object.entries(records)) {
        const created = await json(`/api/${kind}`, { method: 'POST', as: 'editor', json: record });
        assert.equal(created.status, 201, `${kind}: ${JSON.stringify(created.body)}`);
        assert.equal(created.body.id, record.id);
        assert.equal((await json(`/api/${kind}`, { method: 'POST', as: 'editor', json: record })).status, 409);

        const key = field[kind as keyof typeof field];
        const put = await json(`/api/${kind}/${record.id}`, {
          method: 'PUT',
          as: 'editor',
          json: { ...record, [key]: 'Replaced' },
          headers: { 'if-match': created.etag! },
        });
        assert.equal(put.status, 200);
        assert.equal(put.body[key], 'Replaced');
        const stale = await json(`/api/${kind}/${record.id}`, {
          method: 'PATCH',
          as: 'editor',
          json: { [key]: 'Patched' },
          headers: { 'if-match': created.etag! },
        });
        assert.equal(stale.status, 412);
        const patched = await json(`/api/${kind}/${record.id}`, {
          method: 'PATCH',
          as: 'editor',
          json: { [key]: 'Patched' },
          headers: { 'if-match': put.etag! },
        });
        assert.equal(patched.status, 200);
        assert.deepEqual(patched.body, { ...put.body, [key]: 'Patched' });
        assert.equal((await json(`/api/${kind}/${record.id}`)).etag, patched.etag);
      }
      const commitment = await json('/api/commitments/test-commitment');
      assert.equal(commitment.body.status, 'in-progress');

      const party = await json('/api/parties/test-party');
      const referenced = await json('/api/parties/test-party', { method: 'DELETE', as: 'editor', headers: { 'if-match': party.etag! } });
      assert.equal(referenced.status, 409);
      assert.match(referenced.body.error.message, /test-commitment/);

      for (const kind of ['deliveries', 'commitments', 'agreements', 'events', 'parties'] as const) {
        const id = records[kind].id;
        const current = await json(`/api/${kind}/${id}`);
        assert.equal((await json(`/api/${kind}/${id}`, { method: 'DELETE', as: 'editor' })).status, 428);
        assert.equal(
          (await json(`/api/${kind}/${id}`, { method: 'DELETE', as: 'editor', headers: { 'if-match': current.etag! } })).status,
          204,
        );
        assert.equal((await json(`/api/${kind}/${id}`)).status, 404);
      }
    });

    test('writes check references and ids', async () => {
      const orphan = await json('/api/commitments', {
        method: 'POST',
        as: 'editor',
        json: {
          id: 'orphan',
          agreement_id: 'no-such-agreement',
          obligor: 'nato',
          beneficiary: 'ukraine',
          area: 'membership',
          description: 'x',
          sources: source,
        },
      });
      assert.equal(orphan.status, 400);
      assert.deepEqual(orphan.body.error.details, [{ field: 'agreement_id', message: 'no agreement with id "no-such-agreement"' }]);
      const nato = await json('/api/parties/nato');
      const moved = await json('/api/parties/nato', {
        method: 'PUT',
        as: 'editor',
        json: { ...nato.body, id: 'otan' },
        headers: { 'if-match': nato.etag! },
      });
      assert.equal(moved.status, 400);
      assert.equal(moved.body.error.details[0].field, 'id');
      const missing = await json('/api/parties/nobody', {
        method: 'PATCH',
        as: 'editor',
        json: { name: 'x' },
        headers: { 'if-match': '"x"' },
      });
      assert.equal(missing.status, 404);
    });

    test('the change log lists writes and shows records as they stood', async () => {
      const t0 = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      const created = await json('/api/parties', {
        method: 'POST',
        as: 'admin',
        json: { id: 'history-party', name: 'First', kind: 'body' },
      });
      await new Promise((r) => setTimeout(r, 5));
      const t1 = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      await json('/api/parties/history-party', {
        method: 'PATCH',
        as: 'editor',
        json: { name: 'Second' },
        headers: { 'if-match': created.etag! },
      });

      const changes = (await json('/api/changes?record=parties/history-party', { as: 'viewer' })).body;
      assert.deepEqual(
        changes.items.map((c: { action: string; actor: string }) => [c.action, c.actor]),
        [
          ['create', 'admin-user'],
          ['update', 'editor-user'],
        ],
      );
      // Anonymous readers see roles, not account names.
      const anonymous = (await json('/api/changes?record=parties/history-party')).body;
      assert.deepEqual(
        anonymous.items.map((c: { actor: string }) => c.actor),
        ['admin', 'editor'],
      );
      assert.equal(changes.items[1].before.name, 'First');
      assert.equal(changes.items[1].after.name, 'Second');
      const sinceSeq = (await json(`/api/changes?since=${changes.items[0].seq}`)).body.items;
      assert.equal(sinceSeq[0].seq, changes.items[1].seq);
      const sinceTime = (await json(`/api/changes?since=${encodeURIComponent(t0)}`)).body.items;
      assert.deepEqual(
        sinceTime.map((c: { seq: number }) => c.seq),
        changes.items.map((c: { seq: number }) => c.seq),
      );
      const paged = (await json('/api/changes?since=0&limit=1')).body;
      // The shipped record's import logged each record it created.
      assert.deepEqual([paged.items[0].action, paged.items[0].actor], ['create', 'import']);
      assert.equal(paged.next, paged.items[0].seq);

      assert.equal((await json(`/api/parties/history-party?as_of=${encodeURIComponent(t0)}`)).status, 404);
      assert.equal((await json(`/api/parties/history-party?as_of=${encodeURIComponent(t1)}`)).body.name, 'First');
      assert.equal((await json('/api/parties/history-party?as_of=2999-01-01')).body.name, 'Second');
      assert.equal((await json('/api/parties/nato?as_of=2999')).body.id, 'nato');
      assert.equal((await json('/api/parties/nato?as_of=1990')).status, 404);
      assert.equal((await json('/api/parties/nato?as_of=yesterday')).status, 400);
    });

    test('accounts: me, and admins manage users', async () => {
      assert.deepEqual((await json('/api/me', { as: 'viewer' })).body.role, 'viewer');
      assert.equal((await json('/api/me')).status, 401);
      const added = await json('/api/users', { method: 'POST', as: 'admin', json: { name: 'new-editor', role: 'editor' } });
      assert.equal(added.status, 201);
      assert.match(added.body.token, /^pw_/);
      const me = await fetch(`${server.base}/api/me`, { headers: { authorization: `Bearer ${added.body.token}` } });
      assert.equal((await me.json()).name, 'new-editor');
      const users = (await json('/api/users', { as: 'admin' })).body.items;
      assert.ok(users.some((u: { name: string }) => u.name === 'new-editor'));
      assert.ok(users.every((u: object) => !('token_hash' in u)));
      assert.equal((await json('/api/users/new-editor', { method: 'DELETE', as: 'admin' })).status, 204);
      const gone = await fetch(`${server.base}/api/me`, { headers: { authorization: `Bearer ${added.body.token}` } });
      assert.equal(gone.status, 401);
    });

    test('OpenAPI document and interactive docs', async () => {
      const doc = await json('/api/openapi.json');
      assert.equal(doc.status, 200);
      assert.match(doc.body.openapi, /^3\./);
      const docs = await server.call('/api/docs');
      assert.equal(docs.status, 200);
      assert.match(await docs.text(), /swagger/i);
    });

    test('check, report and the deadlines calendar', async () => {
      const checked = await json('/api/check', { method: 'POST', json: { text: 'Ukraine applied to join NATO on 30 September 2022.' } });
      assert.equal(checked.status, 200);
      assert.ok(Array.isArray(checked.body.claims));
      for (const claim of checked.body.claims) assert.ok(['supported', 'contradicted', 'unverifiable'].includes(claim.verdict));
      assert.equal((await json('/api/check', { method: 'POST', json: { text: '' } })).status, 400);

      const report = await json('/api/report');
      assert.equal(report.status, 200);
      assert.ok(report.body.overall && report.body.by.area.length > 0);

      const ics = await server.call('/api/deadlines.ics');
      assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
      assert.match(await ics.text(), /^BEGIN:VCALENDAR/);
    });

    test('unknown API paths are JSON 404s', async () => {
      const res = await json('/api/no-such-thing');
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
    });
  });
}
