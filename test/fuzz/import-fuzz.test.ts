// Import under bad input: the shipped record with one field mutated, CSV files with bytes
// inserted, cut or repeated, and JSON of any shape. Every case either imports (and what was
// acknowledged is stored exactly) or is rejected with a PactwatchError whose problems name a
// field (the mutated one, when we know it) while nothing stored changes. Anything else, a
// different error, a crash or a hang, fails the property.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { PactwatchError } from '../../src/domain/errors.ts';
import { RECORD_SCHEMAS, type RecordSet } from '../../src/domain/schemas.ts';
import { RECORD_KINDS, type RecordKind } from '../../src/domain/vocabulary.ts';
import { exportCsv } from '../../src/io/export-records.ts';
import { importPaths } from '../../src/io/import-records.ts';
import { SHIPPED_RECORD_DIR } from '../../src/io/shipped-record.ts';
import type { ImportSummary, RecordStore } from '../../src/store/record-store.ts';
import { fingerprint } from '../reliability/support/fingerprint.ts';
import { hostileJson, hostileString } from '../reliability/support/hostile-values.ts';
import { holds } from '../reliability/support/property.ts';
import { report, scaled, within } from '../reliability/support/scale.ts';
import { DIALECTS, tempDir, type TestStore } from '../support/test-stores.ts';

const SHIPPED = Object.fromEntries(
  RECORD_KINDS.map((kind) => [kind, JSON.parse(fs.readFileSync(path.join(SHIPPED_RECORD_DIR, `${kind}.json`), 'utf8'))[kind]]),
) as Record<RecordKind, Record<string, unknown>[]>;

/** Every path into a record, e.g. ['sources', 0, 'url'], so mutations reach nested fields. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))].filter((p) => p.length > 0);
}

function mutate(record: Record<string, unknown>, at: (string | number)[], value: unknown, remove: boolean): Record<string, unknown> {
  const copy = structuredClone(record);
  let parent = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (remove && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (remove) delete parent[last];
  else parent[last] = value;
  return copy;
}

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

const mutationCase = fc.record({
  kind: fc.constantFrom(...RECORD_KINDS),
  index: fc.nat(),
  path: fc.nat(),
  remove: fc.boolean(),
  value: hostileJson,
  companions: fc.array(fc.tuple(fc.constantFrom(...RECORD_KINDS), fc.nat()), { maxLength: 4 }),
});

const csvEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  cut: fc.nat({ max: 40 }),
  insert: fc.oneof(hostileString, fc.constantFrom('"', ',', '\n', '\r\n', '|', '""', '\ufeff', 'a,b,c\n', ',,,,,,,,,,,,\n')),
});
const csvCase = fc.record({
  kind: fc.constantFrom(...RECORD_KINDS),
  edits: fc.array(csvEdit, { minLength: 1, maxLength: 3 }),
  repeatLine: fc.option(fc.nat()),
});

type Outcome = { summary: ImportSummary } | { error: PactwatchError };

/** Imports and sorts the outcome: a summary, a PactwatchError, or a thrown failure. */
async function attempt(store: RecordStore, file: string): Promise<Outcome> {
  try {
    return { summary: await within(10_000, `import of ${path.basename(file)}`, importPaths(store, [file])) };
  } catch (error) {
    if (error instanceof PactwatchError) return { error };
    throw error;
  }
}

