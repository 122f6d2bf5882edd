/** /api/agreements/:agreement/summary: the agreement loader of the pages about an agreement. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, AgreementSummaryView, errorResponses } from '../../contract/index.ts';
import type { SummaryService } from './summary.service.ts';
import { agreementOf } from '../views/view-cache.ts';

export function summaryRoutes(app: FastifyInstance, service: SummaryService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/summary', {
    config: { permission: 'agreement:read' },
    schema: {
      tags: ['agreements'],
      summary: 'The agreement with its parties, phases and provisions (code, title, status, deadline): what a page about it needs, without the matrix',
      params: AgreementRefParams,
      response: { 200: AgreementSummaryView, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.sendView({
        view: 'summary',
        schema: AgreementSummaryView,
        follows: 'agreement',
        build: async () => ({ value: await service.of(agreementOf(req)) }),
      }),
  });
}
