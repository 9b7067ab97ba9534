// Every write endpoint against every kind of caller.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/auth/accounts.ts';
import { DIALECTS } from '../support/test-stores.ts';
import { source, startServer, type TestServer } from './http-server.ts';

type Caller = 'none' | 'bad' | Role;
const CALLERS: Caller[] = ['none', 'bad', 'viewer', 'editor', 'admin'];

interface Endpoint {
  name: string;
  /** Makes the request for one caller; `n` keeps created ids apart. */
  request(server: TestServer, headers: Record<string, string>, n: number): Promise<Response>;
  /** Status for a caller allowed to do it. */
  ok: number;
  /** The least role allowed. */
  needs: Role;
}

const RECORDS = {
  events: (n: number) => ({ id: `authz-event-${n}`, date: '2024', title: 'T', summary: 'S', type: 'other', sources: source }),
  parties: (n: number) => ({ id: `authz-party-${n}`, name: 'P', kind: 'body' }),
  agreements: (n: number) => ({
    id: `authz-agreement-${n}`,
    title: 'A',
    kind: 'k',
    parties: ['nato'],
    signed: '2024',
    status: 's',
    sources: source,
  }),
  commitments: (n: number) => ({
    id: `authz-commitment-${n}`,
    agreement_id: 'budapest-memorandum-1994',
    obligor: 'nato',
    beneficiary: 'ukraine',
    area: 'membership',
    description: 'D',
    sources: source,
  }),
  deliveries: (n: number) => ({
    id: `authz-delivery-${n}`,
    commitment_id: 'nato-40bn-baseline',
    date: '2024',
    description: 'D',
    sources: source,
  }),
};

/** Creates a record as the admin and returns its ETag, for the update and delete cases. */
async function fresh(server: TestServer, kind: keyof typeof RECORDS, n: number): Promise<{ id: string; etag: string }> {
  const record = RECORDS[kind](n);
  const res = await server.call(`/api/${kind}`, { method: 'POST', as: 'admin', json: record });
  assert.equal(res.status, 201);
  return { id: record.id, etag: res.headers.get('etag')! };
}

const ENDPOINTS: Endpoint[] = [
  ...Object.keys(RECORDS).flatMap((k): Endpoint[] => {
    const kind = k as keyof typeof RECORDS;
    const send = (server: TestServer, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
      fetch(server.base + path, {
        method,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    return [
      { name: `POST /api/${kind}`, ok: 201, needs: 'editor', request: (s, h, n) => send(s, 'POST', `/api/${kind}`, h, RECORDS[kind](n)) },
      {
        name: `PUT /api/${kind}/:id`,
        ok: 200,
        needs: 'editor',
        request: async (s, h, n) => {
          const { id, etag } = await fresh(s, kind, n);
          return send(s, 'PUT', `/api/${kind}/${id}`, { ...h, 'if-match': etag }, RECORDS[kind](n));
        },
      },
      {
        name: `PATCH /api/${kind}/:id`,
        ok: 200,
        needs: 'editor',
        request: async (s, h, n) => {
          const { id, etag } = await fresh(s, kind, n);
          return send(s, 'PATCH', `/api/${kind}/${id}`, { ...h, 'if-match': etag }, { sources: source });
        },
      },
      {
        name: `DELETE /api/${kind}/:id`,
        ok: 204,
        needs: 'editor',
        request: async (s, h, n) => {
          const { id, etag } = await fresh(s, kind, n);
          return send(s, 'DELETE', `/api/${kind}/${id}`, { ...h, 'if-match': etag });
        },
      },
    ];
  }),
  {
    name: 'POST /api/users',
    ok: 201,
    needs: 'admin',
    request: (s, h, n) =>
      fetch(`${s.base}/api/users`, {
        method: 'POST',
        headers: { ...h, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `authz-user-${n}`, role: 'viewer' }),
      }),
  },
  {
    name: 'DELETE /api/users/:name',
    ok: 204,
    needs: 'admin',
    request: async (s, h, n) => {
      await s.call('/api/users', { method: 'POST', as: 'admin', json: { name: `authz-gone-${n}`, role: 'viewer' } });
      return fetch(`${s.base}/api/users/authz-gone-${n}`, { method: 'DELETE', headers: h });
    },
  },
  { name: 'GET /api/users', ok: 200, needs: 'admin', request: (s, h) => fetch(`${s.base}/api/users`, { headers: h }) },
];

function expected(caller: Caller, endpoint: Endpoint): number {
  if (caller === 'none' || caller === 'bad') return 401;
  const rank = { viewer: 0, editor: 1, admin: 2 };
  return rank[caller] >= rank[endpoint.needs] ? endpoint.ok : 403;
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: authorization matrix`, { skip: dialect.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect);
    });
    after(() => server?.close());

    test('every write endpoint x {no token, bad token, viewer, editor, admin}', async () => {
      let n = 0;
      const got: string[] = [];
      const want: string[] = [];
      for (const endpoint of ENDPOINTS) {
        for (const caller of CALLERS) {
          const headers: Record<string, string> =
            caller === 'none' ? {} : { authorization: `Bearer ${caller === 'bad' ? 'pw_not-a-real-token' : server.tokens[caller]}` };
          const res = await endpoint.request(server, headers, n++);
          got.push(`${endpoint.name} as ${caller}: ${res.status}`);
          want.push(`${endpoint.name} as ${caller}: ${expected(caller, endpoint)}`);
          if (res.status >= 400) assert.ok((await res.json()).error.code, endpoint.name);
        }
      }
      assert.deepEqual(got, want);
    });
  });
}
