import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CheckPool, type CheckPoolOptions } from '../../check/check-pool.ts';
import { rankedCheckResultSchema } from '../../check/evidence-tiers.ts';
import { storeEvidenceSource } from '../../check/store-evidence-source.ts';
import { checkRequestSchema } from '../../domain/check/check-result.ts';
import type { EventPage, EventQuery, FacetField, RecordStore } from '../../store/record-store.ts';
import type { RateLimit } from '../build-app.ts';
import type { EventSearch } from '../event-search.ts';

/** Aborted when the client goes away before its answer is sent. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => reply.raw.writableFinished || controller.abort());
  return controller.signal;
}

export function registerCheckRoutes(
  fastify: FastifyInstance,
  store: RecordStore,
  checkLimit: RateLimit,
  pool: Omit<CheckPoolOptions, 'tiers'>,
  search: EventSearch,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // One source and one pool for the app's life: each worker keeps its checker context per record version.
  // The sample of events the checker learns names from comes through the server's event search
  // (in its thread, from its index): read with SQL on this thread it held the loop for seconds.
  const sample = async (query: EventQuery, facets: FacetField[]) => JSON.parse(String(await search.search(query, facets))) as EventPage;
  const checks = new CheckPool(storeEvidenceSource(store, sample), { ...pool, tiers: fastify.sourceTiers });
  app.addHook('onClose', () => checks.close());
  app.post(
    '/api/check',
    {
      config: { rateLimit: checkLimit },
      schema: {
        tags: ['check'],
        summary: 'Check the claims in a text against the record',
        body: checkRequestSchema,
        response: { 200: rankedCheckResultSchema },
      },
    },
    async (request, reply) => {
      const json = await checks.check(request.body.text, { includeSkipped: request.body.include_skipped, signal: clientGone(reply) });
      // The worker validated and serialised the answer against the schema above; Fastify sends
      // JSON text as it is, which the schema's typing does not know.
      return (reply as FastifyReply).type('application/json').send(json);
    },
  );
}
