/** /api/agreements/:agreement/compliance: verified violations per party or provision, by day or week. */
import type { FastifyInstance } from 'fastify';
import { AgreementRefParams, ComplianceQuery, ComplianceView } from '../../contract/index.ts';
import type { ComplianceService } from './compliance.service.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';

export function complianceRoutes(app: FastifyInstance, service: ComplianceService): void {
  // Counts of verified violations only: readable wherever the agreement is, visitors included.
  // Cached until a write, or (when the window ends today) until the agreement's next midnight.
  viewRoute(app, '/api/agreements/:agreement/compliance', 'agreement:read', { tags: ['compliance'], summary: "Verified violations per party or provision, by day or ISO week in the agreement's time zone", params: AgreementRefParams, querystring: ComplianceQuery }, {
    view: 'compliance', schema: ComplianceView, follows: 'agreement',
    build: async (req) => {
      const value = await service.counts(agreementOf(req).id, req.query);
      return { value, validUntil: req.query.to ? null : new Date(value.to) };
    },
  });
}
