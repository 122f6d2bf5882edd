/** /api/agreements: list, create, read, update and delete agreements. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementCreate,
  AgreementListQuery,
  AgreementRefParams,
  AgreementUpdate,
  AgreementView,
  Deleted,
  page,
  VersionQuery,
} from '../../contract/index.ts';
import { can, ForbiddenError } from '../../core/index.ts';
import { actorOf } from '../access/access.hook.ts';
import type { AgreementService } from './agreements.service.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';
import { routeSchema } from '../route-schema.ts';

const tags = ['agreements'];
const AgreementPage = page(AgreementView);

export function agreementRoutes(app: FastifyInstance, service: AgreementService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Cached per set of agreements the reader may read; every write moves it on.
  viewRoute(app, '/api/agreements', 'agreement:list', { tags, summary: 'List agreements (search, filter, sort, page)', querystring: AgreementListQuery }, {
    view: 'agreements', schema: AgreementPage, follows: 'everything',
    build: async (req) => ({ value: { ...(await service.list(req.query, req.principal)), limit: req.query.limit, offset: req.query.offset } }),
  });

  r.post('/api/agreements', {
    ...routeSchema('agreement:create', { tags, summary: 'Create an agreement', body: AgreementCreate }, { 201: AgreementView }),
    handler: async (req, reply) => reply.status(201).send(await service.create(req.body, actorOf(req))),
  });

  // The row the access check read (with its change counter), serialized once per version.
  viewRoute(app, '/api/agreements/:agreement', 'agreement:read', { tags, summary: 'Read an agreement by id or slug', params: AgreementRefParams }, {
    view: 'agreement', schema: AgreementView, follows: 'agreement',
    build: async (req) => ({ value: agreementOf(req) }),
  });

  r.patch('/api/agreements/:agreement', {
    ...routeSchema('agreement:update', { tags, summary: 'Update an agreement (send the version you read)', params: AgreementRefParams, body: AgreementUpdate }, { 200: AgreementView }),
    handler: async (req) => {
      // Publishing an agreement to visitors is an administrator's decision.
      if (req.body.public !== undefined && !can(req.principal, 'agreement:publish', await service.resolve(req.params.agreement))) {
        throw new ForbiddenError('Only an administrator makes an agreement public or private');
      }
      return service.update(req.params.agreement, req.body, actorOf(req));
    },
  });

  r.delete('/api/agreements/:agreement', {
    ...routeSchema('agreement:delete', { tags, summary: 'Delete an agreement and everything under it', params: AgreementRefParams, querystring: VersionQuery }, { 200: Deleted }),
    handler: async (req) => {
      const agreement = await service.resolve(req.params.agreement);
      await service.remove(agreement.id, req.query.version, actorOf(req));
      return { deleted: true as const, id: agreement.id };
    },
  });
}
