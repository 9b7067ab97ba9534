import type { Command } from 'commander';
import { buildApp } from '../../http/build-app.ts';
import { openCliStore } from '../open-cli-store.ts';
import { positiveIntArg } from '../cli-values.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the HTTP API')
    .option('--port <n>', 'port to listen on', positiveIntArg, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (options: { port: number; host: string }, command: Command) => {
      const store = await openCliStore(command);
      const app = await buildApp({ store, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
      // Stop taking requests, let those in flight finish, then close the database.
      const stop = () => void app.close().then(() => store.close());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const closed = new Promise<void>((resolve) => app.addHook('onClose', async () => resolve()));
      await app.listen({ port: options.port, host: options.host });
      await closed;
    });
}
