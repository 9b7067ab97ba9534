// The record as a standalone SQLite file that any SQLite tool opens: one table per kind with a
// column per field (lists and nested objects as JSON text, which SQLite's json functions read),
// a `sources` table with one row per cited source and its effective tier, and commitments with their derived status
// and progress. Columns come from the record schemas, so a new field is exported without
// touching this file. Works the same whichever database the store uses.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { z } from 'zod';
import { todayIso } from '../domain/partial-date.ts';
import { RECORD_SCHEMAS, type Source } from '../domain/schemas.ts';
import { sourceTier } from '../domain/source-tiers.ts';
import { CONTRACT_KIND_ORDER, type RecordKind } from '../domain/vocabulary.ts';
import type { RecordStore } from '../store/record-store.ts';
import { listCommitmentsWithStatus } from '../tracking/tracked-commitments.ts';
import { loadSourceTierTable } from './source-tier-table.ts';

/** Columns the export adds to `commitments`, after the stored fields. */
const DERIVED_COMMITMENT_COLUMNS = {
  status: 'TEXT',
  deadline: 'TEXT',
  evidence: 'TEXT',
  progress_ratio: 'REAL',
  progress: 'TEXT',
  periods: 'TEXT',
} as const;

function sqlType(schema: z.ZodType): string {
  let inner = schema as z.core.$ZodType;
  while (['optional', 'nullable', 'default'].includes(inner._zod.def.type))
    inner = (inner._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  const type = inner._zod.def.type;
  return type === 'number' ? 'REAL' : type === 'boolean' ? 'INTEGER' : 'TEXT';
}

function columnsOf(kind: RecordKind): [string, string][] {
  const stored = Object.entries(RECORD_SCHEMAS[kind].shape).map(([name, schema]): [string, string] => [name, sqlType(schema as z.ZodType)]);
  return kind === 'commitments' ? [...stored, ...Object.entries(DERIVED_COMMITMENT_COLUMNS)] : stored;
}

function sqlValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number;
}

const quote = (name: string) => `"${name}"`;

async function rowsOf(
  store: RecordStore,
  kind: RecordKind,
  today: string,
): Promise<AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>> {
  if (kind !== 'commitments') return store.iterate(kind) as AsyncIterable<Record<string, unknown>>;
  return (await listCommitmentsWithStatus(store, {}, today)).map((c) => ({ ...c, progress_ratio: c.progress.ratio }));
}

/** Writes the file at `file` (replacing it only once complete); returns the row counts. */
export async function exportSqliteFile(store: RecordStore, file: string, today: string = todayIso()): Promise<Record<RecordKind, number>> {
  const partial = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.partial`);
  fs.rmSync(partial, { force: true });
  const db = new SqliteDatabase(partial);
  // No journal and no syncs while writing: the file only becomes the export by the rename
  // at the end, after a single fsync, so a crash leaves at most a stray partial file.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const counts = {} as Record<RecordKind, number>;
  try {
    db.exec('BEGIN');
    db.exec(`CREATE TABLE sources (kind TEXT NOT NULL, record_id TEXT NOT NULL, position INTEGER NOT NULL, url TEXT NOT NULL, quote TEXT, title TEXT, tier TEXT NOT NULL,
             PRIMARY KEY (kind, record_id, position))`);
    db.exec('CREATE TABLE export_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const addSource = db.prepare('INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)');
    const tiers = loadSourceTierTable();
    for (const kind of CONTRACT_KIND_ORDER) {
      const columns = columnsOf(kind);
      db.exec(
        `CREATE TABLE ${kind} (${columns.map(([name, type]) => `${quote(name)} ${type}${name === 'id' ? ' PRIMARY KEY' : ''}`).join(', ')})`,
      );
      const insert = db.prepare(`INSERT INTO ${kind} VALUES (${columns.map(() => '?').join(', ')})`);
      counts[kind] = 0;
      for await (const record of await rowsOf(store, kind, today)) {
        insert.run(columns.map(([name]) => sqlValue(record[name])));
        (record.sources as Source[]).forEach((s, i) =>
          addSource.run(kind, record.id, i, s.url, s.quote ?? null, s.title ?? null, sourceTier(s.url, s.tier, tiers)),
        );
        counts[kind] += 1;
      }
    }
    db.exec('CREATE INDEX deliveries_commitment ON deliveries (commitment_id)');
    db.exec('CREATE INDEX commitments_status ON commitments (status)');
    const info = db.prepare('INSERT INTO export_info VALUES (?, ?)');
    info.run('exported_at', new Date().toISOString());
    info.run('status_as_of', today);
    info.run(
      'about',
      'Pactwatch record export. Lists and nested objects are JSON text; commitments.status and progress are derived from deliveries as of status_as_of.',
    );
    db.exec('COMMIT');
    db.close();
    const fd = fs.openSync(partial, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
    return counts;
  } catch (error) {
    if (db.open) db.close();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
