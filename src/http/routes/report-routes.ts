import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildIcs } from '../../io/ics.ts';
import type { RecordStore } from '../../store/record-store.ts';
import { buildReport } from '../../tracking/commitment-report.ts';
import { loadExchangeRates } from '../../tracking/exchange-rates.ts';
import type { Tracking } from '../tracking.ts';

export function registerReportRoutes(fastify: FastifyInstance, store: RecordStore, tracking: Tracking): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rates = loadExchangeRates();
  app.get('/api/report', { schema: { tags: ['commitments'], summary: 'Roll-ups of commitments by area, party and agreement' } }, () =>
    buildReport(store, tracking.today(), rates),
  );
  app.get(
    '/api/deadlines.ics',
    { schema: { tags: ['commitments'], summary: 'Commitment deadlines as an iCalendar feed' } },
    async (_request, reply) => reply.type('text/calendar; charset=utf-8').send(await buildIcs(store, tracking.today())),
  );
}
