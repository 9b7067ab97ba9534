// Who is calling: a Bearer token looked up in the accounts. Checked in preParsing: after the
// rate limit (onRequest), so token guessing is throttled too, and before the body is read.
import type { FastifyRequest, preParsingAsyncHookHandler } from 'fastify';
import { hasRole, userForToken, type Role, type User } from '../auth/accounts.ts';
import { PactwatchError } from '../domain/errors.ts';
import type { RecordStore } from '../store/record-store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
  interface FastifyInstance {
    tokenGuesses: TokenGuesses;
  }
}

/** How many wrong tokens one client address may send per window before it gets 429. */
export interface TokenGuessLimit {
  max: number;
  windowMs: number;
}

export const DEFAULT_TOKEN_GUESS_LIMIT: TokenGuessLimit = { max: 20, windowMs: 60_000 };

// Wrong tokens are counted per client address: past the limit, that address gets 429 (with
// Retry-After) for every wrong token until its window ends. A valid token is never refused
// here, so a guesser on the same address (or behind the same proxy) cannot lock out the
// address's editors. One tracker per app.
export class TokenGuesses {
  private readonly byIp = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly limit: TokenGuessLimit) {}

  private entry(ip: string, now: number): { count: number; resetAt: number } {
    let entry = this.byIp.get(ip);
    if (!entry || entry.resetAt <= now) {
      if (this.byIp.size > 10_000) for (const [key, old] of this.byIp) if (old.resetAt <= now) this.byIp.delete(key);
      this.byIp.set(ip, (entry = { count: 0, resetAt: now + this.limit.windowMs }));
    }
    return entry;
  }

  exhausted(ip: string, now = Date.now()): boolean {
    return this.entry(ip, now).count >= this.limit.max;
  }

  /** Whole seconds until the address's window ends. */
  retryAfter(ip: string, now = Date.now()): number {
    return Math.max(1, Math.ceil((this.entry(ip, now).resetAt - now) / 1000));
  }

  miss(ip: string, now = Date.now()): void {
    this.entry(ip, now).count++;
  }
}

/** The token of an `Authorization: Bearer TOKEN` header, or undefined when it is not one. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
}

/**
 * The account a request's token belongs to, looked up once per request (the rate limit's key
 * and the role check both need it). Undefined without a header or for a token that is not valid.
 */
export async function verifiedUser(store: RecordStore, request: FastifyRequest): Promise<User | undefined> {
  const memo = request as FastifyRequest & { [VERIFIED]?: Promise<User | undefined> };
  const token = bearerToken(request.headers.authorization);
  if (!token) return undefined;
  return (memo[VERIFIED] ??= userForToken(store.db, token));
}

const VERIFIED = Symbol('verified user');

export async function authenticate(store: RecordStore, request: FastifyRequest): Promise<User> {
  const token = bearerToken(request.headers.authorization);
  if (!token) {
    countGuess(request, request.headers.authorization !== undefined);
    throw new PactwatchError('unauthorized', 'send Authorization: Bearer TOKEN (create one with `pactwatch user add`)', 401);
  }
  const user = await verifiedUser(store, request);
  if (!user) {
    countGuess(request, true);
    throw new PactwatchError('unauthorized', 'the token is not valid', 401);
  }
  return user;
}

/** A malformed or unknown token counts against the address; past the limit, 429 with Retry-After. */
function countGuess(request: FastifyRequest, guessed: boolean): void {
  if (!guessed) return;
  const guesses = request.server.tokenGuesses;
  if (guesses.exhausted(request.ip)) {
    throw new PactwatchError('rate_limited', 'too many wrong tokens from this address; retry later', 429, undefined, {
      'retry-after': String(guesses.retryAfter(request.ip)),
    });
  }
  guesses.miss(request.ip);
}

/**
 * The key requests are rate limited by: the verified account for a valid token, else the
 * client address (request.ip, which follows X-Forwarded-For only as far as `trustProxy`
 * allows). So made-up tokens and odd spacing in the header all share their address's bucket.
 */
export function rateLimitKey(store: RecordStore) {
  return async (request: FastifyRequest): Promise<string> => {
    const user = await verifiedUser(store, request);
    return user ? `user:${user.name}` : `ip:${request.ip}`;
  };
}

/** A preParsing hook: 401 without a valid token, 403 when the user's role is below `role`. */
export function requireRole(store: RecordStore, role: Role): preParsingAsyncHookHandler {
  return async (request, _reply, payload) => {
    const user = await authenticate(store, request);
    if (!hasRole(user, role)) throw new PactwatchError('forbidden', `a ${user.role} may not do this; it needs the ${role} role`, 403);
    request.user = user;
    return payload;
  };
}
