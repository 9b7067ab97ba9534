// Soak: 50 concurrent clients (reads, searches, checks and writes mixed) on a server in its own
// process for 60 seconds on loopback. Afterwards: the server's memory stayed flat, every
// acknowledged write is stored as acknowledged, and the change log verifies. Reports
// requests/s, error rate and p99 latency.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { canonicalJson } from '../../src/changelog/canonical-json.ts';
import type { EventRecord } from '../../src/domain/schemas.ts';
import { POSTGRES_URL } from '../support/test-stores.ts';
import { assertIntact, newTarget } from './support/database-checks.ts';
import { killHard, runCliWithin, startServerChild } from './support/processes.ts';
import { report, scaled } from './support/scale.ts';
import { seededRandom } from './support/seeded-random.ts';

const CLIENTS = 50;
const SECONDS = scaled(10, 60);
/** Growth of the server's resident memory from the end of warm-up to the end that counts as a leak. */
const MAX_GROWTH_MB = 64;
const random = seededRandom();

const WORDS = [
  'summit',
  'charter',
  'membership',
  'nato',
  'ukraine',
  'commission',
  'training',
  'cyber',
  'partnership',
  'madrid',
  'bucharest',
  'vilnius',
  'annual',
  'programme',
];
const CLAIMS = [
  'NATO and Ukraine signed the Charter on a Distinctive Partnership in Madrid on 9 July 1997.',
  'At the Bucharest summit in 2008 NATO agreed that Ukraine will become a member.',
  'Ukraine applied for NATO membership in 2019.',
  'The NATO-Ukraine Council met for the first time in Vilnius in July 2023.',
];

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const DIALECTS = [
  { name: 'sqlite' as const, skip: undefined },
  { name: 'postgres' as const, skip: POSTGRES_URL ? undefined : 'DATABASE_URL is not set: PostgreSQL soak skipped' },
];

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: soak`, { skip: dialect.skip }, () => {
    test(
      `${CLIENTS} clients for ${SECONDS} s: flat memory, nothing lost, the change log verifies`,
      { timeout: (SECONDS + 300) * 1000 },
      async () => {
        const target = await newTarget(dialect.name);
        const created = await runCliWithin(120_000, [...target.cliArgs, 'user', 'add', 'soak-writer', '--role', 'editor']);
        assert.equal(created.code, 0, created.output);
        const token = created.output.trim().split('\n')[0]!;
        const server = await startServerChild(target.cliArgs);
        const latencies: number[] = [];
        const failures = new Map<string, number>();
        const acked = new Map<string, EventRecord>();
        const ids = ((await (await fetch(`${server.base}/api/events?limit=200`)).json()) as { items: { id: string }[] }).items.map(
          (e) => e.id,
        );
        const memory: number[] = [];
        const deadline = performance.now() + SECONDS * 1000;

        async function call(kind: string, url: string, init: RequestInit = {}): Promise<Response | undefined> {
          const started = performance.now();
          try {
            const response = await fetch(server.base + url, { ...init, signal: AbortSignal.timeout(10_000) });
            await response.arrayBuffer();
            latencies.push(performance.now() - started);
            if (!response.ok) failures.set(`${kind} ${response.status}`, (failures.get(`${kind} ${response.status}`) ?? 0) + 1);
            return response;
          } catch (error) {
            latencies.push(performance.now() - started);
            failures.set(`${kind} ${(error as Error).name}`, (failures.get(`${kind} ${(error as Error).name}`) ?? 0) + 1);
            return undefined;
          }
        }

        async function client(c: number): Promise<void> {
          const write = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
          for (let n = 0; n < 1_000_000 && performance.now() < deadline; n++) {
            const choice = random();
            if (choice < 0.35) await call('read', `/api/events/${ids[Math.floor(random() * ids.length)]}`);
            else if (choice < 0.45) await call('read', random() < 0.5 ? '/api/commitments?status=overdue' : '/api/agreements');
            else if (choice < 0.75)
              await call('search', `/api/events?q=${WORDS[Math.floor(random() * WORDS.length)]}&facets=type,area,year&limit=20`);
            else if (choice < 0.85)
              await call('check', '/api/check', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ text: CLAIMS[n % CLAIMS.length] }),
              });
            else {
              const record = soakEvent(`soak-${c}-${n}`);
              const response = await call('write', '/api/events', { method: 'POST', headers: write, body: JSON.stringify(record) });
              if (response?.status === 201) acked.set(record.id, record);
            }
          }
        }

        const sampler = (async () => {
          while (performance.now() < deadline) {
            memory.push(residentMb(server.process.pid!));
            await sleep(1000);
          }
        })();
        const started = performance.now();
        await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
        const elapsed = (performance.now() - started) / 1000;
        await sampler;

        try {
          for (const [id, record] of acked) {
            const response = await fetch(`${server.base}/api/events/${id}`);
            assert.equal(response.status, 200, `acknowledged write ${id} is missing`);
            assert.equal(canonicalJson(await response.json()), canonicalJson(record), `acknowledged write ${id} is stored differently`);
          }
        } finally {
          await killHard(server);
        }
        await assertIntact(target);
        const audit = await runCliWithin(120_000, [...target.cliArgs, 'audit', 'verify']);
        assert.equal(audit.code, 0, audit.output);
        await target.remove();

        latencies.sort((a, b) => a - b);
        const total = latencies.length;
        const failed = [...failures.values()].reduce((a, b) => a + b, 0);
        // Warm-up (JIT, caches, the SQLite page cache) is the first fifth; growth after it is what leaks.
        const warm = memory.slice(Math.floor(memory.length / 5));
        const growth = Math.max(...warm.slice(-3)) - Math.min(...warm.slice(0, 3));
        const p99 = latencies[Math.floor(total * 0.99)]!;
        const detail = `${dialect.name}, ${CLIENTS} clients, ${Math.round(elapsed)} s`;
        report('soak requests', total, detail);
        report('soak requests/s', Math.round(total / elapsed), detail);
        report(
          'soak error rate %',
          Number(((failed / total) * 100).toFixed(3)),
          `${detail}${failed ? `: ${JSON.stringify(Object.fromEntries(failures))}` : ''}`,
        );
        report('soak p99 ms', Math.round(p99), detail);
        report(
          'soak memory growth MB',
          Number(growth.toFixed(1)),
          `${detail}, resident ${Math.round(warm[0]!)} -> ${Math.round(warm[warm.length - 1]!)} MB`,
        );
        report('acknowledged writes checked', acked.size, `${dialect.name} soak`);
        report('lost', 0, `${dialect.name} soak`);
        assert.equal(failed, 0, `failed requests: ${JSON.stringify(Object.fromEntries(failures))}`);
        assert.ok(
          growth < MAX_GROWTH_MB,
          `resident memory grew ${growth.toFixed(1)} MB after warm-up (${memory.map(Math.round).join(', ')})`,
        );
      },
    );
  });
}

function soakEvent(id: string): EventRecord {
  return {
    id,
    date: '2025-03-04',
    title: `soak write ${id}`,
    title_uk: null,
    summary: 'written under load',
    summary_uk: null,
    aliases: [],
    aliases_uk: [],
    type: 'statement',
    actors: ['nato', 'ukraine'],
    areas: ['political-dialogue'],
    sources: [{ url: 'https://example.org/soak', quote: null, title: null, tier: null }],
  };
}
