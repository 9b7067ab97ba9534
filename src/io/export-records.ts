// Streaming exports of the whole record as JSON (one object) or CSV (one file per kind).
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { withSourceTiers, type SourceTierTable } from '../domain/source-tiers.ts';
import { CONTRACT_KIND_ORDER, type RecordKind } from '../domain/vocabulary.ts';
import type { RecordStore } from '../store/record-store.ts';
import { csvHeader, recordToCsvRow } from './csv-columns.ts';
import { loadSourceTierTable } from './source-tier-table.ts';

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

// Every source carries its effective tier (source-tiers.ts); an import drops the ones the table
// gives, so the export imports back as it was.

/**
 * Writes `{events: [...], parties: [...], ...}` record by record, never holding the whole record;
 * returns how many of each kind it wrote.
 */
export async function exportJson(
  store: RecordStore,
  out: Writable,
  tiers: SourceTierTable = loadSourceTierTable(),
): Promise<Record<RecordKind, number>> {
  const counts = {} as Record<RecordKind, number>;
  await write(out, '{');
  let firstKind = true;
  for (const kind of CONTRACT_KIND_ORDER) {
    await write(out, `${firstKind ? '' : ','}\n "${kind}": [`);
    firstKind = false;
    let first = true;
    counts[kind] = 0;
    for await (const record of store.iterate(kind)) {
      await write(out, `${first ? '' : ','}\n  ${JSON.stringify(withSourceTiers(record, tiers))}`);
      first = false;
      counts[kind]++;
    }
    await write(out, first ? ']' : '\n ]');
  }
  await write(out, '\n}\n');
  return counts;
}

/** Writes DIR/events.csv, DIR/parties.csv, ... and returns each file with its row count. */
export async function exportCsv(
  store: RecordStore,
  dir: string,
  tiers: SourceTierTable = loadSourceTierTable(),
): Promise<{ file: string; kind: RecordKind; rows: number }[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: { file: string; kind: RecordKind; rows: number }[] = [];
  for (const kind of CONTRACT_KIND_ORDER) {
    const file = path.join(dir, `${kind}.csv`);
    files.push({ file, kind, rows: await writeCsv(store, kind, fs.createWriteStream(file), tiers) });
  }
  return files;
}

async function writeCsv(store: RecordStore, kind: RecordKind, out: fs.WriteStream, tiers: SourceTierTable): Promise<number> {
  const csv = stringify({ header: true, columns: csvHeader(kind) });
  csv.pipe(out);
  let rows = 0;
  for await (const record of store.iterate(kind)) {
    if (!csv.write(recordToCsvRow(kind, withSourceTiers(record, tiers)))) await once(csv, 'drain');
    rows++;
  }
  csv.end();
  await once(out, 'finish');
  return rows;
}
