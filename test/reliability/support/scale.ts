// How hard the reliability tests push. `npm test` runs the fast scale; the full suite
// (`npm run test:reliability`, run.ts) sets PACTWATCH_RELIABILITY=full and collects the
// figures every test reports into one summary table.
import fs from 'node:fs';

export const FULL = process.env.PACTWATCH_RELIABILITY === 'full';

/** The fast count under `npm test`, the full one under the reliability suite. */
export function scaled(fast: number, full: number): number {
  return FULL ? full : fast;
}

export type FigureName =
  | 'kill points survived'
  | 'imports present after kill'
  | 'imports absent after kill'
  | 'acknowledged writes checked'
  | 'cases fuzzed'
  | 'abuse cases tried'
  | 'lost'
  | 'soak requests'
  | 'soak requests/s'
  | 'soak error rate %'
  | 'soak p99 ms'
  | 'soak memory growth MB'
  | 'backup round trips';

/**
 * Adds a figure to the suite's tally (a JSON-lines file named by PACTWATCH_FIGURES, written
 * by the child test processes and read by run.ts). Outside the suite it is only printed.
 */
export function report(name: FigureName, value: number, detail = ''): void {
  const file = process.env.PACTWATCH_FIGURES;
  if (file) fs.appendFileSync(file, JSON.stringify({ name, value, detail }) + '\n');
  else if (process.env.PACTWATCH_QUIET_FIGURES === undefined) process.stdout.write(`# ${name}: ${value}${detail ? ` (${detail})` : ''}\n`);
}

/** Rejects when `promise` does not settle within `ms`: a hang is a failure, not a stuck run. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
