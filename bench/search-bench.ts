// Event search under load: autocannon sends the mixed workload (mixed-queries.ts, every
// request a different query) to a real `pactwatch serve --no-search-cache` (its own process,
// so the load generator does not share its event loop), while a second process asks
// /api/health every 20 ms: how long a reader waits while searches run. The figures are the
// store's own work: no answer is remembered. Beside them, each of a few queries done in-process
// by the store and the naive way (FTS MATCH ... ORDER BY date LIMIT 50 plus COUNT and GROUP BY).
//
// Run alone: node --import tsx bench/search-bench.ts (--db FILE | --database-url URL) [--seconds 10]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/store/database.ts';
import { openStore } from '../src/store/open-store.ts';
import type { DialectName, EventQuery, FacetField } from '../src/store/record-store.ts';
import { mixedQueryPaths } from './mixed-queries.ts';
import { COMMON_TERM, RARE_TERM } from './synthetic-record.ts';

export interface SearchBenchOptions {
  /** The database a 1M-event record was imported into; one of the two. */
  sqlitePath?: string;
  databaseUrl?: string;
  seconds?: number;
  connections?: number;
  /** Also time a few queries in-process against the naive SQL (minutes on 1M events). */
  naive?: boolean;
  log?: (line: string) => void;
}

/** The mixed workload over HTTP, and /api/health meanwhile; times in ms. */
export interface MixedSearchResult {
  dialect: string;
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
}

export interface SearchBenchRow {
  name: string;
  path: string;
  /** Median and worst of the naive in-process query, in ms. */
  naiveMedian: number;
  naiveMax: number;
  /** Median of the same query through the store in-process (event index, no answer cache), in ms. */
  oursMedian: number;
}

export interface SearchBenchResult {
  mixed: MixedSearchResult;
  queries: SearchBenchRow[];
}

export const MIXED_P99_TARGET_MS = 50;
export const MIXED_RPS_TARGET = 500;
export const HEALTH_TARGET_MS = 100;

interface Query {
  name: string;
  path: string;
  /** The same query as the store takes it. */
  search: EventQuery;
  facets: FacetField[];
  naive: (db: Kysely<Database>, dialect: DialectName) => Promise<unknown>;
}

const FACETS = ['type', 'area', 'actor', 'year'] as const;

/** The obvious SQL: match, sort, take a page; then count and group over every match. */
async function naiveSearch(
  db: Kysely<Database>,
  dialect: DialectName,
  term: string | null,
  range: [string, string] | null,
  facets: readonly string[],
) {
  const match =
    term === null
      ? sql`TRUE`
      : dialect === 'sqlite'
        ? sql`e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ${term})`
        : sql`e.search @@ to_tsquery('english', ${term})`;
  const within = range ? sql`e.date_end >= ${range[0]} AND e.date_start <= ${range[1]}` : sql`TRUE`;
  const where = sql`${match} AND ${within}`;
  await sql`SELECT e.* FROM events e WHERE ${where} ORDER BY e.date DESC, e.id DESC LIMIT 50`.execute(db);
  await sql`SELECT count(*) FROM events e WHERE ${where}`.execute(db);
  for (const facet of facets) {
    const grouped =
      facet === 'type'
        ? sql`SELECT e.type AS value, count(*) AS n FROM events e WHERE ${where} GROUP BY e.type`
        : facet === 'year'
          ? sql`SELECT substr(e.date, 1, 4) AS value, count(*) AS n FROM events e WHERE ${where} GROUP BY substr(e.date, 1, 4)`
          : facet === 'area'
            ? sql`SELECT a.area AS value, count(*) AS n FROM event_areas a JOIN events e ON e.id = a.event_id WHERE ${where} GROUP BY a.area`
            : sql`SELECT a.actor AS value, count(*) AS n FROM event_actors a JOIN events e ON e.id = a.event_id WHERE ${where} GROUP BY a.actor`;
    await sql`${grouped} ORDER BY n DESC LIMIT 100`.execute(db);
  }
}

