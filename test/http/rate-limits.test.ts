// Rate limits keyed by verified identity (issue 14, finding 2), over real HTTP on each backend.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { startServer } from './http-server.ts';

const CHECK = { text: 'NATO was founded in 1949.' };

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: rate limits hold`, { skip: dialect.skip }, () => {
    test('made-up tokens share their address bucket: no fresh bucket per junk token', async () => {
      const server = await startServer(dialect, { checkLimit: { max: 5, timeWindow: '1 minute' } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push(
            (await server.call('/api/check', { method: 'POST', json: CHECK, headers: { authorization: `Bearer junk${i}` } })).status,
          );
        assert.equal(statuses.filter((s) => s === 200).length, 5, statuses.join(','));
        const limited = await server.call('/api/check', { method: 'POST', json: CHECK, headers: { authorization: 'Bearer junk99' } });
        assert.equal(limited.status, 429);
        assert.ok(Number(limited.headers.get('retry-after')) > 0, 'a 429 says when to retry');
        // A valid token is its account's own bucket.
        assert.equal((await server.call('/api/check', { method: 'POST', json: CHECK, as: 'viewer' })).status, 200);
      } finally {
        await server.close();
      }
    });

    test("extra spaces in the header do not escape a token's exhausted limit", async () => {
      const server = await startServer(dialect, { writeLimit: { max: 3, timeWindow: '1 minute' } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) {
          const spaces = ' '.repeat(1 + i);
          const answer = await server.call('/api/parties', {
            method: 'POST',
            json: { id: `spaced-${i}`, name: 'S', kind: 'body' },
            headers: { authorization: `Bearer${spaces}${server.tokens.editor}` },
          });
          statuses.push(answer.status);
        }
        assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429, 429, 429]);
      } finally {
        await server.close();
      }
    });

    test('guessing tokens gets 429 with Retry-After, and never locks out a valid token from the same address', async () => {
      const server = await startServer(dialect, { tokenGuessLimit: { max: 5, windowMs: 60_000 } });
      try {
        const guesses: number[] = [];
        for (let i = 0; i < 10; i++)
          guesses.push((await server.call('/api/me', { headers: { authorization: `Bearer guess${i}` } })).status);
        assert.deepEqual(guesses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
        const limited = await server.call('/api/me', { headers: { authorization: 'Bearer guess-more' } });
        assert.equal(limited.status, 429);
        const retry = Number(limited.headers.get('retry-after'));
        assert.ok(retry > 0 && retry <= 60, `Retry-After ${retry}`);
        assert.equal(
          (await server.call('/api/me', { headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status,
          429,
          'malformed counts too',
        );
        // The address's editors still get in.
        const me = await server.call('/api/me', { as: 'editor' });
        assert.equal(me.status, 200);
        const write = await server.call('/api/parties', {
          method: 'POST',
          as: 'editor',
          json: { id: 'still-in', name: 'S', kind: 'body' },
        });
        assert.equal(write.status, 201);
      } finally {
        await server.close();
      }
    });

    test('X-Forwarded-For is believed only with trustProxy', async () => {
      for (const trustProxy of [false, '127.0.0.1']) {
        const server = await startServer(dialect, { checkLimit: { max: 2, timeWindow: '1 minute' }, trustProxy });
        try {
          const statuses: number[] = [];
          for (let i = 0; i < 6; i++)
            statuses.push(
              (await server.call('/api/check', { method: 'POST', json: CHECK, headers: { 'x-forwarded-for': `203.0.113.${i}` } })).status,
            );
          if (trustProxy)
            assert.ok(
              statuses.every((s) => s === 200),
              `behind a trusted proxy each client has its own bucket: ${statuses}`,
            );
          else assert.equal(statuses.filter((s) => s === 200).length, 2, `a spoofed header gives no fresh bucket: ${statuses}`);
        } finally {
          await server.close();
        }
      }
    });
  });
}
