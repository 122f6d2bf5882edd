/**
 * The daily desk (docs/DESK.md): /api/agreements/:agreement/since (what changed for the reader),
 * .../since/seen (the visit the next view starts from) and /api/desk (the home page's counts).
 * Not cached views: each answer depends on the reader's last visit and on now.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, DeskView, SeenRequest, SeenView, SinceQuery, SinceView } from '../../contract/index.ts';
import { routeSchema } from '../route-schema.ts';
import { agreementOf } from '../views/view-cache.ts';
import type { DeskService } from './desk.service.ts';

const tags = ['desk'];

export function deskRoutes(app: FastifyInstance, service: DeskService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/since';

  r.get(base, {
    ...routeSchema(
      'agreement:read',
      {
        tags,
        summary: 'What changed for you since your last visit (or `since`, or 7 days ago): incidents, status changes, deadlines, notes and responses to you, clauses, phase gates',
        params: AgreementRefParams,
        querystring: SinceQuery,
      },
      { 200: SinceView },
    ),
    handler: async (req) => service.since(agreementOf(req), { principal: req.principal, userId: req.user?.id ?? null }, req.query.since),
  });

  r.post(`${base}/seen`, {
    ...routeSchema('desk:visit', { tags, summary: 'Mark the view seen up to `until` (default now): your next view starts there', params: AgreementRefParams, body: SeenRequest }, { 200: SeenView }),
    handler: async (req) => service.markSeen(agreementOf(req), req.user?.id ?? null, req.body.until),
  });

  r.get('/api/desk', {
    ...routeSchema('authenticated', { tags, summary: 'For each agreement you belong to (an administrator: every one), how much is new since your last visit, overdue and due within 7 days' }, { 200: DeskView }),
    handler: async (req) => service.desk(req.principal, req.user?.id ?? null),
  });
}
