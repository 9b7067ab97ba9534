// Memory stays bounded under the review's search attack (issue 14, finding 3): an editor stores
// events with as many sources as allowed, then anonymous searches with 120 different `limit`s
// each get an answer of megabytes. Every answer used to stay in the search memo (the review
// took a server from 153 MB to 3.4 GB). Heap measured after full collections, in-process.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, test } from 'node:test';
import { LIST_LIMITS } from '../../src/domain/schemas.ts';
import { DIALECTS } from '../support/test-stores.ts';
import { startServer } from './http-server.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const heavySource = (i: number) => ({
  url: `https://example.org/${'p'.repeat(1900)}/${i}`,
  quote: 'q'.repeat(5000),
  title: 't'.repeat(500),
});

/** Heap growth past the memo's bound (32 MB of JSON) and the server's own working set. */
const MAX_GROWTH_MB = 100;

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: memory under the search attack`, { skip: dialect.skip }, () => {
    test('list fields are bounded; 120 searches with different limits leave the heap bounded', async (t) => {
      const server = await startServer(dialect);
      try {
        const tooMany = await server.call('/api/events', {
          method: 'POST',
          as: 'editor',
          json: {
            id: 'five-thousand',
            date: '2020',
            title: 'x',
            summary: '',
            type: 'other',
            sources: Array.from({ length: 5000 }, (_, i) => ({ url: `https://example.org/${i}` })),
          },
        });
        assert.equal(tooMany.status, 400);
        assert.deepEqual(
          (await tooMany.json()).error.details.map((d: { field: string }) => d.field),
          ['sources'],
        );
        for (let e = 0; e < 20; e++) {
          const created = await server.call('/api/events', {
            method: 'POST',
            as: 'editor',
            json: {
              id: `heavy-${e}`,
              date: '2024-01-01',
              title: 'Heavy',
              summary: 's'.repeat(10000),
              type: 'other',
              sources: Array.from({ length: LIST_LIMITS.sources }, (_, i) => heavySource(i)),
            },
          });
          assert.equal(created.status, 201);
        }
        const before = heapMb();
        let answered = 0;
        for (let limit = 150; limit < 270; limit++) {
          const answer = await server.call(`/api/events?limit=${limit}`);
          assert.equal(answer.status, 200);
          answered += (await answer.text()).length;
        }
        const afterMb = heapMb();
        const growth = afterMb - before;
        t.diagnostic(
          `${dialect.name}: 120 searches answered ${(answered / 2 ** 20).toFixed(0)} MB; heap ${before.toFixed(0)} MB -> ${afterMb.toFixed(0)} MB (growth ${growth.toFixed(0)} MB)`,
        );
        assert.ok(growth < MAX_GROWTH_MB, `heap grew ${growth.toFixed(0)} MB`);
      } finally {
        await server.close();
      }
    });
  });
}
