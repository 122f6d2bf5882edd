/**
 * /api/agreements/:agreement/{parties,phases,pillars,rounds}: the same five routes for each part,
 * declared once.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AgreementRefParams,
  Deleted,
  errorResponses,
  Id,
  PartyCreate,
  PartyUpdate,
  PartyView,
  PhaseCreate,
  PhaseUpdate,
  PhaseView,
  PillarCreate,
  PillarUpdate,
  PillarView,
  RoundCreate,
  RoundUpdate,
  RoundView,
  VersionQuery,
} from '../../contract/index.ts';
import type { AgreementService } from './agreements.service.ts';

/** The service side of one part: what the five routes call. */
export interface PartOperations<Create, Update, View> {
  list(ref: string): Promise<View[]>;
  get(ref: string, id: string): Promise<View>;
  create(ref: string, input: Create): Promise<View>;
  update(ref: string, id: string, input: Update): Promise<View>;
  remove(ref: string, id: string, version: number): Promise<void>;
}

export interface PartSchemas<C extends z.ZodType, U extends z.ZodType, V extends z.ZodType> {
  path: string;
  noun: string;
  create: C;
  update: U;
  view: V;
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

  r.get(base, {
    schema: {
      tags,
      summary: `List the ${schemas.path} of an agreement`,
      params: AgreementRefParams,
      response: { 200: z.object({ items: z.array(schemas.view) }), ...errorResponses },
    },
    handler: async (req) => ({ items: await ops.list((req.params as Ref).agreement) }),
  });

  r.post(base, {
    schema: {
      tags,
      summary: `Add a ${schemas.noun}`,
      params: AgreementRefParams,
      body: schemas.create,
      response: { 201: schemas.view, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await ops.create((req.params as Ref).agreement, req.body as z.output<C>)),
  });

  r.get(`${base}/:id`, {
    schema: {
      tags,
      summary: `Read a ${schemas.noun}`,
      params: ItemParams,
      response: { 200: schemas.view, ...errorResponses },
    },
    handler: async (req) => {
      const { agreement, id } = req.params as Item;
      return ops.get(agreement, id);
    },
  });

  r.patch(`${base}/:id`, {
    schema: {
      tags,
      summary: `Update a ${schemas.noun} (send the version you read)`,
      params: ItemParams,
      body: schemas.update,
      response: { 200: schemas.view, ...errorResponses },
    },
    handler: async (req) => {
      const { agreement, id } = req.params as Item;
      return ops.update(agreement, id, req.body as z.output<U>);
    },
  });

  r.delete(`${base}/:id`, {
    schema: {
      tags,
      summary: `Delete a ${schemas.noun} (send the version you read)`,
      params: ItemParams,
      querystring: VersionQuery,
      response: { 200: Deleted, ...errorResponses },
    },
    handler: async (req) => {
      const { agreement, id } = req.params as Item;
      await ops.remove(agreement, id, (req.query as z.output<typeof VersionQuery>).version);
      return { deleted: true as const, id };
    },
  });
}

export function agreementPartRoutes(app: FastifyInstance, service: AgreementService): void {
  partRoutes(app, { path: 'parties', noun: 'party', create: PartyCreate, update: PartyUpdate, view: PartyView }, service.parties);
  partRoutes(app, { path: 'phases', noun: 'phase', create: PhaseCreate, update: PhaseUpdate, view: PhaseView }, service.phases);
  partRoutes(app, { path: 'pillars', noun: 'pillar', create: PillarCreate, update: PillarUpdate, view: PillarView }, service.pillars);
  partRoutes(
    app,
    { path: 'rounds', noun: 'negotiation round', create: RoundCreate, update: RoundUpdate, view: RoundView },
    service.rounds,
  );
}
