/** /api/agreements/:agreement/compliance: verified violations per party or provision, by day or week. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, ComplianceQuery, ComplianceView, errorResponses } from '../../contract/index.ts';
import type { ComplianceService } from './compliance.service.ts';
import { agreementOf } from '../views/view-cache.ts';

export function complianceRoutes(app: FastifyInstance, service: ComplianceService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/compliance', {
    // Counts of verified violations only: readable wherever the agreement is, visitors included.
    config: { permission: 'agreement:read' },
    schema: {
      tags: ['compliance'],
      summary: "Verified violations per party or provision, by day or ISO week in the agreement's time zone",
      params: AgreementRefParams,
      querystring: ComplianceQuery,
      response: { 200: ComplianceView, ...errorResponses },
    },
    // Cached until a write, or (when the window ends today) until the agreement's next midnight.
    handler: async (req, reply) =>
      reply.sendView({
        view: 'compliance',
        schema: ComplianceView,
        follows: 'agreement',
        key: req.query,
        build: async () => {
          const value = await service.counts(agreementOf(req).id, req.query);
          return { value, validUntil: req.query.to ? null : new Date(value.to) };
        },
      }),
  });
}
