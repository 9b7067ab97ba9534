// A long, pathological text sent to /api/check must not stall the server: checks run in worker
// threads (src/check/check-pool.ts), so /api/health answers within 100 ms while the text is
// checked, and a text over the time budget gets a clear error rather than a stall.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { startServer, type TestServer } from './http-server.ts';

const sqlite = DIALECTS[0]!;

const PATHOLOGICAL = [
  ['one sentence repeated', 'NATO signed in 1997. '.repeat(4_700)],
  [
    'real prose repeated',
    'The Charter on a Distinctive Partnership was signed in Madrid on 9 July 1997. Ukraine joined the Partnership for Peace in 1994. '.repeat(
      800,
    ),
  ],
  ['a run of full stops', '.'.repeat(99_999) + 'x'],
  ['money signs', '$1,'.repeat(33_000)],
] as const;

const postCheck = (server: TestServer, text: string) =>
  server.call('/api/check', { method: 'POST', json: { text: text.slice(0, 100_000) } });

/** Health latencies, polled every 20 ms until `work` settles. */
async function healthWhile(server: TestServer, work: Promise<unknown>): Promise<number[]> {
  let done = false;
  void work.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const t0 = performance.now();
    const res = await server.call('/api/health');
    latencies.push(performance.now() - t0);
    assert.equal(res.status, 200);
    await new Promise((r) => setTimeout(r, 20));
  }
  return latencies;
}

describe('checking a 100 kB text leaves the event loop free', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(sqlite);
    // The workers start and read the record before the first measurement.
    assert.equal((await postCheck(server, 'Ukraine joined the Partnership for Peace in 1994.')).status, 200);
  });
  after(() => server?.close());

  for (const [name, text] of PATHOLOGICAL) {
    test(`${name}: health answers within 100 ms while the text is checked`, async () => {
      const check = postCheck(server, text);
      const latencies = await healthWhile(server, check);
      const res = await check;
      assert.ok(res.status === 200 || res.status === 413, `status ${res.status}`);
      const worst = Math.max(0, ...latencies);
      assert.ok(worst <= 100, `health took ${worst.toFixed(0)} ms while checking (${latencies.length} calls)`);
    });
  }

  test('with every worker busy and texts queued, health still answers within 100 ms', async () => {
    const checks = Promise.all(PATHOLOGICAL.slice(0, 3).map(([, text]) => postCheck(server, text)));
    const latencies = await healthWhile(server, checks);
    for (const res of await checks) assert.ok(res.status === 200 || res.status === 413, `status ${res.status}`);
    const worst = Math.max(0, ...latencies);
    assert.ok(worst <= 100, `health took ${worst.toFixed(0)} ms while checking (${latencies.length} calls)`);
  });
});

describe('a text over the time budget', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(sqlite, { checkPool: { size: 1, budgetMs: 300 } });
  });
  after(() => server?.close());

  test('gets 413 with a clear message, and the next text is checked', async () => {
    // Sentences that differ, so no reading is reused: far more work than the budget allows.
    const varied = Array.from({ length: 1_500 }, (_, i) => `The Charter was signed in Madrid on ${(i % 28) + 1} July ${1950 + (i % 70)}.`);
    const res = await postCheck(server, varied.join(' '));
    assert.equal(res.status, 413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'payload_too_large');
    assert.match(body.error.message, /took longer than .* to check; check it in parts/);
    const next = await postCheck(server, 'Ukraine joined the Partnership for Peace in 1994.');
    assert.equal(next.status, 200);
  });
});
