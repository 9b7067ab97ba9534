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
