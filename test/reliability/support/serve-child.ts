// The Pactwatch server in a process of its own, for tests that kill it. Same app and store as
// `pactwatch serve`; the difference is port 0 (reported on stdout) and rate limits high
// enough that the crash and soak tests measure crashes and load, not 429s.
import { buildApp } from '../../../src/http/build-app.ts';
import { openStore } from '../../../src/store/open-store.ts';

const [flag, target] = process.argv.slice(2);
if ((flag !== '--db' && flag !== '--database-url') || !target) throw new Error('usage: serve-child.ts --db FILE | --database-url URL');
const store = await openStore(flag === '--db' ? { sqlitePath: target } : { databaseUrl: target });
const unlimited = { max: 1_000_000, timeWindow: '1 minute' };
const app = await buildApp({ store, writeLimit: unlimited, checkLimit: unlimited });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : 0}\n`);
