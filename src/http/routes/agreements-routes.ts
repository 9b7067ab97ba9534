import type { FastifyInstance } from 'fastify';
import type { RecordStore } from '../../store/record-store.ts';
import type { RateLimit } from '../build-app.ts';
import type { Tracking } from '../tracking.ts';
import { registerRecordRoutes } from './record-routes.ts';

export function registerAgreementsRoutes(app: FastifyInstance, store: RecordStore, writeLimit: RateLimit, tracking: Tracking): void {
  registerRecordRoutes(app, store, writeLimit, {
    kind: 'agreements',
    detail: async (agreement) => ({
      ...agreement,
      commitments: await tracking.commitments({ agreement_id: agreement.id }),
      events: await store.list('events', { ids: agreement.event_ids }),
    }),
  });
}
