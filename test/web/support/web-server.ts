// The real server for browser tests, screenshots and the web bench: buildApp on a fresh SQLite
// file loaded with the shipped record, the built web app at /, listening on a free port.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { addUser } from '../../../src/auth/accounts.ts';
import { buildApp, DEFAULT_WEB_ROOT } from '../../../src/http/build-app.ts';
import { loadShippedRecord } from '../../../src/io/shipped-record.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { RecordStore } from '../../../src/store/record-store.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = fs.existsSync(CHROMIUM) ? false : `Chromium not installed at ${CHROMIUM} (apt-get install -y chromium)`;

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Builds web/dist once per process unless it is newer than every file under web/src. */
export function ensureWebBuild(): void {
  const built = path.join(DEFAULT_WEB_ROOT, 'index.html');
  const newest = (dir: string): number =>
    Math.max(
      ...fs
        .readdirSync(dir, { withFileTypes: true })
        .map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs)),
    );
  const sources = Math.max(newest(path.join(ROOT, 'web/src')), fs.statSync(path.join(ROOT, 'web/index.html')).mtimeMs);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export interface WebServer {
  url: string;
  store: RecordStore;
  /** Bearer token of an editor account. */
  editorToken: string;
  close(): Promise<void>;
}

export async function startWebServer(options: { seed?: (store: RecordStore) => Promise<void> } = {}): Promise<WebServer> {
  ensureWebBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pactwatch-web-'));
  const store = await openStore({ sqlitePath: path.join(dir, 'pactwatch.db'), onCreate: options.seed ?? loadShippedRecord });
  const { token } = await addUser(store.db, 'editor', 'editor');
  // Browser tests make many writes and checks in a few seconds; the limits guard real use.
  const app = await buildApp({
    store,
    writeLimit: { max: 10_000, timeWindow: '1 minute' },
    checkLimit: { max: 10_000, timeWindow: '1 minute' },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    editorToken: token,
    async close() {
      await app.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
