// The HTTP API (CONTRACT.md) and the web app, as a Fastify instance that is not yet listening:
// `pactwatch serve` listens, tests listen on port 0.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CheckPoolOptions } from '../check/check-pool.ts';
import { PactwatchError } from '../domain/errors.ts';
import type { SourceTierTable } from '../domain/source-tiers.ts';
import { loadSourceTierTable } from '../io/source-tier-table.ts';
import { MAX_ID_LENGTH } from '../domain/schemas.ts';
import { packagePath } from '../package-root.ts';
import type { RecordStore } from '../store/record-store.ts';
import { DEFAULT_TOKEN_GUESS_LIMIT, rateLimitKey, TokenGuesses, type TokenGuessLimit } from './auth-hooks.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandler, notFoundBody } from './error-handler.ts';
import { cachedEventSearch, uncachedEventSearch, type EventSearch } from './event-search.ts';
import { SearchThread, type SearchWorkerData } from './search-thread.ts';
import { registerAgreementsRoutes } from './routes/agreements-routes.ts';
import { registerChangesRoutes } from './routes/changes-routes.ts';
import { registerCheckRoutes } from './routes/check-routes.ts';
import { registerCommitmentsRoutes } from './routes/commitments-routes.ts';
import { registerDeliveriesRoutes } from './routes/deliveries-routes.ts';
import { registerEventsRoutes } from './routes/events-routes.ts';
import { registerFeedRoutes } from './routes/feed-routes.ts';
import { registerPartiesRoutes } from './routes/parties-routes.ts';
import { registerReportRoutes } from './routes/report-routes.ts';
import { registerUsersRoutes } from './routes/users-routes.ts';
import { contentSecurityPolicy, registerWebApp } from './web-app.ts';
import { storeTracking } from './tracking.ts';

export interface RateLimit {
  max: number;
  timeWindow: string | number;
}

export interface AppOptions {
  store: RecordStore;
  /** Fastify's pino logger: true for JSON request logs, false (the default) for none. */
  logger?: FastifyServerOptions['logger'];
  /** Per client (a valid token's account, else the address) for writes; POST /api/check has its own. */
  writeLimit?: RateLimit;
  checkLimit?: RateLimit;
  /** The built web app (web/dist); served at / when it exists. */
  webRoot?: string;
  /** YYYY-MM-DD; commitment status depends on it. */
  today?: () => string;
  /** Wrong tokens one address may send per window (token guessing). */
  tokenGuessLimit?: TokenGuessLimit;
  /**
   * Fastify's trustProxy: which proxies' X-Forwarded-For to believe for the client address
   * (rate limits are per address). Off by default: behind a reverse proxy every client would
   * then share the proxy's address, so set it to the proxy's address or hop count.
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Events a record needs before searches use the in-memory event index (RecordStore.enableEventIndex). */
  eventIndexMinEvents?: number;
  /** False: no memo of event search answers (event-search.ts), every search done afresh. */
  searchCache?: boolean;
  /**
   * The database `store` opened, for a thread of its own that answers event searches
   * (search-thread.ts), as `pactwatch serve` does; without it they run on the event loop.
   */
  searchThread?: SearchWorkerData['store'];
  /** The source-tier table (source-tiers.ts); data/source-tiers.json by default. */
  sourceTiers?: SourceTierTable;
  /** The worker threads POST /api/check runs in: their number, the queue's bound, the time budget. */
  checkPool?: Omit<CheckPoolOptions, 'tiers'>;
}

export const DEFAULT_WEB_ROOT = packagePath('web', 'dist');
const BODY_LIMIT = 1024 * 1024;
/**
 * The largest answer the API builds (JSON text); past it the client gets 400 and is told to
 * ask for less. Event pages stay far below it (event-search.ts cuts them at 4 MB).
 */
