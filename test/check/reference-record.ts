// The reference Ukraine–NATO record as an evidence source, shared by the checker tests. Beside
// a checkout that lacks ../shared, the shipped record stands in: it is built from the
// reference and holds every one of its records (test/io/shipped-record.test.ts).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { memoryEvidenceSource } from '../../src/check/memory-evidence-source.ts';
import type { EvidenceSource } from '../../src/check/evidence-source.ts';
import { recordSetSchema, type RecordSet } from '../../src/domain/schemas.ts';
import { readShippedRecord } from '../../src/io/shipped-record.ts';

export const REFERENCE = resolve(import.meta.dirname, '../../../shared/reference/ukraine-nato');

export const HAVE_REFERENCE = existsSync(`${REFERENCE}/timeline.json`);

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

export async function referenceRecord(): Promise<RecordSet> {
  if (!HAVE_REFERENCE) return readShippedRecord();
  return recordSetSchema.parse({
    events: await readJson(`${REFERENCE}/timeline.json`),
    ...(await readJson(`${REFERENCE}/commitments.json`)),
  });
}

export async function referenceSource(): Promise<EvidenceSource> {
  return memoryEvidenceSource(await referenceRecord());
}

export interface DevClaim {
  id: string;
  text: string;
  label: 'supported' | 'contradicted' | 'unverifiable';
}

/** The dev set; without ../shared, none (the tests that walk it say so by skipping). */
export const devClaims = async (): Promise<DevClaim[]> => (HAVE_REFERENCE ? readJson(`${REFERENCE}/claims-dev.json`) : []);
