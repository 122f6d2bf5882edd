/** /api/agreements/:agreement/members: who holds which role on an agreement. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementRefParams, MemberParams, MembershipSet, MembershipView } from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import type { MemberService } from './members.service.ts';
import { routeSchema } from '../route-schema.ts';

const tags = ['members'];

export function memberRoutes(app: FastifyInstance, members: MemberService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/members';

  r.get(base, {
    ...routeSchema('members:manage', { tags, summary: 'Members of an agreement and their roles', params: AgreementRefParams }, { 200: z.object({ items: z.array(MembershipView) }) }),
    handler: async (req) => ({ items: await members.list(req.params.agreement) }),
  });

  r.put(`${base}/:userId`, {
    ...routeSchema('members:manage', { tags, summary: 'Give a user a role on the agreement (replaces their role there)', params: MemberParams, body: MembershipSet }, { 200: MembershipView }),
    handler: async (req) => members.set(req.params.agreement, req.params.userId, req.body, actorOf(req)),
  });

  r.delete(`${base}/:userId`, {
    ...routeSchema('members:manage', { tags, summary: "Take away a user's role on the agreement", params: MemberParams }, { 200: z.object({ deleted: z.literal(true) }) }),
    handler: async (req) => {
      await members.remove(req.params.agreement, req.params.userId, actorOf(req));
      return { deleted: true as const };
    },
  });
}
