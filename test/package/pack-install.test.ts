// The package as a user gets it: `npm pack`, then `npm install ./pactwatch-X.tgz` in an empty
// folder, then `npx pactwatch serve` there, which must serve the web app and the shipped record
// from the package's own files (the folder it runs in has none of them).
//
// The install takes package tarballs from the npm cache that `npm ci` filled (--prefer-offline);
// npm still asks the registry for the package lists it has not cached, since `npm ci` installs
// from the lockfile and caches none. better-sqlite3's install looks for a prebuilt binary
// before compiling one: a user's download of it is stood in for by the binary this checkout
// already built (npm_config_better_sqlite3_local_prebuilds), so the test does not spend minutes
// compiling SQLite. Without that binary it compiles, as on a machine with no prebuilt one.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { freePort } from '../support/free-port.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

const run = promisify(execFile);
const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const MINUTES = 60_000;

let work: string;
let tarball: string;
let app: string;
let installOutput = '';

/** `npm ...` in `cwd`, with npm's own environment variables from `npm test` left out. */
async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|command|config_)/i.test(key)));
  return run('npm', args, { cwd, env: { ...clean, DATABASE_URL: '', ...env }, maxBuffer: 64 << 20 });
}

/** A prebuilt-binary archive of better-sqlite3, named as its installer looks for one. */
async function localBetterSqlitePrebuild(dir: string): Promise<string | undefined> {
  const packageDir = path.join(REPO_ROOT, 'node_modules/better-sqlite3');
  if (!fs.existsSync(path.join(packageDir, 'build/Release/better_sqlite3.node'))) return undefined;
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await run('tar', ['czf', path.join(dir, name), '-C', packageDir, 'build/Release/better_sqlite3.node']);
  return dir;
}

before(
  async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pactwatch-pack-'));
    const { stdout } = await npm(['pack', '--silent', '--pack-destination', work], REPO_ROOT);
    tarball = path.join(work, stdout.trim().split('\n').pop()!);
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'pactwatch-install-test', private: true }));
    fs.mkdirSync(path.join(work, 'prebuilds'));
    const prebuilds = await localBetterSqlitePrebuild(path.join(work, 'prebuilds'));
    const installed = await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'warn', tarball], app, {
      ...(prebuilds ? { npm_config_better_sqlite3_local_prebuilds: prebuilds } : {}),
    });
    installOutput = installed.stdout + installed.stderr;
  },
  { timeout: 20 * MINUTES },
);

after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the compiled code, web app, shipped record, rates and docs, and nothing of the tests or sources', async () => {
  const { stdout } = await run('tar', ['tzf', tarball], { maxBuffer: 16 << 20 });
  const files = stdout.split('\n').filter(Boolean);
  for (const needed of [
    'package/bin/pactwatch.js',
    'package/dist/cli/main.js',
    'package/dist/io/record-reader-worker.js',
    'package/web/dist/index.html',
    'package/data/ukraine-nato/events.json',
    'package/data/exchange-rates.json',
    'package/docs/contract.md',
    'package/README.md',
  ])
    assert.ok(files.includes(needed), `${needed} is in the tarball`);
  const unwanted = files.filter((file) => /^package\/(test|src|bench|scripts|web\/src)\//.test(file) || /\.test\.[jt]s$/.test(file));
  assert.deepEqual(unwanted, []);
});

test('npm install of the tarball prints no engine warning', () => {
  assert.doesNotMatch(installOutput, /EBADENGINE/);
});

test('npx pactwatch --version and check work in the folder it was installed in', async () => {
  const version = await run('npx', ['--no', '--', 'pactwatch', '--version'], { cwd: app });
  assert.equal(version.stdout.trim(), MANIFEST.version);
  const checked = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn('npx', ['--no', '--', 'pactwatch', 'check', '-', '--json'], {
      cwd: app,
      env: { ...process.env, DATABASE_URL: '' },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end('The Charter on a Distinctive Partnership was signed in Madrid in July 1997.\n');
  });
  assert.equal(checked.code, 0);
  assert.ok((JSON.parse(checked.stdout) as { claims: unknown[] }).claims.length > 0);
  assert.ok(fs.existsSync(path.join(app, 'var/pactwatch.db')), 'the database is created under the working directory');
});

test('npx pactwatch serve serves the web app and the shipped record from the package', { timeout: 5 * MINUTES }, async () => {
  const port = await freePort();
  const server = spawn('npx', ['--no', '--', 'pactwatch', 'serve', '--port', String(port)], {
    cwd: app,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    detached: true,
  });
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, server, () => output);
    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'the page loads a script');
    assert.equal((await fetch(new URL(script, base))).status, 200, `${script} is served`);
    const events = (await (await fetch(`${base}/api/events?limit=1`)).json()) as { total: number };
    assert.ok(events.total > 100, `the shipped record is loaded (${events.total} events)`);
    assert.equal((await fetch(`${base}/api/openapi.json`)).status, 200);
    // Checks run in a worker thread, which must start from the compiled package too.
    const checked = await fetch(`${base}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Ukraine joined the Partnership for Peace in 1994.' }),
    });
    assert.equal(checked.status, 200);
    assert.equal(((await checked.json()) as { claims: unknown[] }).claims.length, 1);
  } finally {
    stop(server);
  }
});

function stop(child: ChildProcess) {
  // npx runs pactwatch as its child: signal the whole process group.
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function waitForHealth(base: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 2 * MINUTES;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`serve exited with ${server.exitCode}: ${output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`serve did not answer within 2 minutes: ${output()}`);
}
