/** /api/agreements/:agreement/provisions. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementRefParams,
  Deleted,
  errorResponses,
  Id,
  page,
  ProvisionCreate,
  ProvisionListQuery,
  ProvisionUpdate,
  ProvisionView,
  VersionQuery,
} from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import type { ProvisionService } from './provisions.service.ts';

const tags = ['provisions'];
const ItemParams = AgreementRefParams.extend({ id: Id });

export function provisionRoutes(app: FastifyInstance, service: ProvisionService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/provisions';

  r.get(base, {
    config: { permission: 'agreement:read' },
    schema: {
      tags,
      summary: 'List provisions (filter by phase, pillar, party, status, category, text; sort; page)',
      params: AgreementRefParams,
      querystring: ProvisionListQuery,
      response: { 200: page(ProvisionView), ...errorResponses },
    },
    handler: async (req) => ({
      ...(await service.page(req.params.agreement, req.query)),
      limit: req.query.limit,
      offset: req.query.offset,
    }),
  });

  r.post(base, {
    config: { permission: 'provision:write' },
    schema: {
      tags,
      summary: 'Add a provision (an obligation) to a phase',
      params: AgreementRefParams,
      body: ProvisionCreate,
      response: { 201: ProvisionView, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await service.create(req.params.agreement, req.body, actorOf(req))),
  });

  r.get(`${base}/:id`, {
    config: { permission: 'agreement:read' },
    schema: { tags, summary: 'Read a provision', params: ItemParams, response: { 200: ProvisionView, ...errorResponses } },
    handler: async (req) => service.get(req.params.agreement, req.params.id),
  });

  r.patch(`${base}/:id`, {
    config: { permission: 'provision:write' },
    schema: {
      tags,
      summary: 'Update a provision (send the version you read)',
      params: ItemParams,
      body: ProvisionUpdate,
      response: { 200: ProvisionView, ...errorResponses },
    },
    handler: async (req) => service.update(req.params.agreement, req.params.id, req.body, actorOf(req)),
  });

  r.delete(`${base}/:id`, {
    config: { permission: 'provision:write' },
    schema: {
      tags,
      summary: 'Delete a provision (send the version you read)',
      params: ItemParams,
      querystring: VersionQuery,
      response: { 200: Deleted, ...errorResponses },
    },
    handler: async (req) => {
      await service.remove(req.params.agreement, req.params.id, req.query.version, actorOf(req));
      return { deleted: true as const, id: req.params.id };
    },
  });
}
