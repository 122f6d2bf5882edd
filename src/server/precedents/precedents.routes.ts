/** /api/precedents: the UCDP Peace Agreement library and survival curves. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementPrecedentsView,
  AgreementRefParams,
  PrecedentDetailView,
  PrecedentListQuery,
  PrecedentListView,
  PrecedentParams,
  PrecedentSurvivalQuery,
  PrecedentSurvivalView,
} from '../../contract/index.ts';
import { routeSchema } from '../route-schema.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';
import type { PrecedentsService } from './precedents.service.ts';

const tags = ['precedents'];

export function precedentsRoutes(app: FastifyInstance, service: PrecedentsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A published dataset (CC BY 4.0): public, as the API docs are.
  r.get('/api/precedents', {
    ...routeSchema('public', { tags, summary: 'UCDP peace agreements (v22.1), searched, filtered by conflict, year, type and provisions, sorted and paged', querystring: PrecedentListQuery }, { 200: PrecedentListView }),
    handler: async (req) => service.list(req.query),
  });
  r.get('/api/precedents/survival', {
    ...routeSchema('public', { tags, summary: 'Kaplan–Meier survival of the agreements with (and without) the named UCDP provisions, beside every other agreement', querystring: PrecedentSurvivalQuery }, { 200: PrecedentSurvivalView }),
    handler: async (req) => service.survival(req.query),
  });
  r.get('/api/precedents/:paid', {
    ...routeSchema('public', { tags, summary: 'One UCDP peace agreement, with how the survival curves count it', params: PrecedentParams }, { 200: PrecedentDetailView }),
    handler: async (req) => service.get(req.params.paid),
  });
  // Follows the agreement: its provisions' categories choose the linked UCDP provisions.
  viewRoute(app, '/api/agreements/:agreement/precedents', 'agreement:read', { tags, summary: "The agreement's provision categories linked to UCDP provisions, and how often agreements with a peacekeeping operation (and with every linked provision) held", params: AgreementRefParams }, {
    view: 'precedents', schema: AgreementPrecedentsView, follows: 'agreement',
    build: async (req) => ({ value: await service.forAgreement(agreementOf(req).id) }),
  });
}
