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

// The write rate limit is keyed by token, so a guesser sending a new token each time would
// never meet it. Wrong tokens are therefore also counted per client address: past the limit,
// that address gets 429 for every token until its window ends. One tracker per app.
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

  miss(ip: string, now = Date.now()): void {
    this.entry(ip, now).count++;
  }
}

export async function authenticate(store: RecordStore, request: FastifyRequest): Promise<User> {
  const header = request.headers.authorization;
  const token = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!token) throw new PactwatchError('unauthorized', 'send Authorization: Bearer TOKEN (create one with `pactwatch user add`)', 401);
  const guesses = request.server.tokenGuesses;
  if (guesses.exhausted(request.ip)) throw new PactwatchError('rate_limited', 'too many wrong tokens from this address; retry later', 429);
  const user = await userForToken(store.db, token);
  if (!user) {
    guesses.miss(request.ip);
    throw new PactwatchError('unauthorized', 'the token is not valid', 401);
  }
  return user;
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
