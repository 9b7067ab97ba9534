import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RecordStore } from '../../store/record-store.ts';
import type { RateLimit } from '../build-app.ts';
import { registerRecordRoutes } from './record-routes.ts';

const deliveriesQuery = z.object({ commitment: z.string().max(200).optional().describe('only deliveries toward this commitment') });

export function registerDeliveriesRoutes(app: FastifyInstance, store: RecordStore, writeLimit: RateLimit): void {
  registerRecordRoutes(app, store, writeLimit, {
    kind: 'deliveries',
    list: {
      querystring: deliveriesQuery,
      handler: async (query) => ({ items: await store.list('deliveries', { commitment_id: query.commitment }) }),
    },
  });
}
