import type { Command } from 'commander';
import { buildApp } from '../../http/build-app.ts';
import { cliDatabase, openCliStore } from '../open-cli-store.ts';
import { positiveIntArg } from '../cli-values.ts';
import { DEFAULT_POOL_SIZE } from '../../check/check-pool.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the HTTP API')
    .option('--port <n>', 'port to listen on', positiveIntArg, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--trust-proxy <proxies>',
      'behind a reverse proxy: its address(es) (comma list, CIDR allowed), a hop count, or "true"; X-Forwarded-For from them gives the client address that rate limits count by (also PACTWATCH_TRUST_PROXY)',
    )
    .option(
      '--check-workers <n>',
      `threads that check texts for POST /api/check (default ${DEFAULT_POOL_SIZE}: min(2, cores); also PACTWATCH_CHECK_WORKERS)`,
      positiveIntArg,
    )
    .option('--no-search-cache', 'answer every event search afresh, without remembering answers (for benchmarks)')
    .action(
      async (
        options: { port: number; host: string; trustProxy?: string; checkWorkers?: number; searchCache: boolean },
        command: Command,
      ) => {
        const store = await openCliStore(command);
        const fromEnv = process.env.PACTWATCH_CHECK_WORKERS;
        const app = await buildApp({
          store,
          logger: { level: process.env.LOG_LEVEL ?? 'info' },
          trustProxy: trustProxyValue(options.trustProxy ?? process.env.PACTWATCH_TRUST_PROXY),
          checkPool: { size: options.checkWorkers ?? (fromEnv ? positiveIntArg(fromEnv) : undefined), warm: true },
          searchCache: options.searchCache,
          searchThread: cliDatabase(command),
        });
        // Stop taking requests, let those in flight finish, then close the database.
        const stop = () => void app.close().then(() => store.close());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const closed = new Promise<void>((resolve) => app.addHook('onClose', async () => resolve()));
        await app.listen({ port: options.port, host: options.host });
        await closed;
      },
    );
}

/** Fastify's trustProxy from the option's text: "true", a hop count, or addresses. */
export function trustProxyValue(text: string | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return (_address, hop) => hop < Number(text);
  return text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}
