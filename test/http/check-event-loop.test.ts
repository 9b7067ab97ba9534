// A long, pathological text sent to /api/check must not stall the server: the checker yields
// to the event loop as it works, so /api/health keeps answering while the text is checked,
// and a text over the time budget gets a clear error rather than a stall.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { startServer, type TestServer } from './http-server.ts';

const sqlite = DIALECTS[0]!;

describe('checking a 100 kB text leaves the event loop free', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(sqlite);
  });
  after(() => server?.close());

  for (const [name, text] of [
    ['one sentence repeated', 'NATO signed in 1997. '.repeat(4_700)],
    [
      'real prose repeated',
      'The Charter on a Distinctive Partnership was signed in Madrid on 9 July 1997. Ukraine joined the Partnership for Peace in 1994. '.repeat(
        800,
      ),
    ],
    ['a run of full stops', '.'.repeat(99_999) + 'x'],
    ['money signs', '$1,'.repeat(33_000)],
  ] as const) {
    test(`${name}: health answers while the text is checked`, async () => {
      let done = false;
      const check = server
        .call('/api/check', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: text.slice(0, 100_000) }),
        })
        .finally(() => (done = true));
      const latencies: number[] = [];
      while (!done) {
        const t0 = performance.now();
        const res = await server.call('/api/health');
        latencies.push(performance.now() - t0);
        assert.equal(res.status, 200);
        await new Promise((r) => setTimeout(r, 20));
      }
      const res = await check;
      assert.ok(res.status === 200 || res.status === 413, `status ${res.status}`);
      // Health is answered between slices of the check, not after it: no answer waits for the whole text.
      const worst = Math.max(0, ...latencies);
      assert.ok(worst < 1_000, `health took ${worst.toFixed(0)} ms while checking`);
    });
  }
});
