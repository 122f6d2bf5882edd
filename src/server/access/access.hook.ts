/**
 * Enforcement in one place. Every route declares `config.permission`; a route without one stops
 * the app from starting. Each request is identified once (session cookie or bearer token), writes
 * made with the cookie must carry the session's CSRF token, and the permission is checked against
 * the role matrix of src/core/access.ts, on the agreement the URL names when it is agreement-scoped.
 * Routes marked `config.sessionOnly` (credentials and accounts) refuse API tokens.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AGREEMENT_SCOPED, ANONYMOUS, can, ForbiddenError, isSlug, isUuid, NotFoundError, UnauthenticatedError, type Permission, type Principal } from '../../core/index.ts';
import type { User } from '../../db/index.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Freshness } from '../views/freshness.ts';
import type { Actor } from '../write.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller must hold; see ROLE_MATRIX. */
    permission?: Permission;
    /**
     * What the route does, when only a logged-in session (or the CLI) may do it, never an API
     * token: minting credentials, changing a password, administering accounts. A stolen token must
     * not outlive its revocation through a credential it made. Refused with 403 for a token.
     */
    sessionOnly?: string;
    /**
     * false: a public route that acts on no session (login, first-start setup, invitation), so a
     * stale or live session cookie does not need the CSRF token there. Every other write made
     * with the cookie needs it, logout included.
     */
    csrf?: false;
  }
  interface FastifyInstance {
    /** Every route with the permission it declared, for the role-matrix test and the docs. */
    routePermissions: readonly RoutePermission[];
  }
  interface FastifyRequest {
    principal: Principal;
    user: User | null;
    /** The session cookie's token, when the request was identified by one. */
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

export interface RoutePermission {
  method: string;
  url: string;
  permission: Permission;
  /** Refused to API tokens: see config.sessionOnly. */
  sessionOnly: boolean;
}

export const SESSION_COOKIE = 'phaseline_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function actorOf(request: FastifyRequest): Actor {
  return request.user ? { id: request.user.id, name: request.user.email } : { id: null, name: 'anonymous' };
}

/** Routes of plugins (API docs, static files) are public; every other route must declare its permission. */
function permissionOf(url: string, declared: Permission | undefined): Permission {
  if (declared) return declared;
  if (url.startsWith('/api/docs') || !url.startsWith('/api')) return 'public';
  throw new Error(`Route ${url} declares no permission (config.permission): every API route must`);
}

/**
 * `agreements` reads the agreement a URL names, with the change counters its cached views follow
 * (src/server/views/freshness.ts); the request keeps it as `request.agreementState`.
 */
export function registerAccessControl(app: FastifyInstance, deps: { auth: AuthService; agreements: Freshness['agreement'] }): void {
  app.decorateRequest('principal', null as never);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  const table: RoutePermission[] = [];
  app.decorate('routePermissions', table);
  app.addHook('onRoute', (route) => {
    const permission = permissionOf(route.url, route.config?.permission);
    route.config = { ...route.config, permission };
    const sessionOnly = route.config.sessionOnly !== undefined;
    for (const method of [route.method].flat()) table.push({ method, url: route.url, permission, sessionOnly });
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.principal = ANONYMOUS;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (request.headers.authorization !== undefined) {
      const found = bearer ? await deps.auth.fromBearer(bearer) : null;
      if (!found) throw new UnauthenticatedError('The API token is unknown, revoked or expired');
      request.principal = found.principal;
      request.user = found.user;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const found = await deps.auth.fromSession(cookie);
    // An expired or ended session makes the request anonymous; the client sees it in /api/auth/me.
    if (!found) return;
    request.principal = found.principal;
    request.user = found.user;
    request.sessionToken = cookie;
    request.csrfToken = found.csrfToken;
    // Login, setup and invitation act on no session, so a stale cookie must not block them.
    const exempt = request.routeOptions.config?.csrf === false;
    if (UNSAFE.has(request.method) && !exempt && request.headers[CSRF_HEADER] !== found.csrfToken) {
      throw new ForbiddenError(`Writes with a session cookie must send the ${CSRF_HEADER} header from /api/auth/me`);
    }
  });

  // Before validation: a caller without the right learns nothing about what a valid request looks like.
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const permission = request.routeOptions.config.permission ?? 'public';
    if (permission === 'public') return;
    const principal = request.principal;
    if (AGREEMENT_SCOPED.has(permission)) {
      const ref = (request.params as { agreement?: string }).agreement;
      // Not yet validated: look up only what can be an id or a slug.
      const state = ref && (isUuid(ref) || isSlug(ref)) ? await deps.agreements(ref) : null;
      const agreement = state?.agreement ?? null;
      // An agreement one may not read is answered as missing, so that its existence does not leak.
      if (!agreement || !can(principal, 'agreement:read', agreement)) throw new NotFoundError('Agreement', ref ?? '');
      if (!can(principal, permission, agreement)) throw refusal(principal);
      request.agreementState = state;
    } else if (!can(principal, permission)) {
      throw refusal(principal);
    }
    // A user without a session cookie was identified by an API token.
    const sessionOnly = request.routeOptions.config.sessionOnly;
    if (sessionOnly !== undefined && request.user !== null && request.sessionToken === null) {
      throw new ForbiddenError(`An API token cannot ${sessionOnly}: log in to do it, or use the phaseline command on the server`);
    }
  });
}

const refusal = (principal: Principal) =>
  principal.kind === 'anonymous' ? new UnauthenticatedError() : new ForbiddenError();
