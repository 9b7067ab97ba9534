// Every error leaves the API as {error: {code, message, details?}} with the right status.
// Messages of unexpected errors are replaced: no stack trace or internal text reaches a client.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PactwatchError, type ErrorCode, type FieldProblem } from '../domain/errors.ts';

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Omit<FieldProblem, 'file' | 'line'>[] };
}

// Fastify's own client errors, by their stable codes.
const FASTIFY_CODES: Record<string, { code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'the request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'bad_request', message: 'send the body as application/json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'the body is not valid JSON' },
  FST_ERR_BAD_URL: { code: 'bad_request', message: 'the URL is not valid (bad percent-encoding)' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'bad_request', message: 'a path segment is too long' },
};

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof PactwatchError) {
    const details = error.details?.map(({ file: _file, line: _line, ...rest }) => rest);
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...(details?.length ? { details } : {}) } } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext;
    const details = error.validation.map((v) => ({
      field: v.instancePath.slice(1).replaceAll('/', '.') || (where ?? 'body'),
      message: v.message ?? 'is not valid',
    }));
    return { status: 400, body: { error: { code: 'validation_failed', message: `the request ${where ?? 'body'} is not valid`, details } } };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode ?? 500;
  if (status === 429) return { status, body: { error: { code: 'rate_limited', message: 'too many requests; slow down and retry later' } } };
  if (status >= 400 && status < 500) {
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (known) return { status, body: { error: { code: known.code, message: known.message ?? fastifyError.message ?? 'bad request' } } };
    if (status === 404) return { status, body: { error: { code: 'not_found', message: 'not found' } } };
    return { status, body: { error: { code: 'bad_request', message: fastifyError.message ?? 'bad request' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal error; it has been logged' } } };
}

/** Router errors (a bad URL, an over-long path segment) that never reach the error handler. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(error);
  void reply.status(status).type('application/json').send(body);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof PactwatchError && error.headers) reply.headers(error.headers);
    return reply.status(status).type('application/json').send(body);
  });
}

export function notFoundBody(method: string, url: string): ErrorBody {
  return { error: { code: 'not_found', message: `no route ${method} ${url.split('?')[0]}` } };
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (a request line or headers
 * past the size limit, a malformed request, a client too slow to send its headers), answered
 * in the same {error} shape as every other error instead of Fastify's own.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message]: [number, string, ErrorCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'bad_request', 'the request took too long to arrive']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [
            431,
            'Request Header Fields Too Large',
            'bad_request',
            'the request line or headers are too large (at most 16 KB; a query string counts)',
          ]
        : [400, 'Bad Request', 'bad_request', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
