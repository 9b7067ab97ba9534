// The reference Ukraine–NATO record as an evidence source, shared by the checker tests.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { memoryEvidenceSource } from '../../src/check/memory-evidence-source.ts';
import type { EvidenceSource } from '../../src/check/evidence-source.ts';
import { recordSetSchema, type RecordSet } from '../../src/domain/schemas.ts';

export const REFERENCE = resolve(import.meta.dirname, '../../../shared/reference/ukraine-nato');

const readJson = async (name: string) => JSON.parse(await readFile(`${REFERENCE}/${name}`, 'utf8'));

export async function referenceRecord(): Promise<RecordSet> {
  return recordSetSchema.parse({ events: await readJson('timeline.json'), ...(await readJson('commitments.json')) });
}

export async function referenceSource(): Promise<EvidenceSource> {
  return memoryEvidenceSource(await referenceRecord());
}

export interface DevClaim {
  id: string;
  text: string;
  label: 'supported' | 'contradicted' | 'unverifiable';
}

export const devClaims = (): Promise<DevClaim[]> => readJson('claims-dev.json');
