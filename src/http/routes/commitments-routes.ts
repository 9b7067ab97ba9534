import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { areaSchema } from '../../domain/schemas.ts';
import { COMMITMENT_STATUSES } from '../../domain/vocabulary.ts';
import type { RecordStore } from '../../store/record-store.ts';
import type { RateLimit } from '../build-app.ts';
import type { Tracking } from '../tracking.ts';
import { registerRecordRoutes } from './record-routes.ts';

const commitmentsQuery = z.object({
  status: z.enum(COMMITMENT_STATUSES).optional(),
  party: z.string().max(200).optional().describe('obligor or beneficiary'),
  area: areaSchema.optional(),
  agreement: z.string().max(200).optional(),
});

export function registerCommitmentsRoutes(app: FastifyInstance, store: RecordStore, writeLimit: RateLimit, tracking: Tracking): void {
  registerRecordRoutes(app, store, writeLimit, {
    kind: 'commitments',
    list: {
      querystring: commitmentsQuery,
      handler: async (query) => ({
        items: await tracking.commitments({ status: query.status, party: query.party, area: query.area, agreement_id: query.agreement }),
      }),
    },
    detail: async (commitment) => (await tracking.commitments({ ids: [commitment.id] }))[0],
  });
}
