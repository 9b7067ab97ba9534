// Builders for canonical records and the reference record, shared by the tracking tests.
import fs from 'node:fs';
import { commitmentSchema, deliverySchema, recordSetSchema, type Commitment, type Delivery, type RecordSet } from '../../src/domain/schemas.ts';

const SOURCE = [{ url: 'https://example.org/source' }];

export function commitment(fields: Partial<Commitment> & { id?: string } = {}): Commitment {
  return commitmentSchema.parse({
    id: 'c',
    agreement_id: 'a',
    obligor: 'giver',
    beneficiary: 'taker',
    area: 'security-assistance',
    description: 'A promise.',
    sources: SOURCE,
    ...fields,
  });
}

let deliveryCount = 0;
export function delivery(fields: Partial<Delivery> = {}): Delivery {
  deliveryCount += 1;
  return deliverySchema.parse({
    id: `d-${deliveryCount}`,
    commitment_id: 'c',
    date: '2024-06-01',
    description: 'Something was delivered.',
    sources: SOURCE,
    ...fields,
  });
}

export const REFERENCE_FILE = new URL('../../../shared/reference/ukraine-nato/commitments.json', import.meta.url);

export function referenceRecord(): RecordSet {
  return recordSetSchema.parse(JSON.parse(fs.readFileSync(REFERENCE_FILE, 'utf8')));
}
