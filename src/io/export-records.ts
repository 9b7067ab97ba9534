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

/** Writes `{events: [...], parties: [...], ...}` record by record, never holding the whole record. */
export async function exportJson(store: RecordStore, out: Writable, tiers: SourceTierTable = loadSourceTierTable()): Promise<void> {
  await write(out, '{');
  let firstKind = true;
  for (const kind of CONTRACT_KIND_ORDER) {
    await write(out, `${firstKind ? '' : ','}\n "${kind}": [`);
    firstKind = false;
    let first = true;
    for await (const record of store.iterate(kind)) {
      await write(out, `${first ? '' : ','}\n  ${JSON.stringify(withSourceTiers(record, tiers))}`);
      first = false;
    }
    await write(out, first ? ']' : '\n ]');
  }
  await write(out, '\n}\n');
}

/** Writes DIR/events.csv, DIR/parties.csv, ... and returns their paths. */
export async function exportCsv(store: RecordStore, dir: string, tiers: SourceTierTable = loadSourceTierTable()): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const kind of CONTRACT_KIND_ORDER) {
    const file = path.join(dir, `${kind}.csv`);
    await writeCsv(store, kind, fs.createWriteStream(file), tiers);
    files.push(file);
  }
  return files;
}

async function writeCsv(store: RecordStore, kind: RecordKind, out: fs.WriteStream, tiers: SourceTierTable): Promise<void> {
  const csv = stringify({ header: true, columns: csvHeader(kind) });
  csv.pipe(out);
  for await (const record of store.iterate(kind)) {
    if (!csv.write(recordToCsvRow(kind, withSourceTiers(record, tiers)))) await once(csv, 'drain');
  }
  csv.end();
  await once(out, 'finish');
}
