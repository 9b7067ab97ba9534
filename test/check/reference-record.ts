// The record the checker tests run against, and the development claims of ../shared when a
// checkout has them beside it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { memoryEvidenceSource } from '../../src/check/memory-evidence-source.ts';
import type { EvidenceSource } from '../../src/check/evidence-source.ts';
import type { RecordSet } from '../../src/domain/schemas.ts';
import { readShippedRecord } from '../../src/io/shipped-record.ts';

export const REFERENCE = resolve(import.meta.dirname, '../../../shared/reference/ukraine-nato');

export const HAVE_REFERENCE = existsSync(`${REFERENCE}/timeline.json`);

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

/**
 * The record the checker tests run against: the shipped record, which holds every record of the
 * reference (test/io/shipped-record.test.ts) and the aliases the checker links names by.
 */
export async function referenceRecord(): Promise<RecordSet> {
  return readShippedRecord();
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
