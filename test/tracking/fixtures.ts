// Builders for canonical records, and the shipped record, shared by the tracking tests.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  commitmentSchema,
  deliverySchema,
  recordSetSchema,
  type Commitment,
  type Delivery,
  type RecordSet,
} from '../../src/domain/schemas.ts';
import { RECORD_KINDS } from '../../src/domain/vocabulary.ts';
import { SHIPPED_RECORD_DIR } from '../../src/io/shipped-record.ts';

const SOURCE = [{ url: 'https://example.org/source' }];

export function commitment(fields: Partial<z.input<typeof commitmentSchema>> = {}): Commitment {
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
export function delivery(fields: Partial<z.input<typeof deliverySchema>> = {}): Delivery {
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

/** The shipped Ukraine–NATO record (data/ukraine-nato/), parsed into canonical form. */
export function shippedRecord(): RecordSet {
  const kinds = RECORD_KINDS.map((kind) => JSON.parse(fs.readFileSync(path.join(SHIPPED_RECORD_DIR, `${kind}.json`), 'utf8')));
  return recordSetSchema.parse(Object.assign({}, ...kinds));
}
