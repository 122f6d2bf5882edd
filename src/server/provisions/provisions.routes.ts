/**
 * /api/agreements/:agreement/provisions: a filtered, paged list, the five routes every part has, and
 * each provision's status history: a change of status (with its reason), the history as JSON or CSV,
 * and everything the provision's page shows.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementRefParams,
  Id,
  page,
  ProvisionCreate,
  ProvisionListQuery,
  ProvisionPageView,
  ProvisionUpdate,
  ProvisionView,
  StatusChanged,
  StatusChangeRequest,
  StatusHistoryQuery,
  StatusHistoryView,
} from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { partRoutes } from '../parts/part-routes.ts';
import type { ProvisionService } from './provisions.service.ts';
import { routeSchema } from '../route-schema.ts';

const tags = ['provisions'];
const ItemParams = AgreementRefParams.extend({ id: Id });

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
      summaries: {
        create: 'Add a provision (an obligation) to a phase; its status history starts with statusReason, else "Added with this status"',
        update: 'Update a provision (send the version you read); a change of status needs statusReason',
      },
    },
    service,
  );

  r.post(`${base}/:id/status`, {
    ...routeSchema('provision:write', { tags, summary: "Change a provision's status, with the reason (required), the source and its grade, and evidence", params: ItemParams, body: StatusChangeRequest }, { 200: StatusChanged }),
    handler: async (req) => service.status.change(req.params.agreement, req.params.id, req.body, req.principal, actorOf(req)),
  });

  r.get(`${base}/:id/history`, {
    ...routeSchema(
      'agreement:read',
      { tags, summary: "A provision's status history, oldest first, as JSON or CSV (seq, at, from, to, reason, source, grade, evidence, actor)", params: ItemParams, querystring: StatusHistoryQuery },
      { 200: z.union([StatusHistoryView, z.string().describe('format=csv: the file (Content-Disposition: attachment)')]) },
    ),
    handler: async (req, reply) => {
      const { agreement, id } = req.params;
      if (req.query.format === 'json') return service.status.history(agreement, id, req.principal);
      const { fileName, text } = await service.status.historyCsv(agreement, id, req.principal, `${req.protocol}://${req.host}`);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(text);
    },
  });

  r.get(`${base}/:id/page`, {
    ...routeSchema('agreement:read', { tags, summary: "Everything a provision's page shows: the provision, its phase, pillar, party and clause, its indicators, the incidents bearing on it (for those who may read incidents) and its status history", params: ItemParams }, { 200: ProvisionPageView }),
    handler: async (req) => service.status.page(req.params.agreement, req.params.id, req.principal),
  });
}
