// Accounts and their API tokens. A token is 32 random bytes shown once; only its sha256 is
// stored, and a request's token is found by the hash of what it presents: nothing compares
// secrets byte by byte, so response times reveal nothing about a stored token.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PactwatchError } from '../domain/errors.ts';
import { auditDb } from '../changelog/change-tables.ts';
import type { Database } from '../store/database.ts';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const userNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1-64 characters: a-z, 0-9, dot, underscore or hyphen');
export const roleSchema = z.enum(ROLES);

export const userSchema = z.object({ name: userNameSchema, role: roleSchema, created_at: z.string() });
export type User = z.infer<typeof userSchema>;

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** Editors edit records; admins also manage users. */
export function hasRole(user: User, needed: Role): boolean {
  return RANK[user.role] >= RANK[needed];
}

const newToken = () => `pw_${randomBytes(32).toString('base64url')}`;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function addUser(db: Kysely<Database>, name: string, role: Role): Promise<{ user: User; token: string }> {
  const parsedName = userNameSchema.safeParse(name);
  if (!parsedName.success)
    throw new PactwatchError('validation_failed', `bad user name "${name}"`, 400, [
      { field: 'name', message: parsedName.error.issues[0]!.message },
    ]);
  const users = auditDb(db);
  if (await users.selectFrom('users').select('name').where('name', '=', name).executeTakeFirst()) {
    throw new PactwatchError('conflict', `user "${name}" already exists`, 409, [{ field: 'name', message: 'already exists' }]);
  }
  const token = newToken();
  const user = { name, role, created_at: new Date().toISOString() };
  await users
    .insertInto('users')
    .values({ ...user, token_hash: tokenHash(token) })
    .execute();
  return { user, token };
}

/** A new token for an existing user; the old one stops working at once. */
export async function reissueToken(db: Kysely<Database>, name: string): Promise<{ user: User; token: string }> {
  const token = newToken();
  const result = await auditDb(db)
    .updateTable('users')
    .set({ token_hash: tokenHash(token) })
    .where('name', '=', name)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new PactwatchError('not_found', `no user "${name}"`, 404);
  const user = (await listUsers(db)).find((u) => u.name === name)!;
  return { user, token };
}

export async function userForToken(db: Kysely<Database>, token: string): Promise<User | undefined> {
  const row = await auditDb(db)
    .selectFrom('users')
    .select(['name', 'role', 'created_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  return row as User | undefined;
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return (await auditDb(db).selectFrom('users').select(['name', 'role', 'created_at']).orderBy('name').execute()) as User[];
}

export async function removeUser(db: Kysely<Database>, name: string): Promise<void> {
  const result = await auditDb(db).deleteFrom('users').where('name', '=', name).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new PactwatchError('not_found', `no user "${name}"`, 404);
}
