/**
 * The same five routes (list, create, read, update, delete) for every part of an agreement, declared
 * once: /api/agreements/:agreement/<part>[/:id].
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AgreementRefParams, Deleted, Id, VersionQuery } from '../../contract/index.ts';
import type { Permission } from '../../core/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { routeSchema } from '../route-schema.ts';
import type { PartOperations } from './audited-parts.ts';

export interface PartSchemas<C extends z.ZodType, U extends z.ZodType, V extends z.ZodType> {
  path: string;
  noun: string;
  create: C;
  update: U;
  view: V;
  /** What writing this part takes; reading takes agreement:read. */
  writePermission: Permission;
  /** false when the feature declares its own list (filtered, paged). */
  list?: boolean;
  /** Summaries in the API document in place of the generic ones. */
  summaries?: Partial<Record<'create' | 'read' | 'update' | 'delete', string>>;
}

const ItemParams = AgreementRefParams.extend({ id: Id });

/** Registers list, create, read, update and delete for one part of an agreement. */
export function partRoutes<C extends z.ZodType, U extends z.ZodType, V extends z.ZodType>(
  app: FastifyInstance,
  schemas: PartSchemas<C, U, V>,
  ops: PartOperations<z.output<C>, z.output<U>, z.output<V>>,
): void {
  // Generic schemas defeat the type provider's inference; the validator has checked these shapes.
  const r = app;
  type Ref = z.output<typeof AgreementRefParams>;
  type Item = z.output<typeof ItemParams>;
  const base = `/api/agreements/:agreement/${schemas.path}`;
  const tags = [schemas.path];

  const read = 'agreement:read';
  const write = schemas.writePermission;
  const summary = schemas.summaries ?? {};

  if (schemas.list !== false) {
    r.get(base, {
      ...routeSchema(read, { tags, summary: `List the ${schemas.path} of an agreement`, params: AgreementRefParams }, { 200: z.object({ items: z.array(schemas.view) }) }),
      handler: async (req) => ({ items: await ops.list((req.params as Ref).agreement) }),
    });
  }

  r.post(base, {
    ...routeSchema(write, { tags, summary: summary.create ?? `Add a ${schemas.noun}`, params: AgreementRefParams, body: schemas.create }, { 201: schemas.view }),
    handler: async (req, reply) =>
      reply.status(201).send(await ops.create((req.params as Ref).agreement, req.body as z.output<C>, actorOf(req))),
  });

  r.get(`${base}/:id`, {
    ...routeSchema(read, { tags, summary: summary.read ?? `Read a ${schemas.noun}`, params: ItemParams }, { 200: schemas.view }),
    handler: async (req) => {
      const { agreement, id } = req.params as Item;
      return ops.get(agreement, id);
    },
  });

  r.patch(`${base}/:id`, {
    ...routeSchema(write, { tags, summary: summary.update ?? `Update a ${schemas.noun} (send the version you read)`, params: ItemParams, body: schemas.update }, { 200: schemas.view }),
    handler: async (req) => {
      const { agreement, id } = req.params as Item;
      return ops.update(agreement, id, req.body as z.output<U>, actorOf(req));
    },
  });

  r.delete(`${base}/:id`, {
    ...routeSchema(write, { tags, summary: summary.delete ?? `Delete a ${schemas.noun} (send the version you read)`, params: ItemParams, querystring: VersionQuery }, { 200: Deleted }),
    handler: async (req) => {
      const { agreement, id } = req.params as Item;
      await ops.remove(agreement, id, (req.query as z.output<typeof VersionQuery>).version, actorOf(req));
      return { deleted: true as const, id };
    },
  });
}
