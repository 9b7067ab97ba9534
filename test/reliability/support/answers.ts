// What every answer of the API must look like, whatever was asked (CONTRACT.md): never a 5xx,
// within the time limit, and an error is {error: {code, message, details?}} without internals,
// whose field problems each name a field.
import assert from 'node:assert/strict';

export interface Answer {
  method: string;
  url: string;
  status: number;
  text: string;
  ms: number;
  etag: string | null;
}

/** A request's time limit: past it, the server counts as hung for that request. */
export const ANSWER_LIMIT_MS = 5_000;

/** Sends one request and records what came back and how long it took. */
export async function send(
  base: string,
  method: string,
  url: string,
  init: { body?: string; headers?: Record<string, string> } = {},
  timeoutMs = ANSWER_LIMIT_MS,
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(base + url, { method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) });
  return {
    method,
    url,
    status: response.status,
    text: await response.text(),
    ms: performance.now() - started,
    etag: response.headers.get('etag'),
  };
}

/** A stack frame, a source path or a database error: what an error must never show a client. */
const INTERNALS =
  /\.ts:\d+|node_modules|at [\w.<>]+ \(|SQLITE_[A-Z]|: syntax error|syntax error at or near|relation "|invalid byte sequence/;

export function assertAnswer(answer: Answer): void {
  const what = `${answer.method} ${answer.url.slice(0, 300)} -> ${answer.status}`;
  assert.ok(answer.status < 500, `${what}: ${answer.text.slice(0, 500)}`);
  assert.ok(answer.ms < ANSWER_LIMIT_MS, `${what} took ${Math.round(answer.ms)} ms`);
  if (answer.status < 400) return;
  assert.doesNotMatch(answer.text, INTERNALS, `${what} leaks internals: ${answer.text.slice(0, 500)}`);
  if (answer.status === 404 && answer.text === '') return;
  let body: { error?: { code?: unknown; message?: unknown; details?: { field?: unknown }[] } };
  try {
    body = JSON.parse(answer.text);
  } catch {
    assert.fail(`${what}: the error is not JSON: ${answer.text.slice(0, 200)}`);
  }
  assert.equal(typeof body.error?.code, 'string', `${what}: no error code in ${answer.text.slice(0, 300)}`);
  assert.equal(typeof body.error?.message, 'string', `${what}: no error message`);
  if (body.error!.code === 'validation_failed') assert.ok(body.error!.details?.length, `${what}: validation_failed without details`);
  for (const detail of body.error!.details ?? []) {
    assert.ok(typeof detail.field === 'string' && detail.field !== '', `${what}: a problem without a field: ${JSON.stringify(detail)}`);
  }
}