export const SEARCH_QUERIES: Query[] = [
  {
    name: 'rare term',
    path: `/api/events?q=${RARE_TERM}`,
    search: { q: RARE_TERM },
    facets: [],
    naive: (db, d) => naiveSearch(db, d, RARE_TERM, null, []),
  },
  {
    name: 'term in ~10%',
    path: `/api/events?q=${COMMON_TERM}`,
    search: { q: COMMON_TERM },
    facets: [],
    naive: (db, d) => naiveSearch(db, d, COMMON_TERM, null, []),
  },
  {
    name: 'date range + 4 facets, no term',
    path: `/api/events?from=2010&to=2014&facets=${FACETS.join(',')}`,
    search: { from: '2010', to: '2014' },
    facets: [...FACETS],
    naive: (db, d) => naiveSearch(db, d, null, ['2010-01-01', '2014-12-31'], FACETS),
  },
  {
    name: 'q + 3 facets',
    path: `/api/events?q=${COMMON_TERM}&facets=type,area,actor`,
    search: { q: COMMON_TERM },
    facets: ['type', 'area', 'actor'],
    naive: (db, d) => naiveSearch(db, d, COMMON_TERM, null, ['type', 'area', 'actor']),
  },
];

interface Timing {
  median: number;
  max: number;
}

/**
 * The naive query and ours, run in turn after one warm-up each, so a machine that slows down
 * or speeds up midway weighs on both alike: at least 2 s of pairs (thousands for sub-millisecond
 * queries, so the median is not a timer's rounding), and 15 pairs or as many as fit in 30 s, at
 * least 3, for slow ones.
 */
async function timeInTurn(naive: () => Promise<unknown>, ours: () => Promise<unknown>): Promise<{ naive: Timing; ours: Timing }> {
  await naive();
  await ours();
  const times = { naive: [] as number[], ours: [] as number[] };
  const began = performance.now();
  for (;;) {
    const elapsed = performance.now() - began;
    const pairs = times.naive.length;
    if (pairs >= 3 && elapsed >= 2_000 && (pairs >= 15 || elapsed >= 30_000)) break;
    for (const [name, run] of [
      ['naive', naive],
      ['ours', ours],
    ] as const) {
      const start = performance.now();
      await run();
      times[name].push(performance.now() - start);
    }
  }
  const summary = (list: number[]): Timing => {
    list.sort((a, b) => a - b);
    return { median: list[Math.floor(list.length / 2)]!, max: list[list.length - 1]! };
  };
  return { naive: summary(times.naive), ours: summary(times.ours) };
}

/** `pactwatch` runs the compiled code in dist/: compiled afresh, so the figures are this tree's. */
function compileServer(): void {
  const build = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../scripts/build-dist.ts')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`compiling the server exited with ${build.status}`);
}

