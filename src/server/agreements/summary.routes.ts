/** /api/agreements/:agreement/summary: the agreement loader of the pages about an agreement. */
import type { FastifyInstance } from 'fastify';
import { AgreementRefParams, AgreementSummaryView } from '../../contract/index.ts';
import type { SummaryService } from './summary.service.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';

export function summaryRoutes(app: FastifyInstance, service: SummaryService): void {
  viewRoute(app, '/api/agreements/:agreement/summary', 'agreement:read', { tags: ['agreements'], summary: 'The agreement with its parties, phases and provisions (code, title, status, deadline): what a page about it needs, without the matrix', params: AgreementRefParams }, {
    view: 'summary', schema: AgreementSummaryView, follows: 'agreement',
    build: async (req) => ({ value: await service.of(agreementOf(req)) }),
  });
}
