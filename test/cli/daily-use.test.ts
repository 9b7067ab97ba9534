// The CLI for daily use: --version, reissuing and removing tokens, listing users, exports that
// say what they wrote, report money rounded for reading, and an example in every --help.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Command } from 'commander';
import { userForToken } from '../../src/auth/accounts.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { fullName, HELP_EXAMPLES } from '../../src/cli/help-examples.ts';
import { openStore } from '../../src/store/open-store.ts';
import { formatMoney } from '../../src/tracking/report-text.ts';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/test-stores.ts';

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
let db: string[];
before(async () => {
  dir = tempDir();
  db = ['--db', path.join(dir, 'p.db')];
  assert.equal((await runCli([...db, 'events', '--q', 'Bucharest'])).code, 0);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('--version prints the package version', async () => {
  for (const args of [['--version'], ['-V'], [...db, '--version']]) {
    const r = await runCli(args);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), VERSION);
  }
});

test('every command and subcommand has an example in its --help', async () => {
  const names: string[] = [];
  const walk = (command: Command) => {
    if (command.name() !== 'help') names.push(fullName(command));
    command.commands.forEach(walk);
  };
  walk(await buildProgram());
  assert.ok(names.length > 12, names.join(', '));
  assert.deepEqual(
    names.filter((name) => !HELP_EXAMPLES[name]),
    [],
    'add an example to src/cli/help-examples.ts',
  );
  const r = await runCli(['user', 'token', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Example:\n {2}\$ pactwatch user token alice/);
});

describe('user token, list and remove', () => {
  test('a reissued token works and the old one stops working', async () => {
    const added = await runCli([...db, 'user', 'add', 'alice', '--role', 'editor']);
    assert.equal(added.code, 0, added.stderr);
    const reissued = await runCli([...db, 'user', 'token', 'alice']);
    assert.equal(reissued.code, 0, reissued.stderr);
    assert.match(reissued.stderr, /old one no longer works/);
    const [oldToken, newToken] = [added.stdout.trim(), reissued.stdout.trim()];
    assert.notEqual(oldToken, newToken);
    const store = await openStore({ sqlitePath: db[1]! });
    try {
      assert.equal(await userForToken(store.db, oldToken), undefined);
      assert.equal((await userForToken(store.db, newToken))?.name, 'alice');
    } finally {
      await store.close();
    }
    const missing = await runCli([...db, 'user', 'token', 'nobody']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no user "nobody"/);
  });

  test('list shows the accounts; remove takes one away', async () => {
    assert.equal((await runCli([...db, 'user', 'add', 'bob', '--role', 'viewer'])).code, 0);
    const listed = await runCli([...db, 'user', 'list']);
    assert.match(listed.stdout, /^alice +editor +added \d{4}-\d{2}-\d{2}\nbob +viewer/m);
    assert.equal((await runCli([...db, 'user', 'remove', 'bob'])).code, 0);
    const json = JSON.parse((await runCli([...db, 'user', 'list', '--json'])).stdout) as { name: string }[];
    assert.deepEqual(
      json.map((u) => u.name),
      ['alice'],
    );
    assert.equal((await runCli([...db, 'user', 'remove', 'bob'])).code, 1);
  });
});

describe('export says what it wrote', () => {
  test('csv: each file with its row count', async () => {
    const out = path.join(dir, 'csv');
    const r = await runCli([...db, 'export', '--format', 'csv', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 5);
    for (const kind of ['events', 'parties', 'agreements', 'commitments', 'deliveries'])
      assert.ok(
        lines.some((line) => line.startsWith(`wrote ${path.join(out, `${kind}.csv`)} (CSV): `) && /: \d+ \w+$/.test(line)),
        kind,
      );
  });

  test('json to standard output: the counts on standard error, the export alone on standard output', async () => {
    const r = await runCli([...db, 'export']);
    assert.equal(r.code, 0);
    const events = (JSON.parse(r.stdout) as { events: unknown[] }).events.length;
    assert.match(r.stderr, new RegExp(`^wrote standard output \\(JSON\\): ${events} events, \\d+ parties`));
  });

  test('a ClaimReview export with no claims to review says why', async () => {
    const empty = await runCli([...db, 'export', '--format', 'claimreview']);
    assert.equal(empty.code, 0);
    assert.equal(empty.stdout.trim(), '[]');
    assert.match(empty.stderr, /no text to check: standard input is empty/);
    const none = await runCli([...db, 'export', '--format', 'claimreview'], { input: 'Relations have a long history.\n' });
    assert.match(none.stderr, /no checkable claim/);
  });
});

test('report rounds money for reading; --json keeps it exact', async () => {
  const table: [number, string | null, string][] = [
    [2_100_000_000, 'EUR', '€2.1 bn'],
    [75_628_000_000, 'EUR', '€75.6 bn'],
    [3_340_000_000, 'CAD', 'CAD 3.3 bn'],
    [880_000_000, 'EUR', '€880 m'],
    [5_500_000, 'GBP', '£5.5 m'],
    [52_000.4, 'USD', '$52,000'],
    [0, 'USD', '$0'],
    [-1_500_000_000, 'EUR', '-€1.5 bn'],
    [4_000_000_000, null, '4 bn'],
  ];
  for (const [amount, currency, text] of table) assert.equal(formatMoney(amount, currency), text, `${amount} ${currency}`);
  const text = await runCli([...db, 'report']);
  assert.match(text.stdout, /EUR: committed €[\d.]+ bn/);
  assert.doesNotMatch(text.stdout, /\d{1,3},\d{3},\d{3},\d{3}/);
  const json = JSON.parse((await runCli([...db, 'report', '--json'])).stdout) as { overall: { totals: { committed: number }[] } };
  assert.ok(json.overall.totals.some((t) => t.committed > 1e9 && Number.isInteger(t.committed)));
});
