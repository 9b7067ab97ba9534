// Every error the API gives has the contract's shape, and none leaks a stack trace.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { startServer, type TestServer } from './http-server.ts';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: error shape`, { skip: dialect.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect, { writeLimit: { max: 3, timeWindow: '1 minute' } });
    });
    after(() => server?.close());

    async function assertShape(
      res: Response,
      status: number,
      code: string,
    ): Promise<{ code: string; message: string; details?: { field: string; message: string }[] }> {
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const text = await res.text();
      assert.doesNotMatch(text, /\bat \S+ \(|node_modules|\.ts:\d+/, 'no stack trace');
      const body = JSON.parse(text);
      assert.deepEqual(Object.keys(body), ['error']);
      assert.equal(body.error.code, code);
      assert.equal(typeof body.error.message, 'string');
      for (const d of body.error.details ?? []) assert.deepEqual(Object.keys(d).sort(), ['field', 'message']);
      return body.error;
    }

    test('404, 400 (fields, JSON, media type), 401, 403, 412, 428, 413', async () => {
      await assertShape(await server.call('/api/events/nope'), 404, 'not_found');
      await assertShape(await server.call('/api/nothing-here', { method: 'POST' }), 404, 'not_found');
      const invalid = await assertShape(
        await server.call('/api/parties', { method: 'POST', as: 'editor', json: { id: 'Bad Id', name: 'x', kind: 'state' } }),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        invalid.details?.map((d) => d.field),
        ['id'],
      );
      const nested = await assertShape(
        await server.call('/api/events', {
          method: 'POST',
          as: 'editor',
          json: { id: 'e', date: '2024', title: 't', summary: 's', type: 'other', sources: [{ url: 'ftp://x' }] },
        }),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        nested.details?.map((d) => d.field),
        ['sources.0.url'],
      );
      await assertShape(
        await server.call('/api/parties', {
          method: 'POST',
          as: 'editor',
          headers: { 'content-type': 'application/json' },
          body: '{"id":',
        }),
        400,
        'bad_request',
      );
      await assertShape(
        await server.call('/api/parties', { method: 'POST', as: 'editor', headers: { 'content-type': 'text/plain' }, body: 'hi' }),
        415,
        'bad_request',
      );
      await assertShape(await server.call('/api/parties', { method: 'POST', json: {} }), 401, 'unauthorized');
      await assertShape(await server.call('/api/parties', { method: 'POST', as: 'viewer', json: {} }), 403, 'forbidden');
      await assertShape(
        await server.call('/api/parties/nato', { method: 'PATCH', as: 'editor', json: { name: 'N' } }),
        428,
        'precondition_required',
      );
      await assertShape(
        await server.call('/api/parties/nato', { method: 'PATCH', as: 'editor', json: { name: 'N' }, headers: { 'if-match': '"old"' } }),
        412,
        'precondition_failed',
      );
      const huge = JSON.stringify({ id: 'big', name: 'x'.repeat(1_100_000), kind: 'state' });
      await assertShape(
        await server.call('/api/parties', { method: 'POST', as: 'admin', headers: { 'content-type': 'application/json' }, body: huge }),
        413,
        'payload_too_large',
      );
      await assertShape(await server.call('/api/events?cursor=garbage'), 400, 'bad_request');
    });

    test('429 once a client passes the write limit', async () => {
      let last: Response | undefined;
      for (let i = 0; i < 5; i++) last = await server.call('/api/parties', { method: 'POST', as: 'viewer', json: {} });
      await assertShape(last!, 429, 'rate_limited');
    });

    test('security headers: CSP, no CORS', async () => {
      const res = await server.call('/api/health', { headers: { origin: 'https://elsewhere.example' } });
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });
  });
}
