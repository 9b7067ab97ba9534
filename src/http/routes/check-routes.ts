import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkText } from '../../check/check-text.ts';
import { storeEvidenceSource } from '../../check/store-evidence-source.ts';
import { checkRequestSchema, checkResultSchema } from '../../domain/check/check-result.ts';
import type { RecordStore } from '../../store/record-store.ts';
import type { RateLimit } from '../build-app.ts';

export function registerCheckRoutes(fastify: FastifyInstance, store: RecordStore, checkLimit: RateLimit): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // One source for the app's life: the checker keeps its gazetteer per source and record version.
  const source = storeEvidenceSource(store);
  app.post(
    '/api/check',
    {
      config: { rateLimit: checkLimit },
      schema: {
        tags: ['check'],
        summary: 'Check the claims in a text against the record',
        body: checkRequestSchema,
        response: { 200: checkResultSchema },
      },
    },
    (request) => checkText(request.body.text, source),
  );
}
