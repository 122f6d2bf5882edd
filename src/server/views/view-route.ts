/**
 * viewRoute: a GET route whose answer is a cached read view (view-cache.ts), declared once. The
 * route's OpenAPI entry is the usual one (routeSchema: tags, summary, params, querystring, the view's
 * schema for 200 and the error responses); its handler sends the view, keyed by the parsed query and
 * by any path parameter other than the agreement.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../../core/index.ts';
import { routeSchema } from '../route-schema.ts';
import type { ViewSpec } from './view-cache.ts';

type Output<T> = T extends z.ZodType ? z.output<T> : unknown;

/** The request as a view's build sees it: params and query parsed by the route's schemas. */
export type ViewRequest<P, Q> = FastifyRequest<{ Params: Output<P>; Querystring: Output<Q> }>;

/** The route's OpenAPI entry besides its responses, as routeSchema takes it. */
export interface ViewRouteDoc<P extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  tags: string[];
  summary: string;
  params?: P;
  /** The query's schema; the parsed query is part of the view's key. */
  querystring?: Q;
}

export interface ViewRouteSpec<S extends z.ZodType, P extends z.ZodType | undefined, Q extends z.ZodType | undefined>
  extends Pick<ViewSpec<S>, 'view' | 'schema' | 'follows'> {
  build(request: ViewRequest<P, Q>): ReturnType<ViewSpec<S>['build']>;
}

/** Registers GET `path` answering with the cached view `spec.view`; `permission` and `doc` as routeSchema takes them. */
export function viewRoute<S extends z.ZodType, P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  app: FastifyInstance,
  path: string,
  permission: Permission,
  { tags, summary, params, querystring }: ViewRouteDoc<P, Q>,
  { view, schema, follows, build }: ViewRouteSpec<S, P, Q>,
): void {
  // Generic schemas defeat the type provider's inference; the validator has checked these shapes.
  app.get(path, {
    ...routeSchema(permission, { tags, summary, ...(params ? { params } : {}), ...(querystring ? { querystring } : {}) }, { 200: schema }),
    handler: async (req, reply) => {
      const request = req as ViewRequest<P, Q>;
      // Params beyond the agreement (a phase's gate) name another answer as much as the query does.
      const { agreement: _agreement, ...others } = (request.params ?? {}) as Record<string, unknown>;
      const named = Object.keys(others).length > 0 ? others : undefined;
      const key = querystring || named ? { ...(named ? { params: named } : {}), ...(querystring ? { query: request.query } : {}) } : undefined;
      return reply.sendView({ view, schema, follows, key, build: () => build(request) });
    },
  });
}
