// Real child processes for the crash tests: the CLI as users run it, and a server, both
// killed with SIGKILL (no handler runs, no buffer is flushed, nothing gets to clean up).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../support/run-cli.ts';
import { within } from './scale.ts';

const BIN = path.join(REPO_ROOT, 'bin/pactwatch.js');
const SERVE_CHILD = path.join(import.meta.dirname, 'serve-child.ts');

export interface Child {
  process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<number | null>;
  output(): string;
}

function start(args: string[]): Child {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, exited, output: () => output };
}

export function startCli(args: string[]): Child {
  return start([BIN, ...args]);
}

/** Runs the CLI to the end (at most `ms`) and returns its exit code and output. */
export async function runCliWithin(ms: number, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = startCli(args);
  const code = await within(ms, `pactwatch ${args.join(' ')}`, child.exited).catch(async (error) => {
    await killHard(child);
    throw error;
  });
  return { code, output: child.output() };
}

export async function killHard(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await child.exited;
}

export interface ServerChild extends Child {
  base: string;
}

/** A Pactwatch server in its own process over `dbArgs`; resolves once it listens. */
export async function startServerChild(dbArgs: string[]): Promise<ServerChild> {
  const child = start(['--import', 'tsx', SERVE_CHILD, ...dbArgs]);
  const listening = new Promise<string>((resolve, reject) => {
    let seen = '';
    child.process.stdout!.on('data', (d) => {
      seen += d;
      const port = /listening on (\d+)/.exec(seen)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.process.once('exit', () => reject(new Error(`the server exited before listening:\n${child.output()}`)));
  });
  try {
    return { ...child, base: await within(30_000, 'server start', listening) };
  } catch (error) {
    await killHard(child);
    throw error;
  }
}
