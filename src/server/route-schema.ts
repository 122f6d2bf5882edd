/**
 * routeSchema: what a route declares besides its handler, in one line: the permission it takes
 * (checked by access/access.hook.ts) and its OpenAPI schema, with the error responses every route
 * may answer added to its own.
 */
import type { z } from 'zod';
import { errorResponses } from '../contract/index.ts';
import type { Permission } from '../core/index.ts';

export interface RouteDoc {
  tags: string[];
  summary: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
}

/** `{ config, schema }` of a route: spread it into the route's options beside its handler. */
export function routeSchema<D extends RouteDoc, R extends Record<number, z.ZodType>>(permission: Permission, doc: D, responses: R) {
  return { config: { permission }, schema: { ...doc, response: { ...responses, ...errorResponses } } };
}
