// Real databases for tests: a SQLite file in a fresh temp folder, and, when DATABASE_URL is
// set, a fresh PostgreSQL database created for the test and dropped afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadShippedRecord } from '../../src/io/shipped-record.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { DialectName, RecordStore } from '../../src/store/record-store.ts';

export interface TestDialect {
  name: DialectName;
  /** Why this dialect is skipped, or undefined when it runs. */
  skip: string | undefined;
  /** Opens a new, empty database (or one with the shipped record), removed by `close()`. */
  open(options?: { shipped?: boolean }): Promise<TestStore>;
}

export interface TestStore {
  store: RecordStore;
  /** What the CLI needs to reach the same database: ['--db', file] or ['--database-url', url]. */
  cliArgs: string[];
  close(): Promise<void>;
}

export const POSTGRES_URL = process.env.DATABASE_URL || undefined;

export function tempDir(prefix = 'pactwatch-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const sqliteDialect: TestDialect = {
  name: 'sqlite',
  skip: undefined,
  async open(options = {}) {
    const dir = tempDir();
    const file = path.join(dir, 'test.db');
    const store = await openStore({ sqlitePath: file, onCreate: options.shipped ? loadShippedRecord : undefined });
    return {
      store,
      cliArgs: ['--db', file],
      async close() {
        await store.close().catch(() => {});
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresDialect: TestDialect = {
  name: 'postgres',
  skip: POSTGRES_URL ? undefined : 'DATABASE_URL is not set: PostgreSQL tests skipped',
  async open(options = {}) {
    const url = await createTestDatabase();
    const store = await openStore({ databaseUrl: url, onCreate: options.shipped ? loadShippedRecord : undefined });
    return {
      store,
      cliArgs: ['--database-url', url],
      async close() {
        await store.close().catch(() => {});
        await dropTestDatabase(url);
      },
    };
  },
};

/** Every store test runs once per dialect (like Kysely's own test suite). */
export const DIALECTS: TestDialect[] = [sqliteDialect, postgresDialect];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<string> {
  const name = `pactwatch_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
