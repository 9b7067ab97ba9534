// The Ukraine–NATO record that ships with Pactwatch, loaded into a new database.
import path from 'node:path';
import type { RecordStore } from '../store/record-store.ts';
import { importPaths } from './import-records.ts';

export const SHIPPED_RECORD_DIR = path.resolve(import.meta.dirname, '../../data/ukraine-nato');

export async function loadShippedRecord(store: RecordStore): Promise<void> {
  await importPaths(store, [SHIPPED_RECORD_DIR]);
}
