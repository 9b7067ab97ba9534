// Crash safety: real processes killed with SIGKILL at random points, then restarted over the
// same database, on each backend.
// - During large imports: every import is entirely present or entirely absent (one that
//   exited 0 before the kill must be present), and the change log holds one entry per
//   present import.
// - During a stream of API writes from concurrent clients: every write acknowledged before
//   the kill is present (a write in flight at the kill may have landed or not, nothing else),
//   and the change log's last entry for each record is that record's stored state.
// After every kill the database must be intact and `pactwatch audit verify` must pass.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { writeSyntheticRecord } from '../../bench/synthetic-record.ts';
import { canonicalJson } from '../../src/changelog/canonical-json.ts';
import type { EventRecord } from '../../src/domain/schemas.ts';
import { POSTGRES_URL, tempDir } from '../support/test-stores.ts';
import { assertIntact, newTarget, type Target } from './support/database-checks.ts';
import { killHard, runCliWithin, startCli, startServerChild } from './support/processes.ts';
import { report, scaled } from './support/scale.ts';
import { SEED, seededRandom } from './support/seeded-random.ts';

const KILLS = scaled(4, 20);
const IMPORT_EVENTS = scaled(3_000, 10_000);
/** Enough for the input (about 420 bytes an event) to be read in a thread (4 MB and over). */
const EMPTY_IMPORT_EVENTS = 12_000;
const WRITERS = 8;
const random = seededRandom();

const DIALECTS = [
  { name: 'sqlite' as const, skip: undefined },
  { name: 'postgres' as const, skip: POSTGRES_URL ? undefined : 'DATABASE_URL is not set: PostgreSQL crash tests skipped' },
];

async function auditVerifies(target: Target): Promise<void> {
  const audit = await runCliWithin(60_000, [...target.cliArgs, 'audit', 'verify']);
  assert.equal(audit.code, 0, `audit verify after a kill:\n${audit.output}`);
}

/** The round prefix of the ids an import writes: r01-ev-0000000. */
const roundPrefix = (round: number) => `r${String(round).padStart(2, '0')}`;

