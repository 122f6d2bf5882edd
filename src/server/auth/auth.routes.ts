/** /api/auth: login, logout, who am I, first administrator, invitations, password, API tokens. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  errorResponses,
  Id,
  InvitationAccept,
  InvitationCheck,
  InvitationStatusView,
  LoginRequest,
  MeView,
  PasswordChange,
  SetupRequest,
  TokenCreate,
  TokenCreated,
  TokenView,
  UserView,
} from '../../contract/index.ts';
import { actorOf, SESSION_COOKIE } from '../access/access.hook.ts';
import type { User } from '../../db/index.ts';
import type { AuthService, SessionInfo } from './auth.service.ts';
import { routeSchema } from '../route-schema.ts';

const tags = ['auth'];
const Ok = z.object({ ok: z.literal(true) });
const LoggedIn = z.object({ user: UserView, csrfToken: z.string(), expiresAt: z.string() });

export interface AuthRouteOptions {
  /** Login attempts allowed per client address per minute; password changes per account and per address. */
  loginRateLimit: number;
  secureCookies: boolean;
}

/**
 * A limit on guessing the current password through a password change: `max` attempts a minute per
 * account and per client address, like logins; the next gets 429 with Retry-After.
 */
function passwordAttemptLimit(app: FastifyInstance, max: number) {
  const limits = [
    app.createRateLimit({ max, timeWindow: '1 minute', keyGenerator: (req) => `account:${req.user?.id ?? ''}` }),
    app.createRateLimit({ max, timeWindow: '1 minute' }),
  ];
  return async (req: FastifyRequest, reply: FastifyReply) => {
    for (const limit of limits) {
      const state = await limit(req);
      if (state.isAllowed || !state.isExceeded) continue;
      void reply.header('retry-after', state.ttlInSeconds);
      throw Object.assign(new Error(`Too many password attempts: wait ${state.ttlInSeconds} seconds, then try again`), { statusCode: 429 });
    }
  };
}

export function authRoutes(app: FastifyInstance, auth: AuthService, options: AuthRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const setCookie = (reply: FastifyReply, session: SessionInfo) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      expires: session.expiresAt,
    });
  const loggedIn = (session: SessionInfo & { user: User }) => ({
    user: session.user,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  });

  r.post('/api/auth/login', {
    config: { permission: 'public', csrf: false, rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Log in: sets an HTTP-only session cookie', body: LoginRequest, response: { 200: LoggedIn, 401: ErrorBody, 429: ErrorBody, ...errorResponses } },
    handler: async (req, reply) => {
      const session = await auth.login(req.body.email, req.body.password);
      setCookie(reply, session);
      return loggedIn(session);
    },
  });

  // Public, so that a stale cookie can always be cleared; a live session's cookie needs its CSRF token.
  r.post('/api/auth/logout', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Log out: ends the session', response: { 200: Ok } },
    handler: async (req, reply) => {
      if (req.sessionToken) await auth.logout(req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Who is calling, their roles, and the CSRF token of their session', response: { 200: MeView } },
    handler: async (req) => ({
      user: req.user,
      memberships: req.principal.kind === 'user' ? [...req.principal.memberships] : [],
      csrfToken: req.csrfToken,
      setupRequired: await auth.setupRequired(),
    }),
  });

  r.post('/api/auth/setup', {
    config: { permission: 'public', csrf: false, rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Create the first administrator with the setup token printed at start',
      body: SetupRequest,
      response: { 201: LoggedIn, ...errorResponses },
    },
    handler: async (req, reply) => {
      await auth.setup(req.body);
      const session = await auth.login(req.body.email, req.body.password);
      setCookie(reply, session);
      return reply.status(201).send(loggedIn(session));
    },
  });

  // A POST, so that the token stays out of URLs and request logs.
  r.post('/api/auth/invitations/check', {
    config: { permission: 'public', csrf: false, rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Whether an invitation link is still open, before asking for a password', body: InvitationCheck, response: { 200: InvitationStatusView, ...errorResponses } },
    handler: async (req) => auth.checkInvitation(req.body.token),
  });

  r.post('/api/auth/invitations/accept', {
    config: { permission: 'public', csrf: false, rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Set a password through an invitation, and log in', body: InvitationAccept, response: { 200: LoggedIn, ...errorResponses } },
    handler: async (req, reply) => {
      const session = await auth.acceptInvitation(req.body.token, req.body.password);
      setCookie(reply, session);
      return loggedIn(session);
    },
  });

  r.post('/api/auth/password', {
    config: { permission: 'authenticated', sessionOnly: 'change a password' },
    schema: {
      tags,
      summary: 'Change your password; your other sessions end (not with an API token)',
      body: PasswordChange,
      response: { 200: Ok, 429: ErrorBody, ...errorResponses },
    },
    preHandler: passwordAttemptLimit(app, options.loginRateLimit),
    handler: async (req) => {
      await auth.changePassword(req.user!.id, req.body.currentPassword, req.body.newPassword, req.sessionToken);
      return { ok: true as const };
    },
  });

  r.get('/api/auth/tokens', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Your API tokens', response: { 200: z.object({ items: z.array(TokenView) }) } },
    handler: async (req) => ({ items: await auth.tokensOf(req.user!.id) }),
  });

  r.post('/api/auth/tokens', {
    config: { permission: 'authenticated', sessionOnly: 'create API tokens' },
    schema: {
      tags,
      summary: 'Create an API token (its secret is shown once); from a logged-in session, not with an API token',
      body: TokenCreate,
      response: { 201: TokenCreated, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await auth.createToken(req.user!.id, req.body, actorOf(req))),
  });

  r.delete('/api/auth/tokens/:id', {
    ...routeSchema('authenticated', { tags, summary: 'Revoke an API token', params: z.object({ id: Id }) }, { 200: TokenView }),
    handler: async (req) => auth.revokeToken(req.params.id, req.principal, actorOf(req)),
  });
}
