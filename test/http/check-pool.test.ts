// POST /api/check through the worker pool on a real server: the queue's bound (503 with
// Retry-After), skipped sentences on request, evidence sources strongest first, and workers that
// follow the record when it changes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compareTiers } from '../../src/domain/source-tiers.ts';
import type { SourceTier } from '../../src/domain/vocabulary.ts';
import { DIALECTS } from '../support/test-stores.ts';
import { source, startServer, type TestServer } from './http-server.ts';

const sqlite = DIALECTS[0]!;
const LONG = 'The Charter on a Distinctive Partnership was signed in Madrid on 9 July 1997. '.repeat(600);
const SEED =
  'The Charter on a Distinctive Partnership between NATO and Ukraine was signed on February 8, 2019, during a visit to NATO by Ukrainian President Petro Poroshenko. ' +
  'Photo: Reuters. Will Ukraine join NATO?';

interface Evidence {
  id: string;
  sources: string[];
  source_tiers: SourceTier[];
}
interface Result {
  claims: { verdict: string; evidence: Evidence[] }[];
  skipped?: { text: string; reason: string }[];
}

const check = (server: TestServer, body: object) => server.call('/api/check', { method: 'POST', json: body });

describe('the check pool behind POST /api/check', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(sqlite, { checkPool: { size: 1, queue: 1 } });
  });
  after(() => server?.close());

  test('skipped sentences and their reasons come back when asked for, and only then', async () => {
    const asked = (await (await check(server, { text: SEED, include_skipped: true })).json()) as Result;
    assert.deepEqual(
      asked.skipped?.map((s) => [s.text, s.reason]),
      [
        ['Photo: Reuters.', 'caption'],
        ['Will Ukraine join NATO?', 'question'],
      ],
    );
    const plain = (await (await check(server, { text: SEED })).json()) as Result;
    assert.equal(plain.skipped, undefined);
  });

  test("each evidence record's sources come strongest tier first, each with its tier", async () => {
    const { claims } = (await (await check(server, { text: SEED })).json()) as Result;
    const evidence = claims.flatMap((c) => c.evidence);
    assert.ok(evidence.length > 0);
    for (const e of evidence) {
      assert.equal(e.source_tiers.length, e.sources.length, e.id);
      for (let i = 1; i < e.source_tiers.length; i++) assert.ok(compareTiers(e.source_tiers[i - 1]!, e.source_tiers[i]!) <= 0, e.id);
    }
    // The Charter's agreement cites nato.int and others: NATO's own page leads.
    const charter = evidence.find((e) => e.id === 'nato-ukraine-charter-1997')!;
    assert.equal(charter.source_tiers[0], 'primary');
    assert.match(charter.sources[0]!, /nato\.int/);
    assert.ok(new Set(charter.source_tiers).size > 1, 'the Charter is cited by sources of more than one tier');
  });

  test('with the worker busy and the queue full, a check gets 503 with Retry-After', async () => {
    const running = check(server, { text: LONG });
    await new Promise((r) => setTimeout(r, 100));
    const queued = check(server, { text: LONG });
    await new Promise((r) => setTimeout(r, 100));
    const refused = await check(server, { text: 'Ukraine joined the Partnership for Peace in 1994.' });
    assert.equal(refused.status, 503);
    assert.match(refused.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'unavailable');
    assert.match(body.error.message, /busy/);
    assert.deepEqual(
      (await Promise.all([running, queued])).map((r) => r.status),
      [200, 200],
    );
  });

  test('a write to the record reaches the workers: what was unverifiable is supported', async () => {
    const claim = 'The Treaty of Kerava was signed in Oslo on 4 March 2001.';
    const verdict = async () => ((await (await check(server, { text: claim })).json()) as Result).claims[0]?.verdict;
    assert.equal(await verdict(), 'unverifiable');
    const created = await server.call('/api/agreements', {
      method: 'POST',
      as: 'editor',
      json: {
        id: 'treaty-of-kerava',
        title: 'Treaty of Kerava',
        kind: 'treaty',
        parties: ['ukraine'],
        signed: '2001-03-04',
        place: 'Oslo',
        status: 'in-force',
        sources: source,
      },
    });
    assert.equal(created.status, 201);
    assert.equal(await verdict(), 'supported');
  });
});
