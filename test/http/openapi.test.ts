// The OpenAPI document is valid OpenAPI 3.1 (JSON Schema 2020-12), lists every route, and its schemas are the ones
// that validate (a body the document forbids is refused).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 as Ajv } from 'ajv/dist/2020.js';
import { RECORD_KINDS } from '../../src/domain/vocabulary.ts';
import { sqliteDialect } from '../support/test-stores.ts';
import { startServer, type TestServer } from './http-server.ts';

const ROUTES = [
  'get /api/health',
  'get /api/changes',
  'get /api/me',
  'get /api/users',
  'post /api/users',
  'delete /api/users/{name}',
  'post /api/check',
  'get /api/report',
  'get /api/deadlines.ics',
  ...RECORD_KINDS.flatMap((k) => [
    `get /api/${k}`,
    `post /api/${k}`,
    `get /api/${k}/{id}`,
    `put /api/${k}/{id}`,
    `patch /api/${k}/{id}`,
    `delete /api/${k}/{id}`,
  ]),
];
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('OpenAPI document', () => {
  let server: TestServer;
  let doc: { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };
  interface Operation {
    responses: Record<string, unknown>;
    parameters?: { name: string; in: string; schema: object }[];
    requestBody?: { content: Record<string, { schema: object }> };
  }
  before(async () => {
    server = await startServer(sqliteDialect);
    doc = await (await server.call('/api/openapi.json')).json();
  });
  after(() => server?.close());

  test('is OpenAPI 3.1 with the required structure', () => {
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.ok(doc.info.title && doc.info.version);
    const ajv = new Ajv({ strict: false, validateFormats: false });
    for (const [path, item] of Object.entries(doc.paths)) {
      assert.match(path, /^\//);
      for (const [method, op] of Object.entries(item)) {
        assert.ok(METHODS.includes(method), `${method} ${path}`);
        assert.ok(Object.keys(op.responses).length > 0, `${method} ${path} has responses`);
        for (const p of op.parameters ?? []) {
          assert.ok(p.name && ['query', 'path', 'header', 'cookie'].includes(p.in) && p.schema, `${method} ${path} parameter ${p.name}`);
          assert.doesNotThrow(() => ajv.compile(p.schema), `${method} ${path} ${p.name}`);
        }
        for (const media of Object.values(op.requestBody?.content ?? {}))
          assert.doesNotThrow(() => ajv.compile(media.schema), `${method} ${path} body`);
      }
    }
  });

  test('lists every route, and path templates match their parameters', () => {
    const listed = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    for (const route of ROUTES) assert.ok(listed.includes(route), `${route} is documented`);
    for (const [path, item] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(item)) {
        const inPath = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        assert.deepEqual(inPath.sort(), names.sort(), path);
      }
    }
  });

  test('the documented body schema is the validating one', async () => {
    const schema = doc.paths['/api/events']!.post!.requestBody!.content['application/json']!.schema;
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const bad = { id: 'x', date: '2024', title: 't', summary: 's', type: 'not-a-type', sources: [{ url: 'https://e.org' }] };
    assert.equal(validate(bad), false);
    const res = await server.call('/api/events', { method: 'POST', as: 'editor', json: bad });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.details[0].field, 'type');
  });
});
