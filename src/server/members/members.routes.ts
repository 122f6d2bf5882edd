/** /api/agreements/:agreement/members: who holds which role on an agreement. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementRefParams, errorResponses, MemberParams, MembershipSet, MembershipView } from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import type { MemberService } from './members.service.ts';

const tags = ['members'];

export function memberRoutes(app: FastifyInstance, members: MemberService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/members';

  r.get(base, {
    config: { permission: 'members:manage' },
    schema: { tags, summary: 'Members of an agreement and their roles', params: AgreementRefParams, response: { 200: z.object({ items: z.array(MembershipView) }), ...errorResponses } },
    handler: async (req) => ({ items: await members.list(req.params.agreement) }),
  });

  r.put(`${base}/:userId`, {
    config: { permission: 'members:manage' },
    schema: { tags, summary: 'Give a user a role on the agreement (replaces their role there)', params: MemberParams, body: MembershipSet, response: { 200: MembershipView, ...errorResponses } },
    handler: async (req) => members.set(req.params.agreement, req.params.userId, req.body, actorOf(req)),
  });

  r.delete(`${base}/:userId`, {
    config: { permission: 'members:manage' },
    schema: { tags, summary: "Take away a user's role on the agreement", params: MemberParams, response: { 200: z.object({ deleted: z.literal(true) }), ...errorResponses } },
    handler: async (req) => {
      await members.remove(req.params.agreement, req.params.userId, actorOf(req));
      return { deleted: true as const };
    },
  });
}