async function importsByRound(target: Target): Promise<{ rounds: Map<string, number>; importEntries: number }> {
  const store = await target.open();
  try {
    const rows = await sql<{
      p: string;
      n: number;
    }>`SELECT substr(id, 1, 3) AS p, count(*) AS n FROM events GROUP BY substr(id, 1, 3)`.execute(store.db);
    const entries = await sql<{ n: number }>`SELECT count(*) AS n FROM changes WHERE action = 'import'`.execute(store.db);
    return { rounds: new Map(rows.rows.map((r) => [r.p, Number(r.n)])), importEntries: Number(entries.rows[0]!.n) };
  } finally {
    await store.close();
  }
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: SIGKILL at random points (seed ${SEED})`, { skip: dialect.skip }, () => {
    test(`${KILLS} kills during imports of ${IMPORT_EVENTS} events: each import all or nothing`, { timeout: 30 * 60_000 }, async () => {
      const target = await newTarget(dialect.name);
      const dir = tempDir('pactwatch-crash-import-');
      try {
        const { eventsCsv, partiesJson } = await writeSyntheticRecord(dir, IMPORT_EVENTS);
        const base = fs.readFileSync(eventsCsv, 'utf8');
        const roundFile = (round: number) => {
          const file = path.join(dir, roundPrefix(round), 'events.csv');
          fs.mkdirSync(path.dirname(file));
          fs.writeFileSync(file, base.replaceAll('\nev-', `\n${roundPrefix(round)}-ev-`));
          return file;
        };
        const setup = await runCliWithin(120_000, [...target.cliArgs, '--empty', 'import', partiesJson]);
        assert.equal(setup.code, 0, setup.output);

        // An import left alone tells how long one takes, so kills land across its whole span.
        const started = performance.now();
        const calibration = await runCliWithin(300_000, [...target.cliArgs, 'import', roundFile(0)]);
        assert.equal(calibration.code, 0, calibration.output);
        const duration = performance.now() - started;

        const present = new Set([roundPrefix(0)]);
        let lost = 0;
        for (let round = 1; round <= KILLS; round++) {
          const child = startCli([...target.cliArgs, 'import', roundFile(round)]);
          const exitedFirst = await Promise.race([
            child.exited.then(() => true),
            sleep(duration * (0.25 + random() * 0.9)).then(() => false),
          ]);
          await killHard(child);
          const acknowledged = exitedFirst && child.process.exitCode === 0;

          await assertIntact(target);
          const { rounds, importEntries } = await importsByRound(target);
          const count = rounds.get(roundPrefix(round)) ?? 0;
          if (count === IMPORT_EVENTS) present.add(roundPrefix(round));
          for (const n of rounds.values()) if (n !== IMPORT_EVENTS) lost += IMPORT_EVENTS - n;
          if (acknowledged && count !== IMPORT_EVENTS) lost += IMPORT_EVENTS - count;
          assert.equal(
            lost,
            0,
            `round ${round}: ${count} of ${IMPORT_EVENTS} events present (import ${acknowledged ? 'had exited 0' : 'was killed'})`,
          );
          assert.equal(importEntries, 1 + present.size, 'one change-log entry per import present (the parties, then each round)');
          await auditVerifies(target);
        }
        report(
          'kill points survived',
          KILLS,
          `${dialect.name} import, ${IMPORT_EVENTS} events each, ~${Math.round(duration)} ms per import`,
        );
        report('imports present after kill', present.size - 1, dialect.name);
        report('imports absent after kill', KILLS - (present.size - 1), dialect.name);
        report('lost', lost, `${dialect.name} import`);
      } finally {
        await target.remove();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    // Into an empty events table an import takes the bulk path: on SQLite under a rollback
    // journal, triggers and indexes dropped until the end, and, at this size, read in a thread.
    test(`${KILLS} kills during imports into an empty database: all or nothing, indexes in place`, { timeout: 30 * 60_000 }, async () => {
      const dir = tempDir('pactwatch-crash-empty-');
      try {
        const { eventsCsv } = await writeSyntheticRecord(dir, EMPTY_IMPORT_EVENTS);
        let duration = 0;
        for (let round = 0; round <= KILLS; round++) {
          const target = await newTarget(dialect.name);
          try {
            const started = performance.now();
            const child = startCli([...target.cliArgs, '--empty', 'import', eventsCsv]);
            // Round 0 runs to the end, and tells how long an import takes.
            const exitedFirst =
              round === 0
                ? await child.exited.then(() => true)
                : await Promise.race([child.exited.then(() => true), sleep(duration * (0.1 + random() * 0.9)).then(() => false)]);
            if (round === 0) duration = performance.now() - started;
            await killHard(child);
            const acknowledged = exitedFirst && child.process.exitCode === 0;
            assert.ok(round > 0 || acknowledged, 'the import left alone succeeded');

            await assertIntact(target);
            const store = await target.open();
            try {
              const count = await store.count('events');
              assert.ok(count === 0 || count === EMPTY_IMPORT_EVENTS, `round ${round}: ${count} of ${EMPTY_IMPORT_EVENTS} events present`);
              if (acknowledged) assert.equal(count, EMPTY_IMPORT_EVENTS, `round ${round}: an import that exited 0 is present`);
              const found = await store.searchEvents({ q: 'alliance', areas: ['membership'] });
              assert.equal(found.total > 0, count > 0, 'the full-text index and the area links match the rows');
            } finally {
              await store.close();
            }
          } finally {
            await target.remove();
          }
        }
        report('kill points survived', KILLS, `${dialect.name} import into an empty database, ${EMPTY_IMPORT_EVENTS} events`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    test(
      `${KILLS} kills of a server under ${WRITERS} concurrent writers: every acknowledged write present`,
      { timeout: 30 * 60_000 },
      async () => {
        const target = await newTarget(dialect.name);
        try {
          const created = await runCliWithin(120_000, [...target.cliArgs, 'user', 'add', 'crash-writer', '--role', 'editor']);
          assert.equal(created.code, 0, created.output);
          const token = created.output.trim().split('\n')[0]!;
          const ledger = new Ledger();
          for (let round = 1; round <= KILLS; round++) {
            const server = await startServerChild(target.cliArgs);
            const stop = new AbortController();
            const writers = Array.from({ length: WRITERS }, (_, w) =>
              writeUntilStopped(server.base, token, `w${round}-${w}`, ledger, stop.signal),
            );
            await sleep(200 + random() * 1300);
            await killHard(server);
            stop.abort();
            await Promise.all(writers);
            await assertIntact(target);
            await ledger.settle(target);
            assert.equal(ledger.lost, 0, `round ${round}: acknowledged writes missing: ${ledger.problems.slice(0, 5).join('; ')}`);
            await auditVerifies(target);
          }
          assert.equal(ledger.serverErrors, 0, '5xx answers to writes before the kill');
          report('kill points survived', KILLS, `${dialect.name} API writes, ${WRITERS} writers`);
          report('acknowledged writes checked', ledger.acknowledged, dialect.name);
          report('lost', ledger.lost, `${dialect.name} API writes`);
        } finally {
          await target.remove();
        }
      },
    );
  });
}

type State = EventRecord | null;

/**
 * What each record must be after a crash: its last acknowledged state, or the state a write
 * in flight at the kill would have left (it may have committed without its answer arriving).
 */
class Ledger {
  private readonly records = new Map<string, { acked: State; inFlight: State[] }>();
  acknowledged = 0;
  serverErrors = 0;
  lost = 0;
  problems: string[] = [];

  send(id: string, next: State): void {
    const entry = this.records.get(id) ?? { acked: null, inFlight: [] };
    entry.inFlight.push(next);
    this.records.set(id, entry);
  }

  answer(id: string, ok: boolean, next: State): void {
    const entry = this.records.get(id)!;
    entry.inFlight = entry.inFlight.filter((s) => s !== next);
    if (ok) {
      entry.acked = next;
      this.acknowledged++;
    }
  }

  /** Compares every record with what it may be, then takes the stored state as the new truth. */
  async settle(target: Target): Promise<void> {
    const store = await target.open();
    try {
      for (const [id, entry] of this.records) {
        const stored = (await store.get('events', id)) ?? null;
        const allowed = [entry.acked, ...entry.inFlight].map((s) => (s === null ? null : canonicalJson(s)));
        const found = stored === null ? null : canonicalJson(stored);
        if (!allowed.includes(found)) {
          this.lost++;
          this.problems.push(`${id}: stored ${found}, acknowledged ${allowed[0]}`);
        }
        const last = await sql<{
          after: string | null;
        }>`SELECT after FROM changes WHERE kind = 'events' AND record_id = ${id} ORDER BY seq DESC LIMIT 1`.execute(store.db);
        const after = last.rows[0]?.after ?? null;
        const logged = after === null ? null : canonicalJson(JSON.parse(after));
        if (logged !== found) {
          this.lost++;
          this.problems.push(`${id}: the change log says ${logged}, the table holds ${found}`);
        }
        this.records.set(id, { acked: stored, inFlight: [] });
      }
    } finally {
      await store.close();
    }
  }
}

/** One writer: creates events it owns, then edits or deletes them with If-Match, until stopped or the server dies. */
async function writeUntilStopped(base: string, token: string, prefix: string, ledger: Ledger, signal: AbortSignal): Promise<void> {
  let current: { record: EventRecord; etag: string } | undefined;
  for (let n = 0; n < 10_000 && !signal.aborted; n++) {
    const choice = random();
    let method: string;
    let url: string;
    let next: State;
    let body: unknown;
    if (!current || choice < 0.5) {
      const record = event(`${prefix}-${n}`);
      [method, url, next, body] = ['POST', '/api/events', record, record];
    } else if (choice < 0.85) {
      const title = `edited ${n}`;
      [method, url, next, body] = ['PATCH', `/api/events/${current.record.id}`, { ...current.record, title }, { title }];
    } else {
      [method, url, next, body] = ['DELETE', `/api/events/${current.record.id}`, null, undefined];
    }
    const id = next?.id ?? current!.record.id;
    ledger.send(id, next);
    let response: Response;
    try {
      response = await fetch(base + url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(current && method !== 'POST' ? { 'if-match': current.etag } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      return; // the server is gone: this write stays in flight
    }
    if (response.status >= 500) ledger.serverErrors++;
    const ok = response.status >= 200 && response.status < 300;
    let answered: unknown = null;
    try {
      if (response.status !== 204) answered = await response.json();
    } catch {
      return; // the answer was cut off by the kill: still in flight
    }
    ledger.answer(id, ok, next);
    if (!ok) continue;
    if (next !== null)
      assert.equal(canonicalJson(answered), canonicalJson(next), 'the server acknowledged a different record than was sent');
    current = next === null ? undefined : { record: next, etag: response.headers.get('etag')! };
  }
}

function event(id: string): EventRecord {
  return {
    id,
    date: '2024-01-02',
    title: `written ${id}`,
    title_uk: null,
    summary: 'a write under crash test',
    summary_uk: null,
    aliases: [],
    aliases_uk: [],
    type: 'other',
    actors: ['nato'],
    areas: ['membership'],
    sources: [{ url: 'https://example.org/crash', quote: null, title: null, tier: null }],
  };
}
