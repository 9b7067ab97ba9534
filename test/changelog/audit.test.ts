// `pactwatch audit` against tampering done behind Pactwatch's back, straight in the database,
// on each backend: the CLI must exit 1 and name what it found, or exit 0 when nothing was done.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { addUser, reissueToken, removeUser, setRole } from '../../src/auth/accounts.ts';
import { entryHash, GENESIS_HASH } from '../../src/changelog/change-log.ts';
import { auditDb } from '../../src/changelog/change-tables.ts';
import { readShippedRecord } from '../../src/io/shipped-record.ts';
import { runCli } from '../support/run-cli.ts';
import { DIALECTS, type TestStore } from '../support/test-stores.ts';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: audit verify proves the state`, { skip: dialect.skip }, () => {
    const withDb = async (fn: (db: TestStore) => Promise<void>) => {
      const db = await dialect.open({ shipped: true });
      try {
        await fn(db);
      } finally {
        await db.close();
      }
    };
    const verify = (db: TestStore, extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
      runCli([...db.cliArgs, 'audit', 'verify', ...extra], { env });

    test('an untouched database verifies, with every record held to the log', () =>
      withDb(async (db) => {
        const ok = await verify(db);
        assert.equal(ok.code, 0, ok.stderr);
        const shipped = Object.values(await readShippedRecord()).reduce((n, list) => n + list.length, 0);
        assert.match(ok.stdout, new RegExp(`change log intact: \\d+ entries verified; ${shipped} stored records match it`));
      }));

    test('a direct UPDATE of a record is found, naming the record and field', () =>
      withDb(async (db) => {
        await sql`UPDATE events SET title = 'Forged' WHERE id = 'nacc-1991'`.execute(db.store.db);
        const bad = await verify(db);
        assert.equal(bad.code, 1);
        assert.match(bad.stderr, /events\/nacc-1991 differs from its last entry \(\d+\) in title/);
      }));

    test('DELETE FROM events is found', () =>
      withDb(async (db) => {
        await sql`DELETE FROM event_areas`.execute(db.store.db);
        await sql`DELETE FROM event_actors`.execute(db.store.db);
        await sql`DELETE FROM events`.execute(db.store.db);
        const bad = await verify(db);
        assert.equal(bad.code, 1);
        assert.match(bad.stderr, /events\/[\w-]+ is missing: its last entry \(\d+\) says it exists/);
      }));

    test('a record inserted behind the log is found', () =>
      withDb(async (db) => {
        await sql`INSERT INTO parties (id, name, data) VALUES ('ghost', 'Ghost', ${JSON.stringify({ id: 'ghost', name: 'Ghost', name_uk: null, kind: 'body', iso2: null, aliases: [], sources: [] })})`.execute(
          db.store.db,
        );
        const bad = await verify(db);
        assert.equal(bad.code, 1);
        assert.match(bad.stderr, /parties\/ghost is stored but the change log has no entry for it/);
      }));

    test('deleting the last entry and rolling the head back is caught by a kept head', () =>
      withDb(async (db) => {
        const head = (await runCli([...db.cliArgs, 'audit', 'head'])).stdout.trim();
        assert.match(head, /^\d+:[0-9a-f]{64}$/);
        const [seq] = head.split(':');
        assert.equal((await verify(db, ['--head', head])).code, 0);
        const audit = auditDb(db.store.db);
        const previous = await audit
          .selectFrom('changes')
          .select('hash')
          .where('seq', '=', Number(seq) - 1)
          .executeTakeFirstOrThrow();
        await audit.deleteFrom('changes').where('seq', '=', Number(seq)).execute();
        await audit
          .updateTable('change_head')
          .set({ seq: Number(seq) - 1, hash: previous.hash })
          .execute();
        // The entry removed was an import's summary: without the kept head, nothing is wrong.
        assert.equal((await verify(db)).code, 0);
        const cut = await verify(db, ['--head', head]);
        assert.equal(cut.code, 1);
        assert.match(cut.stderr, /cut short/);
        assert.equal((await verify(db, ['--head', 'nonsense'])).code, 2);
      }));

    test('recomputing the whole chain is caught with a key or a kept head', () =>
      withDb(async (db) => {
        const key = { PACTWATCH_AUDIT_KEY: 'test-key-0123456789' };
        // A write under the key, so the chain ends keyed.
        assert.equal((await runCli([...db.cliArgs, 'user', 'add', 'keyed', '--role', 'viewer'], { env: key })).code, 0);
        assert.equal((await verify(db, [], key)).code, 0);
        const head = (await runCli([...db.cliArgs, 'audit', 'head'])).stdout.trim();
        assert.match(head, /^\d+:hmac-[0-9a-f]{64}$/);
        const unkeyed = await verify(db);
        assert.equal(unkeyed.code, 1, 'keyed entries cannot be checked without the key');
        assert.match(unkeyed.stderr, /PACTWATCH_AUDIT_KEY/);

        // The attacker edits a record and the log to match, then recomputes every link (no key).
        await sql`UPDATE events SET title = 'Forged' WHERE id = 'nacc-1991'`.execute(db.store.db);
        const audit = auditDb(db.store.db);
        const rows = await audit.selectFrom('changes').selectAll().orderBy('seq').execute();
        let prev = GENESIS_HASH;
        for (const row of rows) {
          let after = row.after;
          if (row.kind === 'events' && row.record_id === 'nacc-1991') after = JSON.stringify({ ...JSON.parse(after!), title: 'Forged' });
          const rewritten = { ...row, after, prev_hash: prev };
          const hash = entryHash(rewritten, null);
          await audit.updateTable('changes').set({ after, prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
          prev = hash;
        }
        await audit.updateTable('change_head').set({ hash: prev }).execute();
        assert.equal((await verify(db)).code, 0, 'an unkeyed chain recomputed consistently passes without the key');
        const keyed = await verify(db, [], key);
        assert.equal(keyed.code, 1);
        assert.match(keyed.stderr, /recomputed without the key/);
        const kept = await verify(db, ['--head', head]);
        assert.equal(kept.code, 1);
        assert.match(kept.stderr, /rewritten/);
      }));

    test('account changes are logged (add, role, token, remove) and the chain still verifies', () =>
      withDb(async (db) => {
        await addUser(db.store.db, 'audited', 'viewer', 'admin-x');
        await setRole(db.store.db, 'audited', 'editor', 'admin-x');
        const token = await reissueToken(db.store.db, 'audited', 'admin-x');
        await removeUser(db.store.db, 'audited', 'admin-x');
        const entries = await auditDb(db.store.db)
          .selectFrom('changes')
          .select(['action', 'actor', 'before', 'after'])
          .where('kind', '=', 'users')
          .where('record_id', '=', 'audited')
          .orderBy('seq')
          .execute();
        assert.deepEqual(
          entries.map((e) => e.action),
          ['create', 'update', 'update', 'delete'],
        );
        assert.ok(entries.every((e) => e.actor === 'admin-x'));
        assert.equal(JSON.parse(entries[1]!.after!).role, 'editor');
        assert.ok(JSON.parse(entries[2]!.after!).token_issued_at);
        assert.ok(!JSON.stringify(entries).includes(token) && !JSON.stringify(entries).includes('token_hash'));
        assert.equal((await verify(db)).code, 0);
      }));
  });
}
