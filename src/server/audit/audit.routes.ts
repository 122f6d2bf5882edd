/** /api/agreements/:agreement/audit: the agreement's entries of the hash-chained audit log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, AuditEntryView, AuditListQuery, errorResponses, page } from '../../contract/index.ts';
import type { AuditService } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, audit: AuditService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/audit', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: "The agreement's audit entries, newest first; confidential content of other parties is redacted",
      params: AgreementRefParams,
      querystring: AuditListQuery,
      response: { 200: page(AuditEntryView), ...errorResponses },
    },
    handler: async (req) => ({
      ...(await audit.page(req.params.agreement, req.principal, req.query)),
      limit: req.query.limit,
      offset: req.query.offset,
    }),
  });
}