async function startServer(options: SearchBenchOptions, port: number): Promise<ChildProcess> {
  const bin = path.resolve(import.meta.dirname, '../bin/pactwatch.js');
  const dbArgs = options.databaseUrl ? ['--database-url', options.databaseUrl] : ['--db', options.sqlitePath!];
  const child = spawn(process.execPath, [bin, ...dbArgs, '--empty', 'serve', '--no-search-cache', '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Up to 5 minutes: on PostgreSQL the index's build reads each common term's 464k ids (1-2 s each).
  for (let i = 0; i < 3000; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the server did not start');
}

/**
 * Asks `url` every `everyMs` for `seconds` from a process of its own (the load generator's
 * event loop would add its own delays) and resolves with each answer's latency in ms.
 */
async function probeLatencies(url: string, seconds: number, everyMs = 20): Promise<number[]> {
  const script = `
    const times = [];
    const end = Date.now() + ${seconds * 1000};
    while (Date.now() < end) {
      const start = performance.now();
      const response = await fetch(${JSON.stringify(url)});
      await response.text();
      times.push(response.ok ? performance.now() - start : Infinity);
      await new Promise((r) => setTimeout(r, ${everyMs}));
    }
    process.stdout.write(JSON.stringify(times));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  await new Promise((resolve) => child.on('close', resolve));
  return JSON.parse(out) as number[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function runMixed(port: number, options: SearchBenchOptions, dialect: string): Promise<MixedSearchResult> {
  const paths = mixedQueryPaths(50_000);
  let next = 0;
  const load = (seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: options.connections ?? 10,
      duration: seconds,
      timeout: 30,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    });
  // A warm-up from the far end of the list: the measured run's queries are new to the server.
  next = paths.length / 2;
  await load(2);
  next = 0;
  const seconds = options.seconds ?? 10;
  const [result, health] = await Promise.all([load(seconds), probeLatencies(`http://127.0.0.1:${port}/api/health`, seconds - 1)]);
  health.sort((a, b) => a - b);
  return {
    dialect,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
    healthP50: percentile(health, 0.5),
    healthP99: percentile(health, 0.99),
    healthMax: health[health.length - 1] ?? NaN,
  };
}

export async function runSearchBench(options: SearchBenchOptions): Promise<SearchBenchResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const port = 18000 + Math.floor(Math.random() * 2000);
  compileServer();
  const started = performance.now();
  const server = await startServer(options, port);
  log(`search: server ready with its event index in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const queries: SearchBenchRow[] = [];
  let mixed: MixedSearchResult;
  try {
    mixed = await runMixed(port, options, options.databaseUrl ? 'PostgreSQL' : 'SQLite');
    log(formatMixed(mixed));
  } finally {
    server.kill('SIGTERM');
  }
  if (options.naive) {
    const store = await openStore({ sqlitePath: options.sqlitePath, databaseUrl: options.databaseUrl });
    try {
      await store.enableEventIndex();
      for (const query of SEARCH_QUERIES) {
        const { naive, ours } = await timeInTurn(
          () => query.naive(store.db, store.dialect),
          () => store.searchEvents(query.search, query.facets),
        );
        const row = { name: query.name, path: query.path, naiveMedian: naive.median, naiveMax: naive.max, oursMedian: ours.median };
        queries.push(row);
        log(formatSearchRow(row));
      }
    } finally {
      await store.close();
    }
  }
  return { mixed, queries };
}

export function mixedTargetMet(r: MixedSearchResult): boolean {
  return r.errors === 0 && r.p99 <= MIXED_P99_TARGET_MS && r.requestsPerSecond >= MIXED_RPS_TARGET;
}

export const healthTargetMet = (r: MixedSearchResult) => r.healthP99 <= HEALTH_TARGET_MS;

/** Our query, done in-process as the naive one is (both leave out HTTP), no slower than it. */
export function searchTargetMet(r: SearchBenchRow): boolean {
  return r.oursMedian <= r.naiveMedian;
}

/** Sub-millisecond times with the digits that tell them apart. */
export const ms = (value: number) => value.toFixed(value < 1 ? 3 : 1);

export function formatMixed(r: MixedSearchResult): string {
  return `search, mixed, uncached, ${r.dialect}: p50 ${r.p50} ms  p99 ${r.p99} ms  ${r.requestsPerSecond.toFixed(0)} req/s (${r.requests} requests${r.errors ? `, ${r.errors} errors` : ''})  /api/health meanwhile: p50 ${ms(r.healthP50)} ms, p99 ${ms(r.healthP99)} ms, max ${ms(r.healthMax)} ms  ${mixedTargetMet(r) && healthTargetMet(r) ? 'ok' : 'MISS'}`;
}

export function formatSearchRow(r: SearchBenchRow): string {
  return `search in-process ${r.name.padEnd(32)} ours ${ms(r.oursMedian).padStart(6)} ms, naive ${ms(r.naiveMedian).padStart(7)} ms (max ${r.naiveMax.toFixed(1)})  ${searchTargetMet(r) ? 'ok' : 'MISS'}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const databaseUrl = value('--database-url');
  const sqlitePath = value('--db');
  if (!databaseUrl && !sqlitePath) {
    process.stderr.write('usage: node --import tsx bench/search-bench.ts (--db FILE | --database-url URL) [--seconds N] [--naive]\n');
    process.exit(2);
  }
  await runSearchBench({ sqlitePath, databaseUrl, seconds: Number(value('--seconds') ?? 10), naive: args.includes('--naive') });
}
