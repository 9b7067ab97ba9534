// `pactwatch backup` and `restore`: round trips through the real CLI. A snapshot taken while a
// server writes is consistent (its change log is a prefix of the live one and verifies), a
// restore reproduces the record exactly, and a damaged or tampered snapshot is refused
// without touching the database it would replace. On PostgreSQL the printed pg_dump and
// pg_restore commands are run as printed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { startServer, type TestServer } from '../http/http-server.ts';
import { runCli } from '../support/run-cli.ts';
import { createTestDatabase, dropTestDatabase, postgresDialect, sqliteDialect, tempDir } from '../support/test-stores.ts';
import { report } from './support/scale.ts';

async function exported(args: string[]): Promise<string> {
  const r = await runCli([...args, 'export']);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

function chain(file: string): { seq: number; hash: string }[] {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return db.prepare('SELECT seq, hash FROM changes ORDER BY seq').all() as { seq: number; hash: string }[];
  } finally {
    db.close();
  }
}

describe('sqlite: backup and restore', () => {
  let server: TestServer;
  let dir: string;
  let live: string;
  before(async () => {
    server = await startServer(sqliteDialect);
    live = server.db.cliArgs[1]!;
    dir = tempDir('pactwatch-backup-');
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a snapshot taken during writes is consistent, and a restore reproduces the record exactly', async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (let i = 0; writing && i < 2_000; i++) {
        const response = await server.call('/api/events', {
          method: 'POST',
          as: 'editor',
          json: {
            id: `during-backup-${i}`,
            date: '2024',
            title: `t ${i}`,
            summary: '',
            type: 'other',
            sources: [{ url: 'https://example.org' }],
          },
        });
        assert.equal(response.status, 201);
        written++;
      }
    })();
    const during = path.join(dir, 'during.db');
    const backup = await runCli(['--db', live, 'backup', '--out', during]);
    writing = false;
    await writer;
    assert.equal(backup.code, 0, backup.stderr);
    assert.ok(written > 0, 'no write ran during the backup');
    const snapshot = chain(during);
    assert.deepEqual(snapshot, chain(live).slice(0, snapshot.length), "the snapshot's change log is not a prefix of the live one");

    const after = path.join(dir, 'after.db');
    assert.equal((await runCli(['--db', live, 'backup', '--out', after])).code, 0);
    const restored = path.join(dir, 'restored.db');
    const r = await runCli(['--db', restored, 'restore', after]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await exported(['--db', restored]), await exported(['--db', live]));
    assert.equal((await runCli(['--db', restored, 'audit', 'verify'])).code, 0);
    report('backup round trips', 1, 'sqlite, taken during writes');
  });

  test('restore replaces an existing database; a damaged or tampered snapshot is refused and changes nothing', async () => {
    const good = path.join(dir, 'good.db');
    assert.equal((await runCli(['--db', live, 'backup', '--out', good])).code, 0);
    assert.equal((await runCli(['--db', live, 'backup', '--out', good])).code, 1, 'a backup overwrote an existing file');

    const other = path.join(dir, 'other.db');
    assert.equal((await runCli(['--db', other, '--empty', 'events'])).code, 0);
    const before = await exported(['--db', other]);
    const tampered = path.join(dir, 'tampered.db');
    fs.copyFileSync(good, tampered);
    const db = new SqliteDatabase(tampered);
    db.prepare("UPDATE changes SET actor = 'someone-else' WHERE seq = 1").run();
    db.close();
    const damaged = path.join(dir, 'damaged.db');
    fs.writeFileSync(damaged, fs.readFileSync(good).subarray(0, 4096 * 3));
    for (const [bad, why] of [
      [tampered, /change log does not verify/],
      [damaged, /damaged|not a Pactwatch database|cannot be opened/],
    ] as const) {
      const r = await runCli(['--db', other, 'restore', bad]);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, why);
      assert.equal(await exported(['--db', other]), before, `a refused restore of ${path.basename(bad)} changed the database`);
    }
    const r = await runCli(['--db', other, 'restore', good]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await exported(['--db', other]), await exported(['--db', live]));
    report('backup round trips', 1, 'sqlite, restored over another database');
  });
});

describe('postgres: backup and restore through the printed pg_dump/pg_restore commands', { skip: postgresDialect.skip }, () => {
  test('the commands `pactwatch backup` prints round-trip the record', async () => {
    const source = await postgresDialect.open({ shipped: true });
    const target = await createTestDatabase();
    const dir = tempDir('pactwatch-pg-backup-');
    try {
      await source.store.close();
      const file = path.join(dir, 'pactwatch.dump');
      const backup = await runCli([...source.cliArgs, 'backup', '--out', file]);
      assert.equal(backup.code, 2, 'backup on PostgreSQL prints guidance and exits 2');
      const restore = await runCli(['--database-url', target, 'restore', file]);
      assert.equal(restore.code, 2);
      const commands = [backup.stderr, restore.stderr].map((text) => /^\s+(pg_\w+ .+)$/m.exec(text)?.[1]);
      assert.ok(commands.every(Boolean), `no command in:\n${backup.stderr}\n${restore.stderr}`);
      execFileSync('sh', ['-c', commands[0]!], { env: { ...process.env, DATABASE_URL: source.cliArgs[1] } });
      execFileSync('sh', ['-c', commands[1]!], { env: { ...process.env, DATABASE_URL: target } });
      assert.equal(await exported(['--database-url', target]), await exported(source.cliArgs));
      assert.equal((await runCli(['--database-url', target, 'audit', 'verify'])).code, 0);
      report('backup round trips', 1, 'postgres via pg_dump/pg_restore');
    } finally {
      await source.close();
      await dropTestDatabase(target);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
