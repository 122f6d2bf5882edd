/** /api/agreements/:agreement/provisions: a filtered, paged list, and the five routes every part has. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementRefParams,
  page,
  ProvisionCreate,
  ProvisionListQuery,
  ProvisionUpdate,
  ProvisionView,
} from '../../contract/index.ts';
import { partRoutes } from '../parts/part-routes.ts';
import type { ProvisionService } from './provisions.service.ts';
import { routeSchema } from '../route-schema.ts';

const tags = ['provisions'];

export function provisionRoutes(app: FastifyInstance, service: ProvisionService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/provisions';

  r.get(base, {
    ...routeSchema('agreement:read', { tags, summary: 'List provisions (filter by phase, pillar, party, status, category, text; sort; page)', params: AgreementRefParams, querystring: ProvisionListQuery }, { 200: page(ProvisionView) }),
    handler: async (req) => ({
      ...(await service.page(req.params.agreement, req.query)),
      limit: req.query.limit,
      offset: req.query.offset,
    }),
  });

  partRoutes(
    app,
    {
      path: 'provisions',
      noun: 'provision',
      create: ProvisionCreate,
      update: ProvisionUpdate,
      view: ProvisionView,
      writePermission: 'provision:write',
      list: false,
      summaries: { create: 'Add a provision (an obligation) to a phase' },
    },
    service,
  );
}
