// 20 clients read-modify-write the same records with If-Match, 2,000 acknowledged writes in
// all: none is lost, each is in the change log, the chain verifies; then one log row is
// altered in the database and `audit verify` names it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DIALECTS } from '../support/test-stores.ts';
import { runCli } from '../support/run-cli.ts';
import { source, startServer, type TestServer } from './http-server.ts';

const CLIENTS = 20;
const WRITES = 2000;
const RECORDS = Array.from({ length: 10 }, (_, i) => `counter-${i}`);

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: concurrent editors`, { skip: dialect.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(dialect, { shipped: false });
      await server.call('/api/parties', { method: 'POST', as: 'admin', json: { id: 'giver', name: 'Giver', kind: 'state' } });
      await server.call('/api/agreements', {
        method: 'POST',
        as: 'admin',
        json: { id: 'pact', title: 'Pact', kind: 'k', parties: ['giver'], signed: '2024', status: 's', sources: source },
      });
      for (const id of RECORDS) {
        const res = await server.call('/api/commitments', {
          method: 'POST',
          as: 'admin',
          json: {
            id,
            agreement_id: 'pact',
            obligor: 'giver',
            beneficiary: 'giver',
            area: 'financial-support',
            description: 'counter',
            amount: 0,
            sources: source,
          },
        });
        assert.equal(res.status, 201);
      }
    });
    after(() => server?.close());

    test(`${CLIENTS} clients, ${WRITES} writes, no lost update, chain intact, tampering found`, { timeout: 120_000 }, async () => {
      let remaining = WRITES;
      const acknowledged: { seq: number; id: string; amount: number }[] = [];
      let conflicts = 0;
      const client = async (n: number) => {
        while (remaining > 0) {
          remaining--;
          const id = RECORDS[(n + remaining) % RECORDS.length]!;
          for (;;) {
            const read = await server.call(`/api/commitments/${id}`);
            const { amount } = (await read.json()) as { amount: number };
            const res = await server.call(`/api/commitments/${id}`, {
              method: 'PATCH',
              as: 'editor',
              json: { amount: amount + 1 },
              headers: { 'if-match': read.headers.get('etag')! },
            });
            if (res.status === 412) {
              conflicts++;
              await res.body?.cancel();
              continue;
            }
            assert.equal(res.status, 200);
            acknowledged.push({
              seq: Number(res.headers.get('x-pactwatch-change')),
              id,
              amount: ((await res.json()) as { amount: number }).amount,
            });
            break;
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));

      assert.equal(acknowledged.length, WRITES);
      assert.ok(conflicts > 0, 'the clients did collide');
      process.stderr.write(`${dialect.name}: ${WRITES} writes, ${conflicts} If-Match conflicts retried\n`);
      let total = 0;
      for (const id of RECORDS) total += ((await (await server.call(`/api/commitments/${id}`)).json()) as { amount: number }).amount;
      assert.equal(total, WRITES, 'every acknowledged increment is in the records');

      const log = new Map<number, { record_id: string; before: { amount: number }; after: { amount: number } }>();
      for (let since = 0, more = true; more;) {
        const page = (await (await server.call(`/api/changes?since=${since}&limit=1000`)).json()) as {
          items: { seq: number }[];
          next: number | null;
        };
        for (const entry of page.items) log.set(entry.seq, entry as never);
        more = page.next !== null;
        since = page.next ?? since;
      }
      for (const ack of acknowledged) {
        const entry = log.get(ack.seq);
        assert.ok(entry, `write ${ack.seq} is in the log`);
        assert.equal(entry.record_id, ack.id);
        assert.equal(entry.after.amount, ack.amount);
        assert.equal(entry.before.amount, ack.amount - 1, 'each write built on the one before it');
      }

      const verified = await runCli([...server.db.cliArgs, 'audit', 'verify']);
      assert.equal(verified.code, 0, verified.stderr);

      const victim = acknowledged[WRITES / 2]!.seq;
      await sql`UPDATE changes SET after = ${JSON.stringify({ amount: 999 })} WHERE seq = ${victim}`.execute(server.db.store.db);
      const broken = await runCli([...server.db.cliArgs, 'audit', 'verify']);
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, new RegExp(`entry ${victim}\\b`));

      await sql`DELETE FROM changes WHERE seq = ${victim}`.execute(server.db.store.db);
      const gap = await runCli([...server.db.cliArgs, 'audit', 'verify']);
      assert.equal(gap.code, 1);
      assert.match(gap.stderr, new RegExp(`entry ${victim} is missing`));
    });
  });
}
