import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRole } from '../../auth/accounts.ts';
import { ACCOUNTS_KIND, type Change } from '../../changelog/change-log.ts';
import { auditDb } from '../../changelog/change-tables.ts';
import { listChanges } from '../../changelog/change-queries.ts';
import { PactwatchError } from '../../domain/errors.ts';
import { RECORD_KINDS } from '../../domain/vocabulary.ts';
import type { RecordStore } from '../../store/record-store.ts';
import { authenticate } from '../auth-hooks.ts';

/** `changes.seq` is a 32-bit integer column: a larger number reached PostgreSQL as a 500. */
export const MAX_SEQ = 2 ** 31 - 1;

const changesQuery = z.object({
  since: z
    .string()
    .max(40)
    .refine((since) => !/^\d+$/.test(since) || Number(since) <= MAX_SEQ, `a seq must be at most ${MAX_SEQ}`)
    .optional()
    .describe('a seq (entries after it) or an ISO date or timestamp (entries at or after it)'),
  record: z
    .string()
    .regex(new RegExp(`^(${RECORD_KINDS.join('|')})/[^/]+$`), 'must be <kind>/<id>, e.g. events/nato-summit-2024')
    .optional()
    .describe('only the changes to this record'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * The change log is public, but who wrote is not: a reader without a token sees the role of the
 * account that made each change ("editor"), not its name. Account changes (kind `users`) are
 * listed for admins only.
 */
export function registerChangesRoutes(fastify: FastifyInstance, store: RecordStore): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/changes',
    {
      schema: {
        tags: ['changes'],
        summary: 'The change log, oldest first (account names for signed-in users; account changes for admins)',
        querystring: changesQuery,
      },
    },
    async (request) => {
      const { since, record, limit } = request.query;
      const [kind, record_id] = record ? (record.split('/') as [(typeof RECORD_KINDS)[number], string]) : [];
      if (since !== undefined && since.trim() === '')
        throw new PactwatchError('validation_failed', 'since is empty', 400, [{ field: 'since', message: 'must not be empty' }]);
      const user = request.headers.authorization === undefined ? null : await authenticate(store, request);
      const page = await listChanges(store.db, { since, kind, record_id, limit, accounts: user !== null && hasRole(user, 'admin') });
      return user ? page : { ...page, items: await withRoles(store, page.items) };
    },
  );
}

/** Entries with each account name replaced by that account's role (as it is, or as last logged). */
async function withRoles(store: RecordStore, items: Change[]): Promise<Change[]> {
  const names = [...new Set(items.map((c) => c.actor))];
  if (names.length === 0) return items;
  const db = auditDb(store.db);
  const roles = new Map(
    (await db.selectFrom('users').select(['name', 'role']).where('name', 'in', names).execute()).map((u) => [u.name, u.role]),
  );
  for (const name of names.filter((n) => !roles.has(n))) {
    const last = await db
      .selectFrom('changes')
      .select(['before', 'after'])
      .where('kind', '=', ACCOUNTS_KIND)
      .where('record_id', '=', name)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const account = last && (JSON.parse(last.after ?? last.before ?? 'null') as { role?: string } | null);
    if (account?.role) roles.set(name, account.role);
  }
  // Names that were never accounts (the `import` of a CLI import) say nothing about anyone.
  return items.map((c) => ({ ...c, actor: roles.get(c.actor) ?? (c.actor === 'import' || c.actor === 'cli' ? c.actor : 'account') }));
}
