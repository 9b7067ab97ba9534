import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listChanges } from '../../changelog/change-queries.ts';
import { PactwatchError } from '../../domain/errors.ts';
import { RECORD_KINDS } from '../../domain/vocabulary.ts';
import type { RecordStore } from '../../store/record-store.ts';

const changesQuery = z.object({
  since: z.string().max(40).optional().describe('a seq (entries after it) or an ISO date or timestamp (entries at or after it)'),
  record: z
    .string()
    .regex(new RegExp(`^(${RECORD_KINDS.join('|')})/[^/]+$`), 'must be <kind>/<id>, e.g. events/nato-summit-2024')
    .optional()
    .describe('only the changes to this record'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export function registerChangesRoutes(fastify: FastifyInstance, store: RecordStore): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/changes',
    { schema: { tags: ['changes'], summary: 'The change log, oldest first', querystring: changesQuery } },
    async (request) => {
      const { since, record, limit } = request.query;
      const [kind, record_id] = record ? (record.split('/') as [(typeof RECORD_KINDS)[number], string]) : [];
      if (since !== undefined && since.trim() === '')
        throw new PactwatchError('validation_failed', 'since is empty', 400, [{ field: 'since', message: 'must not be empty' }]);
      return listChanges(store.db, { since, kind, record_id, limit });
    },
  );
}
