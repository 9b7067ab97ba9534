// The CRUD routes of one kind of record, generated from its zod schema: the same schema
// validates the body and describes it in the OpenAPI document. Reads are public; writes need
// an editor's token, are rate limited, and PUT/PATCH/DELETE need If-Match (record-writer.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { etagOf } from '../../changelog/canonical-json.ts';
import { recordAsOf } from '../../changelog/change-queries.ts';
import { RecordWriter, singular } from '../../changelog/record-writer.ts';
import { PactwatchError } from '../../domain/errors.ts';
import { RECORD_SCHEMAS, type RecordTypes } from '../../domain/schemas.ts';
import { withoutRedundantTiers, withSourceTiers, type SourceTierTable } from '../../domain/source-tiers.ts';
import type { RecordKind } from '../../domain/vocabulary.ts';
import type { RecordStore } from '../../store/record-store.ts';
import { requireRole } from '../auth-hooks.ts';
import { idParams } from '../query-params.ts';
import type { RateLimit } from '../build-app.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Reads show every source with its effective tier; writes drop overrides the table already gives. */
    sourceTiers: SourceTierTable;
  }
}

export interface KindRoutes<K extends RecordKind, Q extends z.ZodType = z.ZodType> {
  kind: K;
  /**
   * GET /api/<kind>: its query and answer; by default every record as {items}. An answer given
   * as a Buffer is UTF-8 JSON already, its sources with their tiers.
   */
  list?: { querystring: Q; handler: (query: z.output<Q>) => Promise<unknown> };
  /** GET /api/<kind>/:id: the record with what belongs to it (not for as_of views). */
  detail?: (record: RecordTypes[K]) => Promise<unknown>;
}

const asOfQuery = z.object({
  as_of: z.string().optional().describe('a date (end of that day) or ISO timestamp: the record as it stood then, from the change log'),
});

/** PATCH bodies: any fields but the id, without defaults, so absent fields stay as stored. */
function patchSchemaOf(schema: z.ZodObject) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape)
      .filter(([key]) => key !== 'id')
      .map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.object(shape);
}

/** Which change-log entry a write made, so a client can find its write in GET /api/changes. */
const CHANGE_HEADER = 'x-pactwatch-change';

function ifMatch(request: FastifyRequest): string | undefined {
  const header = request.headers['if-match'];
  return Array.isArray(header) ? header.join(',') : header;
}

export function registerRecordRoutes<K extends RecordKind, Q extends z.ZodType>(
  fastify: FastifyInstance,
  store: RecordStore,
  writeLimit: RateLimit,
  routes: KindRoutes<K, Q>,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { kind } = routes;
  const schema = RECORD_SCHEMAS[kind] as unknown as z.ZodObject;
  const writer = new RecordWriter(store);
  const one = singular(kind);
  const tags = [kind];
  const write = { preParsing: requireRole(store, 'editor'), config: { rateLimit: writeLimit } };
  const notFound = (id: string) => new PactwatchError('not_found', `no ${one} with id "${id}"`, 404);
  const tiered = <T>(answer: T): T => withSourceTiers(answer, fastify.sourceTiers);
  const body = <T>(request: FastifyRequest): T => withoutRedundantTiers(request.body as T, fastify.sourceTiers);

  if (routes.list) {
    const list = routes.list;
    app.get(`/api/${kind}`, { schema: { tags, summary: `List ${kind}`, querystring: list.querystring } }, async (request, reply) => {
      const answer = await list.handler(request.query as z.output<Q>);
      return Buffer.isBuffer(answer) ? reply.type('application/json; charset=utf-8').send(answer) : tiered(answer);
    });
  } else {
    app.get(`/api/${kind}`, { schema: { tags, summary: `List ${kind}` } }, async () => tiered({ items: await store.list(kind) }));
  }

  app.get(
    `/api/${kind}/:id`,
    { schema: { tags, summary: `One ${one}, with an ETag`, params: idParams, querystring: asOfQuery } },
    async (request, reply) => {
      const { id } = request.params;
      const { as_of } = request.query;
      const record = as_of ? await recordAsOf(store, kind, id, as_of) : await store.get(kind, id);
      if (!record) throw notFound(id);
      const etag = etagOf(record);
      reply.header('etag', etag);
      if (!as_of && request.headers['if-none-match'] === etag) return reply.status(304).send();
      return tiered(as_of || !routes.detail ? record : await routes.detail(record));
    },
  );

  app.post(`/api/${kind}`, { ...write, schema: { tags, summary: `Create a ${one}`, body: schema } }, async (request, reply) => {
    const written = await writer.create(kind, body<RecordTypes[K]>(request), request.user!.name);
    return reply
      .status(201)
      .header('etag', written.etag)
      .header(CHANGE_HEADER, written.change.seq)
      .header('location', `/api/${kind}/${encodeURIComponent(written.record!.id)}`)
      .send(written.record);
  });

  app.put(
    `/api/${kind}/:id`,
    { ...write, schema: { tags, summary: `Replace a ${one} (needs If-Match)`, params: idParams, body: schema } },
    async (request, reply) => {
      const written = await writer.replace(kind, request.params.id, body<RecordTypes[K]>(request), ifMatch(request), request.user!.name);
      return reply.header('etag', written.etag).header(CHANGE_HEADER, written.change.seq).send(written.record);
    },
  );

  app.patch(
    `/api/${kind}/:id`,
    { ...write, schema: { tags, summary: `Change fields of a ${one} (needs If-Match)`, params: idParams, body: patchSchemaOf(schema) } },
    async (request, reply) => {
      const written = await writer.patch(
        kind,
        request.params.id,
        body<Partial<RecordTypes[K]>>(request),
        ifMatch(request),
        request.user!.name,
      );
      return reply.header('etag', written.etag).header(CHANGE_HEADER, written.change.seq).send(written.record);
    },
  );

  app.delete(
    `/api/${kind}/:id`,
    { ...write, schema: { tags, summary: `Delete a ${one} (needs If-Match)`, params: idParams } },
    async (request, reply) => {
      const written = await writer.remove(kind, request.params.id, ifMatch(request), request.user!.name);
      return reply.status(204).header(CHANGE_HEADER, written.change.seq).send();
    },
  );
}
