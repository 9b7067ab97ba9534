import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { areaSchema, eventTypeSchema, partialDateSchema } from '../../domain/schemas.ts';
import { MAX_PAGE_SIZE } from '../../store/kysely-record-store.ts';
import { FACET_FIELDS, type RecordStore } from '../../store/record-store.ts';
import type { RateLimit } from '../build-app.ts';
import { listParam } from '../query-params.ts';
import type { EventSearch } from '../event-search.ts';
import { registerRecordRoutes } from './record-routes.ts';

export const eventsQuery = z.object({
  q: z.string().max(500).optional().describe('full-text search over title, summary and aliases; words are ANDed, a trailing * is a prefix'),
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
  area: listParam(areaSchema),
  type: listParam(eventTypeSchema),
  actor: listParam(z.string().min(1).max(200)).describe('party id or name'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(500).optional().describe('`next` of the previous page'),
  facets: listParam(z.enum(FACET_FIELDS)).describe('count matching events by any of type, area, actor, year'),
});

export function registerEventsRoutes(app: FastifyInstance, store: RecordStore, writeLimit: RateLimit, search: EventSearch): void {
  registerRecordRoutes(app, store, writeLimit, {
    kind: 'events',
    list: {
      querystring: eventsQuery,
      handler: (query) =>
        search.search(
          {
            q: query.q,
            from: query.from,
            to: query.to,
            areas: query.area,
            types: query.type,
            actors: query.actor,
            limit: query.limit,
            cursor: query.cursor,
          },
          query.facets ?? [],
        ),
    },
  });
}