function assertExplains(error: PactwatchError, file: string, field?: string): void {
  assert.equal(error.status, 400, error.message);
  assert.ok(error.details?.length, `no problem listed: ${error.message}`);
  for (const problem of error.details!) assert.ok(problem.field, `a problem without a field: ${JSON.stringify(problem)} (${file})`);
  if (field !== undefined) {
    const named = error.details!.some((p) => p.field === field || p.field.startsWith(`${field}.`));
    assert.ok(named, `mutated "${field}" but the problems name ${error.details!.map((p) => p.field).join(', ')}`);
  }
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: import fuzz`, { skip: dialect.skip }, () => {
    // PostgreSQL round trips cost more per case, and the SQLite runs already cover the reader.
    const runs = (n: number) => scaled(dialect.name === 'sqlite' ? n : Math.ceil(n / 5), dialect.name === 'sqlite' ? n * 10 : n * 2);
    let t: TestStore;
    let dir: string;
    let csvDir: string;
    let stored: string;
    let caseNo = 0;
    const caseFile = (name: string) => {
      const caseDir = path.join(dir, String(++caseNo));
      fs.mkdirSync(caseDir);
      return path.join(caseDir, name);
    };

    /** Rejected: nothing changed. Accepted: the digest moves on (checked by the caller). */
    async function check(outcome: Outcome, file: string, field?: string): Promise<void> {
      if ('error' in outcome) {
        assertExplains(outcome.error, file, field);
        assert.equal(await fingerprint(t.store), stored, `a rejected import changed the database (${file})`);
      } else {
        stored = await fingerprint(t.store);
      }
    }

    before(async () => {
      t = await dialect.open({ shipped: true });
      dir = tempDir('pactwatch-fuzz-');
      csvDir = path.join(dir, 'csv');
      await exportCsv(t.store, csvDir);
      stored = await fingerprint(t.store);
    });
    after(async () => {
      await t?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('a shipped record with one field mutated: stored exactly, or rejected naming that field', async () => {
      const cases = await holds(
        fc.asyncProperty(mutationCase, async (m) => {
          const original = pick(SHIPPED[m.kind], m.index);
          const at = pick(pathsOf(original), m.path);
          const mutated = mutate(original, at, m.value, m.remove);
          const set: Partial<Record<RecordKind, unknown[]>> = { [m.kind]: [mutated] };
          const taken = new Set([`${m.kind}/${original.id}`, `${m.kind}/${String(mutated.id)}`]);
          for (const [kind, i] of m.companions) {
            const companion = pick(SHIPPED[kind], i);
            if (!taken.has(`${kind}/${companion.id}`)) (set[kind] ??= []).push(companion);
            taken.add(`${kind}/${companion.id}`);
          }
          const file = caseFile('mutated.json');
          fs.writeFileSync(file, JSON.stringify(set, null, 1));
          const outcome = await attempt(t.store, file);
          if ('summary' in outcome) {
            const expected = RECORD_SCHEMAS[m.kind].parse(mutated) as RecordSet[RecordKind][number];
            assert.deepEqual(await t.store.get(m.kind, expected.id), expected, 'an acknowledged import was not stored exactly');
          }
          // Removing a list's only item makes the list the problem, not the item.
          const blamed = m.remove && typeof at[at.length - 1] === 'number' ? at.slice(0, -1) : at;
          await check(outcome, file, blamed.join('.'));
        }),
        runs(400),
      );
      report('cases fuzzed', cases, `${dialect.name} import: mutated JSON records`);
    });

    test('CSV files with bytes inserted, cut or repeated: imported, or rejected naming a field, changing nothing', async () => {
      const cases = await holds(
        fc.asyncProperty(csvCase, async (c) => {
          let text = fs.readFileSync(path.join(csvDir, `${c.kind}.csv`), 'utf8');
          if (c.repeatLine !== null) {
            const lines = text.split('\n');
            lines.splice(1 + (c.repeatLine % (lines.length - 1)), 0, pick(lines, c.repeatLine));
            text = lines.join('\n');
          }
          for (const edit of c.edits) {
            const at = Math.floor(edit.at * text.length);
            text = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
          }
          const file = caseFile(`${c.kind}.csv`);
          fs.writeFileSync(file, text);
          await check(await attempt(t.store, file), file);
        }),
        runs(300),
      );
      report('cases fuzzed', cases, `${dialect.name} import: mutated CSV files`);
    });

    test('JSON of any shape: imported, or rejected naming a field, changing nothing', async () => {
      const anyShape = fc.oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.dictionary(
          fc.constantFrom(...RECORD_KINDS, 'extra'),
          fc.oneof(fc.array(fc.oneof(fc.object(), hostileJson), { maxLength: 4 }), hostileJson),
        ),
      );
      const cases = await holds(
        fc.asyncProperty(
          fc.oneof(
            anyShape.map((v) => JSON.stringify(v) ?? ''),
            fc.string({ unit: 'binary' }),
          ),
          async (text) => {
            const file = caseFile('any.json');
            fs.writeFileSync(file, text);
            await check(await attempt(t.store, file), file);
          },
        ),
        runs(300),
      );
      report('cases fuzzed', cases, `${dialect.name} import: JSON of any shape`);
    });
  });
}
