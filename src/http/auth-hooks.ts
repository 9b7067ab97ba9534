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
}

export async function authenticate(store: RecordStore, request: FastifyRequest): Promise<User> {
  const header = request.headers.authorization;
  const token = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!token) throw new PactwatchError('unauthorized', 'send Authorization: Bearer TOKEN (create one with `pactwatch user add`)', 401);
  const user = await userForToken(store.db, token);
  if (!user) throw new PactwatchError('unauthorized', 'the token is not valid', 401);
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
