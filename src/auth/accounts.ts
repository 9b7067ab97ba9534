// Accounts and their API tokens. A token is 32 random bytes shown once; only its sha256 is
// stored, and a request's token is found by the hash of what it presents: nothing compares
// secrets byte by byte, so response times reveal nothing about a stored token.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PactwatchError } from '../domain/errors.ts';
import { ACCOUNTS_KIND, openChain, type ChangeAction } from '../changelog/change-log.ts';
import { auditDb, type AuditDatabase } from '../changelog/change-tables.ts';
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

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Account changes go into the change log in the same transaction (kind `users`, the account
 * without its token hash: admins alone can list them), `actor` being who made the change.
 */
async function changeAccount<T>(
  db: Kysely<Database>,
  fn: (
    trx: Kysely<AuditDatabase>,
    log: (action: ChangeAction, name: string, before: unknown, after: unknown) => Promise<void>,
  ) => Promise<T>,
  actor: string,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const chain = await openChain(trx);
    return fn(auditDb(trx), async (action, name, before, after) => {
      await chain.append({ actor, kind: ACCOUNTS_KIND, record_id: name, action, before, after });
    });
  });
}

async function accountOf(db: Kysely<AuditDatabase>, name: string): Promise<User> {
  const row = await db.selectFrom('users').select(['name', 'role', 'created_at']).where('name', '=', name).executeTakeFirst();
  if (!row) throw new PactwatchError('not_found', `no user "${name}"`, 404);
  return row as User;
}

function newToken(): string {
  return `pw_${randomBytes(32).toString('base64url')}`;
}

export async function addUser(db: Kysely<Database>, name: string, role: Role, actor = 'cli'): Promise<{ user: User; token: string }> {
  const parsedName = userNameSchema.safeParse(name);
  if (!parsedName.success)
    throw new PactwatchError('validation_failed', `bad user name "${name}"`, 400, [
      { field: 'name', message: parsedName.error.issues[0]!.message },
    ]);
  return changeAccount(
    db,
    async (users, log) => {
      if (await users.selectFrom('users').select('name').where('name', '=', name).executeTakeFirst()) {
        throw new PactwatchError('conflict', `user "${name}" already exists`, 409, [{ field: 'name', message: 'already exists' }]);
      }
      const token = newToken();
      const user = { name, role, created_at: new Date().toISOString() };
      await users
        .insertInto('users')
        .values({ ...user, token_hash: tokenHash(token) })
        .execute();
      await log('create', name, null, user);
      return { user, token };
    },
    actor,
  );
}

export async function setRole(db: Kysely<Database>, name: string, role: Role, actor = 'cli'): Promise<User> {
  return changeAccount(
    db,
    async (users, log) => {
      const before = await accountOf(users, name);
      await users.updateTable('users').set({ role }).where('name', '=', name).execute();
      const after = { ...before, role };
      await log('update', name, before, after);
      return after;
    },
    actor,
  );
}

/** A new token for the account; the old one stops working at once. */
export async function reissueToken(db: Kysely<Database>, name: string, actor = 'cli'): Promise<string> {
  return changeAccount(
    db,
    async (users, log) => {
      const before = await accountOf(users, name);
      const token = newToken();
      await users
        .updateTable('users')
        .set({ token_hash: tokenHash(token) })
        .where('name', '=', name)
        .execute();
      await log('update', name, before, { ...before, token_issued_at: new Date().toISOString() });
      return token;
    },
    actor,
  );
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

export async function removeUser(db: Kysely<Database>, name: string, actor = 'cli'): Promise<void> {
  await changeAccount(
    db,
    async (users, log) => {
      const before = await accountOf(users, name);
      await users.deleteFrom('users').where('name', '=', name).execute();
      await log('delete', name, before, null);
    },
    actor,
  );
}
