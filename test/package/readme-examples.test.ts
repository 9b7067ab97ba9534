// The README and docs/ stand on their own: every link stays inside the repository and finds its
// file, docs/contract.md names every command, error code and vocabulary value, and every
// `npx pactwatch` example in the README runs and returns something.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.ts';
import { fullName } from '../../src/cli/help-examples.ts';
import { AREAS, COMMITMENT_STATUSES, EVENT_TYPES, PARTY_KINDS } from '../../src/domain/vocabulary.ts';
import { freePort } from '../support/free-port.ts';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/test-stores.ts';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const CONTRACT = fs.readFileSync(path.join(REPO_ROOT, 'docs/contract.md'), 'utf8');

/** Markdown links and images: [text](target). */
const links = (markdown: string) => [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

test('the README links only to files in the repository, and each exists', () => {
  for (const target of links(README)) {
    assert.doesNotMatch(target, /^\.\.\//, `${target} leaves the repository`);
    if (/^[a-z]+:/.test(target)) continue;
    const file = target.split('#')[0]!;
    if (file) assert.ok(fs.existsSync(path.join(REPO_ROOT, file)), `${target} exists`);
  }
});

test('the docs link only inside the repository', () => {
  for (const doc of fs.readdirSync(path.join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', doc), 'utf8');
    for (const target of links(text)) {
      if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
      const file = path.resolve(REPO_ROOT, 'docs', target.split('#')[0]!);
      assert.ok(file.startsWith(REPO_ROOT + path.sep) && fs.existsSync(file), `docs/${doc}: ${target}`);
    }
  }
});

test('docs/contract.md names every command, error code and vocabulary value', async () => {
  const commands: string[] = [];
  const walk = (command: Command) => {
    if (command.parent && command.name() !== 'help') commands.push(fullName(command));
    command.commands.forEach(walk);
  };
  walk(await buildProgram());
  const errorCodes = fs
    .readFileSync(path.join(REPO_ROOT, 'src/domain/errors.ts'), 'utf8')
    .match(/export type ErrorCode =([^;]+);/)![1]!
    .match(/'([a-z_]+)'/g)!
    .map((code) => code.slice(1, -1));
  const missing = [
    ...commands.filter((c) => !CONTRACT.includes(`\`${c}`)).map((c) => `command ${c}`),
    ...errorCodes.filter((c) => !CONTRACT.includes(`\`${c}\``)).map((c) => `error code ${c}`),
    ...[...AREAS, ...EVENT_TYPES, ...PARTY_KINDS, ...COMMITMENT_STATUSES].filter((v) => !CONTRACT.includes(`\`${v}\``)),
  ];
  assert.deepEqual(missing, []);
});

/** The README's `npx pactwatch ...` lines, without comments, as argument lists. */
function readmeExamples(): string[][] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npx pactwatch '))
    .map((line) => [...line.slice('npx pactwatch '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!));
}

describe('every README example runs and returns something', () => {
  let cwd: string;
  before(() => {
    // What the examples name: an article to check and a record to import.
    cwd = tempDir('pactwatch-readme-');
    fs.writeFileSync(
      path.join(cwd, 'article.txt'),
      'At the Bucharest summit in April 2008, NATO leaders agreed that Ukraine will become a member. ' +
        'The Charter on a Distinctive Partnership was signed in Madrid on 9 July 1997.\n',
    );
    fs.mkdirSync(path.join(cwd, 'my-record'));
    fs.writeFileSync(
      path.join(cwd, 'my-record', 'events.json'),
      JSON.stringify({
        events: [
          {
            id: 'readme-example-event',
            date: '2025-01',
            title: 'An example event',
            summary: 'Imported by the README example.',
            type: 'other',
            actors: ['NATO'],
            areas: ['political-dialogue'],
            sources: [{ url: 'https://example.org/source' }],
          },
        ],
      }),
    );
  });
  after(() => fs.rmSync(cwd, { recursive: true, force: true }));

  const examples = readmeExamples();
  test('the README has examples', () => assert.ok(examples.length >= 15, `${examples.length} examples`));
  for (const args of examples) {
    test(`pactwatch ${args.join(' ')}`, { timeout: 120_000 }, async () => {
      if (args[0] === 'serve') return serves(args, cwd);
      const r = await runCli(args, { cwd });
      // lint's exit code is its verdict: 1 when the record it reads has errors (the example's does).
      assert.equal(r.code, args[0] === 'lint' && r.code === 1 ? 1 : 0, r.stderr);
      assert.ok((r.stdout + r.stderr).trim().length > 0, 'it says something');
      assert.doesNotMatch(r.stdout, /^0 (events|commitments)$/m, 'it finds something');
      if (args[0] === 'events' || args[0] === 'commitments') assert.match(r.stdout, /\S/);
    });
  }
});

/** `serve` runs until stopped: it must answer on its port (a free one stands in for 8080, given or default). */
async function serves(args: string[], cwd: string) {
  const port = await freePort();
  const withPort = args.includes('--port')
    ? args.map((arg, i) => (args[i - 1] === '--port' ? String(port) : arg))
    : [...args, '--port', String(port)];
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/pactwatch.js'), ...withPort], {
    cwd,
    env: { ...process.env, DATABASE_URL: '' },
  });
  try {
    for (let tries = 0; ; tries++) {
      try {
        const health = await fetch(`http://127.0.0.1:${port}/api/health`);
        assert.deepEqual(await health.json(), { ok: true });
        assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
        return;
      } catch (error) {
        if (tries > 300 || child.exitCode !== null) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    child.kill('SIGTERM');
  }
}
