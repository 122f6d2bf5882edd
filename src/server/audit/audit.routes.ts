/** /api/agreements/:agreement/audit: the agreement's entries of the hash-chained audit log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, AuditHead, AuditListQuery, AuditPage, errorResponses } from '../../contract/index.ts';
import type { AuditService } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, audit: AuditService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/audit', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: "The agreement's audit entries, newest first; entries of work confidential to an audience the reader is outside of are left out",
      params: AgreementRefParams,
      querystring: AuditListQuery,
      response: { 200: AuditPage, ...errorResponses },
    },
    handler: async (req) => ({
      ...(await audit.page(req.params.agreement, req.principal, req.query)),
      limit: req.query.limit,
      offset: req.query.offset,
    }),
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/audit/head', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['audit'],
      summary: "The audit log's head as recorded (sequence number, hash, time of that entry): keep or publish it, then check it with `phaseline audit verify --anchor <seq>:<hash>`",
      response: { 200: AuditHead, ...errorResponses },
    },
    handler: () => audit.head(),
  });
}
