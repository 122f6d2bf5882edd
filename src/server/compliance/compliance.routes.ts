/** /api/agreements/:agreement/compliance: verified violations per party or provision, by day or week. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, ComplianceQuery, ComplianceView, errorResponses } from '../../contract/index.ts';
import type { ComplianceService } from './compliance.service.ts';

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
    handler: async (req) => service.counts(req.params.agreement, req.query),
  });
}
