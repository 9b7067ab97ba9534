// A real Pactwatch server on a free port over a test database, with one user per role.
import type { FastifyInstance } from 'fastify';
import { addUser, ROLES, type Role } from '../../src/auth/accounts.ts';
import { buildApp, type AppOptions } from '../../src/http/build-app.ts';
import type { TestDialect, TestStore } from '../support/test-stores.ts';

export interface TestServer {
  base: string;
  app: FastifyInstance;
  db: TestStore;
  tokens: Record<Role, string>;
  /** fetch against the server, with a role's token when `as` is given. */
  call(path: string, init?: RequestInit & { as?: Role; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export async function startServer(dialect: TestDialect, options: Partial<AppOptions> & { shipped?: boolean } = {}): Promise<TestServer> {
  const db = await dialect.open({ shipped: options.shipped ?? true });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await addUser(db.store.db, `${role}-user`, role)).token;
  // Limits high enough for the matrix and concurrency tests; the abuse suite sets its own.
  const app = await buildApp({
    writeLimit: { max: 100_000, timeWindow: '1 minute' },
    tokenGuessLimit: { max: 100_000, windowMs: 60_000 },
    ...options,
    store: db.store,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  return {
    base,
    app,
    db,
    tokens,
    call(path, init = {}) {
      const { as, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set('authorization', `Bearer ${tokens[as]}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(base + path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export const source = [{ url: 'https://example.org/source' }];

const WORDS = ['summit', 'charter', 'reform', 'cyber'];

/**
 * `count` events for search tests, their titles and summaries cycling through four words;
 * `mixed` also varies their type, actor and source tier, so facets and tiers have something to count.
 */
export function wordEvents(count: number, mixed = false): never {
  return Array.from({ length: count }, (_, i) => ({
    id: `ev-${String(i).padStart(5, '0')}`,
    date: `${2000 + (i % 20)}-0${1 + (i % 9)}`,
    title: `${WORDS[i % WORDS.length]} meeting ${i}`,
    summary: WORDS[(i * 7) % WORDS.length]!,
    type: mixed && i % 3 === 0 ? 'summit' : 'statement',
    actors: mixed && i % 2 === 0 ? ['ukraine'] : ['nato'],
    areas: ['political-dialogue'],
    sources: mixed ? [{ url: i % 5 ? 'https://www.nato.int/x' : 'https://example.org/y' }] : source,
    aliases: [],
    aliases_uk: [],
  })) as never;
}
