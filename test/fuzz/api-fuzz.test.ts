// Every endpoint of a real server on loopback, under random query strings, paths and bodies.
// The endpoints come from the server's own OpenAPI document, so a route added later is fuzzed
// too. Whatever is sent: no 5xx, an answer within the time limit, errors in the contract's
// shape with field-level details naming a field, and a rejected write changes nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { RECORD_KINDS, type RecordKind } from '../../src/domain/vocabulary.ts';
import { SHIPPED_RECORD_DIR } from '../../src/io/shipped-record.ts';
import { fingerprint } from '../reliability/support/fingerprint.ts';
import { encodeHostile, hostileJson, hostileString } from '../reliability/support/hostile-values.ts';
import { holds } from '../reliability/support/property.ts';
import { report, scaled } from '../reliability/support/scale.ts';
import { assertAnswer, send } from '../reliability/support/answers.ts';
import { startServer, type TestServer } from '../http/http-server.ts';
import { DIALECTS } from '../support/test-stores.ts';

const SHIPPED = Object.fromEntries(
  RECORD_KINDS.map((kind) => [kind, JSON.parse(fs.readFileSync(path.join(SHIPPED_RECORD_DIR, `${kind}.json`), 'utf8'))[kind]]),
) as Record<RecordKind, Record<string, unknown>[]>;

interface Endpoint {
  method: string;
  /** An OpenAPI path, e.g. /api/events/{id}. */
  path: string;
  query: string[];
}

function endpointsOf(doc: { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> }): Endpoint[] {
  return Object.entries(doc.paths).flatMap(([p, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: p,
      query: (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
    })),
  );
}

const kindOf = (endpoint: Endpoint) => RECORD_KINDS.find((k) => endpoint.path.startsWith(`/api/${k}`));
const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

const queryValue = fc.oneof(
  hostileString,
  fc.constantFrom(
    '1',
    '0',
    '-1',
    '500',
    '501',
    '1e9',
    '2020',
    '2020-13',
    'membership',
    'summit',
    'type,area,actor,year',
    'nato',
    'events/nato-summit-2024',
    '',
  ),
);
const queryCase = fc.record({
  endpoint: fc.nat(),
  params: fc.array(fc.tuple(fc.nat(), queryValue), { maxLength: 6 }),
  junk: fc.option(fc.string({ unit: 'binary', maxLength: 60 })),
  id: fc.oneof(
    fc.nat().map((n) => ({ real: n })),
    hostileString.map((s) => ({ raw: s })),
  ),
});

const bodyCase = fc.record({
  endpoint: fc.nat(),
  index: fc.nat(),
  field: fc.nat(),
  value: hostileJson,
  shape: fc.constantFrom('mutated', 'patch', 'random', 'raw'),
  raw: fc.string({ unit: 'binary', maxLength: 200 }),
  ifMatch: fc.constantFrom('current', 'stale', 'none', 'garbage'),
  role: fc.constantFrom('editor', 'admin', 'viewer', 'none'),
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: API fuzz`, { skip: dialect.skip }, () => {
    const runs = (n: number) => scaled(dialect.name === 'sqlite' ? n : Math.ceil(n / 4), dialect.name === 'sqlite' ? n * 10 : n * 2);
    let server: TestServer;
    let endpoints: Endpoint[];
    let stored: string;
    before(async () => {
      server = await startServer(dialect);
      endpoints = endpointsOf((await (await server.call('/api/openapi.json')).json()) as Parameters<typeof endpointsOf>[0]);
      stored = await fingerprint(server.db.store);
    });
    after(() => server?.close());

    const fillPath = (endpoint: Endpoint, id: { real: number } | { raw: string }) =>
      endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        if ('raw' in id) return encodeHostile(id.raw);
        const kind = kindOf(endpoint);
        return kind ? String(pick(SHIPPED[kind], id.real).id) : name === 'name' ? 'viewer-user' : 'x';
      });

    const call = (method: string, url: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
      send(server.base, method, url, init);

    test('random query strings and path ids on every endpoint: no 5xx, well-formed errors, nothing changes on a read', async () => {
      assert.ok(endpoints.length >= 15, `only ${endpoints.length} endpoints in the OpenAPI document`);
      const cases = await holds(
        fc.asyncProperty(queryCase, async (c) => {
          const endpoint = pick(endpoints, c.endpoint);
          const query = new URLSearchParams(c.params.map(([name, value]) => [pick([...endpoint.query, 'unknown', 'limit'], name), value]));
          const url = `${fillPath(endpoint, c.id)}?${query}${c.junk === null ? '' : `&${c.junk}`}`;
          // Reads are the point here: writes get their bodies below, sent anonymously they must be refused.
          const answer = await call(endpoint.method, url);
          assertAnswer(answer);
          if (endpoint.method !== 'GET') assert.ok(answer.status >= 400, `an anonymous ${endpoint.method} ${url} was accepted`);
        }),
        runs(600),
      );
      assert.equal(await fingerprint(server.db.store), stored, 'reads and refused writes changed the database');
      report('cases fuzzed', cases, `${dialect.name} API: query strings and paths`);
    });

    test('random bodies to every write: no 5xx, rejected writes change nothing, accepted ones are stored as answered', async () => {
      const writes = endpoints.filter((e) => e.method !== 'GET' && e.method !== 'HEAD');
      const cases = await holds(
        fc.asyncProperty(bodyCase, async (c) => {
          const endpoint = pick(writes, c.endpoint);
          const kind = kindOf(endpoint);
          const original = kind ? pick(SHIPPED[kind], c.index) : { name: 'fuzz-user', role: 'viewer' };
          const keys = Object.keys(original);
          const field = pick(keys, c.field);
          const url = fillPath(endpoint, { real: c.index });
          let body: string;
          if (c.shape === 'raw') body = c.raw;
          else if (c.shape === 'random') body = JSON.stringify(c.value) ?? 'null';
          else if (c.shape === 'patch' || endpoint.method === 'PATCH') body = JSON.stringify({ [field]: c.value });
          else {
            // POST creates under a fresh id, so a valid mutation is accepted rather than a conflict.
            const id = endpoint.method === 'POST' && kind ? `fuzz-${c.index}-${c.field}` : original.id;
            body = JSON.stringify({ ...original, id, [field]: c.value });
          }
          const current = kind ? await call('GET', url) : undefined;
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (c.role !== 'none') headers.authorization = `Bearer ${server.tokens[c.role]}`;
          const ifMatch = { current: current?.etag ?? undefined, stale: '"stale"', garbage: 'W/"\u00ff', none: undefined }[c.ifMatch];
          if (ifMatch) headers['if-match'] = ifMatch;
          const answer = await call(endpoint.method, url, {
            body: endpoint.method === 'DELETE' && c.shape !== 'raw' ? undefined : body,
            headers,
          });
          assertAnswer(answer);
          if (answer.status >= 400) {
            assert.equal(
              await fingerprint(server.db.store),
              stored,
              `a rejected ${endpoint.method} ${url} (${answer.status}) changed the database`,
            );
            return;
          }
          stored = await fingerprint(server.db.store);
          if (kind && endpoint.method !== 'DELETE') {
            const written = JSON.parse(answer.text) as { id: string };
            const readBack = await call('GET', `/api/${kind}/${encodeURIComponent(written.id)}`);
            assert.equal(readBack.etag, answer.etag, `${endpoint.method} ${url}: the stored record differs from the answer`);
          }
        }),
        runs(500),
      );
      report('cases fuzzed', cases, `${dialect.name} API: write bodies`);
    });
  });
}
