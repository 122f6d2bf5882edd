/** /api/users: accounts, for administrators. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccountRowView, errorResponses, Id, InvitationView, UserCreate, UserUpdate, UserView } from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import type { AuthService } from './auth.service.ts';

const tags = ['users'];
const manage = { permission: 'users:manage' as const };
// Accounts are administered from a logged-in session or the CLI: an invitation is a credential,
// and an administrator flag outlives the token that set it.
const administer = { ...manage, sessionOnly: 'create, invite or change accounts' };

export function userRoutes(app: FastifyInstance, auth: AuthService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', {
    config: manage,
    schema: { tags, summary: 'List accounts, each with the roles it holds', response: { 200: z.object({ items: z.array(AccountRowView) }), ...errorResponses } },
    handler: async () => ({ items: await auth.listAccounts() }),
  });

  r.post('/api/users', {
    config: administer,
    schema: {
      tags,
      summary: 'Invite a user: creates the account and a one-time link to set a password',
      body: UserCreate,
      response: { 201: z.object({ user: UserView, invitation: InvitationView }), ...errorResponses },
    },
    handler: async (req, reply) => {
      const user = await auth.createUser(req.body, actorOf(req));
      const invitation = await auth.invite(user.id, actorOf(req));
      return reply.status(201).send({ user, invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() } });
    },
  });

  r.patch('/api/users/:id', {
    config: administer,
    schema: { tags, summary: 'Rename, disable or enable an account, or change its administrator flag', params: z.object({ id: Id }), body: UserUpdate, response: { 200: UserView, ...errorResponses } },
    handler: async (req) => auth.updateUser(req.params.id, req.body, actorOf(req)),
  });

  r.post('/api/users/:id/invitation', {
    config: administer,
    schema: { tags, summary: 'A new one-time link for the user to set a password', params: z.object({ id: Id }), response: { 201: InvitationView, ...errorResponses } },
    handler: async (req, reply) => {
      const invitation = await auth.invite(req.params.id, actorOf(req));
      return reply.status(201).send({ ...invitation, expiresAt: invitation.expiresAt.toISOString() });
    },
  });
}
