// How long the installed command takes to answer, run as a user runs it: `node bin/pactwatch.js`
// (the compiled code in dist/), each a new process. The median of several runs, wall clock and
// CPU (user + system, which a busy machine does not inflate).
//
//   node --import tsx bench/startup-bench.ts [--runs N]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '../test/support/free-port.ts';

export const VERSION_TARGET_MS = 300;
export const CHECK_TARGET_MS = 1000;
export const SERVE_TARGET_MS = 2000;

const BIN = path.resolve(import.meta.dirname, '../bin/pactwatch.js');
const SENTENCE = 'The Bucharest summit in April 2008 agreed that Ukraine will become a member of NATO.\n';

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export interface StartupBenchResult {
  version: Timing;
  check: Timing;
  serve: Timing;
  runs: number;
}

/** Wall and CPU time of one child process, from spawn until `done` resolves (default: exit). */
function timeChild(args: string[], options: { input?: string; ready?: (output: string) => boolean } = {}): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
    let output = '';
    let wallMs: number | undefined;
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (wallMs === undefined && options.ready?.(output)) {
        wallMs = Number(process.hrtime.bigint() - start) / 1e6;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      wallMs ??= Number(process.hrtime.bigint() - start) / 1e6;
      if (!options.ready && code !== 0) return reject(new Error(`pactwatch ${args.join(' ')} exited with ${code}: ${output}`));
      if (options.ready && !options.ready(output)) return reject(new Error(`pactwatch ${args.join(' ')} never became ready: ${output}`));
      resolve({ wallMs, cpuMs: childCpuMs() });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** CPU used by children that have exited since the last call (user + system, ms; NaN where /proc is missing). */
let childCpuSoFar = 0;
function childCpuMs(): number {
  let total = NaN;
  try {
    // /proc/self/stat fields 16 and 17: cutime and cstime, the CPU of waited-for children, in
    // clock ticks (100 a second on Linux). Node gives no other way to read a child's CPU time.
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    total = ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    // not Linux
  }
  const spent = total - childCpuSoFar;
  childCpuSoFar = total;
  return spent;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianTiming = (timings: Timing[]): Timing => ({
  wallMs: median(timings.map((t) => t.wallMs)),
  cpuMs: median(timings.map((t) => t.cpuMs)),
});

export async function runStartupBench(runs = 5): Promise<StartupBenchResult> {
  if (!fs.existsSync(path.resolve(import.meta.dirname, '../dist/cli/main.js')))
    throw new Error('no compiled code in dist/: run npm run build first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pactwatch-startup-'));
  const db = path.join(dir, 'pactwatch.db');
  try {
    // An existing database with the shipped record: the first command creates it.
    await timeChild(['--db', db, 'events', '--q', 'Bucharest']);
    childCpuMs();
    const version: Timing[] = [];
    const check: Timing[] = [];
    const serve: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      version.push(await timeChild(['--version']));
      check.push(await timeChild(['--db', db, 'check', '-'], { input: SENTENCE }));
      const port = await freePort();
      // Ready when it logs that it listens: the record is open and requests are answered.
      serve.push(await timeChild(['--db', db, 'serve', '--port', String(port)], { ready: (out) => out.includes('Server listening') }));
    }
    return { version: medianTiming(version), check: medianTiming(check), serve: medianTiming(serve), runs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatStartup(result: StartupBenchResult): string {
  const row = (name: string, t: Timing, target: number) =>
    `${name.padEnd(34)} ${t.wallMs.toFixed(0).padStart(6)} ms wall  ${t.cpuMs.toFixed(0).padStart(6)} ms CPU  (target <= ${target} ms)`;
  return [
    `startup, median of ${result.runs} runs (node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores):`,
    row('pactwatch --version', result.version, VERSION_TARGET_MS),
    row('pactwatch check (one sentence)', result.check, CHECK_TARGET_MS),
    row('pactwatch serve (ready)', result.serve, SERVE_TARGET_MS),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  console.log(formatStartup(await runStartupBench(Number(values.runs))));
}
