/** /api/agreements/:agreement/audit: the agreement's entries of the hash-chained audit log, filtered, with names. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, AuditHead, AuditListQuery, AuditPage } from '../../contract/index.ts';
import type { AuditService } from './audit.service.ts';
import { routeSchema } from '../route-schema.ts';

export function auditRoutes(app: FastifyInstance, audit: AuditService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/audit', {
    ...routeSchema('audit:read', { tags: ['audit'], summary: "The agreement's audit entries, newest first, by actor, entity kind, action and time, with the names of the records they show; entries of work confidential to an audience the reader is outside of are left out", params: AgreementRefParams, querystring: AuditListQuery }, { 200: AuditPage }),
    handler: async (req) => ({
      ...(await audit.page(req.params.agreement, req.principal, req.query)),
      limit: req.query.limit,
      offset: req.query.offset,
    }),
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/audit/head', {
    ...routeSchema('authenticated', { tags: ['audit'], summary: "The audit log's head as recorded (sequence number, hash, time of that entry): keep or publish it, then check it with `phaseline audit verify --anchor <seq>:<hash>`" }, { 200: AuditHead }),
    handler: () => audit.head(),
  });
}