export const RESPONSE_LIMIT = 16 << 20;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const writeLimit = options.writeLimit ?? { max: 120, timeWindow: '1 minute' };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Fastify's default (100) refused ids the schema accepts: a created record could not be
    // read (404) or deleted (414). Room for every valid id, with some to spare.
    routerOptions: { maxParamLength: MAX_ID_LENGTH + 56 },
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('user', null);
  app.decorate('sourceTiers', options.sourceTiers ?? loadSourceTierTable());
  app.decorate('tokenGuesses', new TokenGuesses(options.tokenGuessLimit ?? DEFAULT_TOKEN_GUESS_LIMIT));
  // JSON only: a text/plain body is what a cross-site form can send without a preflight.
  app.removeContentTypeParser('text/plain');
  // A DELETE may come with a JSON content type and no body; that is not a malformed body.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' && request.method === 'DELETE' ? done(null, undefined) : parseJson(request, body as string, done),
  );
  installErrorHandler(app);
  // PostgreSQL cannot hold NUL in text: a %00 in a filter would reach it as a 500 (found by
  // the abuse suite). No stored text contains NUL (schemas.ts), so such a URL is refused.
  app.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url))
      throw new PactwatchError('bad_request', 'the URL holds a NUL character (%00)', 400, [
        { field: '(query)', message: 'must not contain %00' },
      ]);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const bytes = typeof payload === 'string' ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.length : 0;
    if (bytes <= RESPONSE_LIMIT) return payload;
    reply.code(400).type('application/json');
    reply.removeHeader('etag');
    return JSON.stringify({
      error: {
        code: 'bad_request',
        message: `the answer would be ${Math.ceil(bytes / 2 ** 20)} MB, over the ${RESPONSE_LIMIT >> 20} MB limit; ask for less (a smaller limit, more filters)`,
      },
    });
  });

  const hasWebApp = fs.existsSync(path.join(webRoot, 'index.html'));
  // CORS stays off: no Access-Control-* headers, so browsers keep other origins out.
  await app.register(helmet, { contentSecurityPolicy: { directives: contentSecurityPolicy(hasWebApp ? webRoot : undefined) } });
  // br or gzip for JSON, iCalendar, Atom and anything else over 1 kB. Brotli at quality 4 is
  // about as fast as gzip and still smaller; the web app's own files come precompressed at the
  // highest quality from the build instead (web-app.ts).
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(rateLimit, { global: false, keyGenerator: rateLimitKey(store) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pactwatch API',
        version: '1',
        description: 'A sourced record of international cooperation agreements (CONTRACT.md).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  app.get(
    '/api/health',
    { schema: { tags: ['meta'], summary: 'Liveness', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => ({ ok: true as const }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const answers = await eventSearchOf(app, options);
  const search = options.searchCache === false ? answers : cachedEventSearch(store, answers);
  const tracking = storeTracking(store, options.today);
  registerEventsRoutes(app, store, writeLimit, search);
  registerPartiesRoutes(app, store, writeLimit);
  registerAgreementsRoutes(app, store, writeLimit, tracking);
  registerCommitmentsRoutes(app, store, writeLimit, tracking);
  registerDeliveriesRoutes(app, store, writeLimit);
  registerChangesRoutes(app, store);
  registerUsersRoutes(app, store, writeLimit);
  registerCheckRoutes(app, store, options.checkLimit ?? { max: 30, timeWindow: '1 minute' }, options.checkPool ?? {}, answers);
  registerReportRoutes(app, store, tracking);
  registerFeedRoutes(app, store, tracking);

  if (hasWebApp) await registerWebApp(app, webRoot);
  else app.setNotFoundHandler((request, reply) => reply.status(404).send(notFoundBody(request.method, request.url)));
  return app;
}

/**
 * What answers event searches: the search thread, or the store on the event loop. Either way
 * the event index is built before the server listens, so a large record's first searches are
 * already fast.
 */
async function eventSearchOf(app: FastifyInstance, options: AppOptions): Promise<EventSearch> {
  if (!options.searchThread) {
    await options.store.enableEventIndex(options.eventIndexMinEvents);
    return uncachedEventSearch(options.store, app.sourceTiers);
  }
  const thread = new SearchThread({
    store: options.searchThread,
    tiers: app.sourceTiers,
    eventIndexMinEvents: options.eventIndexMinEvents,
  });
  app.addHook('onClose', () => thread.close());
  try {
    await thread.ready();
  } catch (error) {
    await thread.close();
    throw error;
  }
  return thread;
}
