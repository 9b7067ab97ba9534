import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addUser, listUsers, reissueToken, removeUser, roleSchema, setRole, userNameSchema, userSchema } from '../../auth/accounts.ts';
import type { RecordStore } from '../../store/record-store.ts';
import { authenticate, requireRole } from '../auth-hooks.ts';
import type { RateLimit } from '../build-app.ts';

export function registerUsersRoutes(fastify: FastifyInstance, store: RecordStore, writeLimit: RateLimit): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const admin = { preParsing: requireRole(store, 'admin') };

  app.get('/api/me', { schema: { tags, summary: 'The user the token belongs to', response: { 200: userSchema } } }, (request) =>
    authenticate(store, request),
  );

  app.get(
    '/api/users',
    { ...admin, schema: { tags, summary: 'Every user (admins only)', response: { 200: z.object({ items: z.array(userSchema) }) } } },
    async () => ({
      items: await listUsers(store.db),
    }),
  );

  app.post(
    '/api/users',
    {
      ...admin,
      config: { rateLimit: writeLimit },
      schema: {
        tags,
        summary: 'Add a user; the answer holds their token, shown this once (admins only)',
        body: z.object({ name: userNameSchema, role: roleSchema }),
        response: { 201: userSchema.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const { user, token } = await addUser(store.db, request.body.name, request.body.role, request.user!.name);
      return reply.status(201).send({ ...user, token });
    },
  );

  app.delete(
    '/api/users/:name',
    {
      ...admin,
      config: { rateLimit: writeLimit },
      schema: { tags, summary: 'Remove a user (admins only)', params: z.object({ name: z.string().max(64) }) },
    },
    async (request, reply) => {
      await removeUser(store.db, request.params.name, request.user!.name);
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/users/:name',
    {
      ...admin,
      config: { rateLimit: writeLimit },
      schema: {
        tags,
        summary: "Change a user's role (admins only)",
        params: z.object({ name: z.string().max(64) }),
        body: z.object({ role: roleSchema }),
        response: { 200: userSchema },
      },
    },
    (request) => setRole(store.db, request.params.name, request.body.role, request.user!.name),
  );

  app.post(
    '/api/users/:name/token',
    {
      ...admin,
      config: { rateLimit: writeLimit },
      schema: {
        tags,
        summary: 'Issue a new token for a user, shown this once; the old one stops working (admins only)',
        params: z.object({ name: z.string().max(64) }),
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (request) => ({ token: await reissueToken(store.db, request.params.name, request.user!.name) }),
  );
}
