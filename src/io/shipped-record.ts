// The Ukraine–NATO record that ships with Pactwatch: loaded into a new database, or read whole.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packagePath } from '../package-root.ts';
import { recordSetSchema, type RecordSet } from '../domain/schemas.ts';
import { RECORD_KINDS } from '../domain/vocabulary.ts';
import type { RecordStore } from '../store/record-store.ts';
import { importPaths } from './import-records.ts';

export const SHIPPED_RECORD_DIR = packagePath('data', 'ukraine-nato');

export async function loadShippedRecord(store: RecordStore): Promise<void> {
  await importPaths(store, [SHIPPED_RECORD_DIR]);
}

/** The shipped record in memory, validated: one `{kind: [...]}` file per kind. */
export async function readShippedRecord(): Promise<RecordSet> {
  const parts = await Promise.all(
    RECORD_KINDS.map(async (kind) => JSON.parse(await readFile(path.join(SHIPPED_RECORD_DIR, `${kind}.json`), 'utf8'))),
  );
  return recordSetSchema.parse(Object.assign({}, ...parts));
}
