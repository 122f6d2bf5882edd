/**
 * /api/agreements/:agreement/rounds/:round/sessions: the sessions of a negotiation round, written
 * by those who may write rounds; /api/agreements/:agreement/rounds.ics: the round calendar.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementRefParams,
  Deleted,
  errorResponses,
  RoundSessionParams,
  SessionCreate,
  SessionList,
  SessionParams,
  SessionUpdate,
  SessionView,
  VersionQuery,
} from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import type { SessionService } from './sessions.service.ts';

const tags = ['rounds'];
/** Whoever may add, edit and delete rounds writes their sessions. */
const WRITE = { permission: 'structure:write' as const };
const READ = { permission: 'agreement:read' as const };

export function sessionRoutes(app: FastifyInstance, sessions: SessionService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/rounds/:round/sessions';

  r.get(base, {
    config: READ,
    schema: { tags, summary: 'List the sessions of a negotiation round, by start', params: RoundSessionParams, response: { 200: SessionList, ...errorResponses } },
    handler: async (req) => ({ items: await sessions.list(req.params.agreement, req.params.round) }),
  });

  r.post(base, {
    config: WRITE,
    schema: {
      tags,
      summary: 'Add a session to a negotiation round (delegations, mediators, agenda linked to clauses, outcome)',
      params: RoundSessionParams,
      body: SessionCreate,
      response: { 201: SessionView, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await sessions.create(req.params.agreement, req.params.round, req.body, actorOf(req))),
  });

  r.get(`${base}/:id`, {
    config: READ,
    schema: { tags, summary: 'Read a session of a negotiation round', params: SessionParams, response: { 200: SessionView, ...errorResponses } },
    handler: async (req) => sessions.get(req.params.agreement, req.params.round, req.params.id),
  });

  r.patch(`${base}/:id`, {
    config: WRITE,
    schema: {
      tags,
      summary: 'Edit a session (send the version you read); lists are replaced whole',
      params: SessionParams,
      body: SessionUpdate,
      response: { 200: SessionView, ...errorResponses },
    },
    handler: async (req) => sessions.update(req.params.agreement, req.params.round, req.params.id, req.body, actorOf(req)),
  });

  r.delete(`${base}/:id`, {
    config: WRITE,
    schema: {
      tags,
      summary: 'Delete a session (send the version you read)',
      params: SessionParams,
      querystring: VersionQuery,
      response: { 200: Deleted, ...errorResponses },
    },
    handler: async (req) => {
      await sessions.remove(req.params.agreement, req.params.round, req.params.id, req.query.version, actorOf(req));
      return { deleted: true as const, id: req.params.id };
    },
  });

  r.get('/api/agreements/:agreement/rounds.ics', {
    config: READ,
    schema: {
      tags,
      summary: "The round calendar as iCalendar in the agreement's time zone: each session an event, each round without sessions an all-day event",
      params: AgreementRefParams,
      response: { 200: z.string().describe('text/calendar'), ...errorResponses },
    },
    handler: async (req, reply) => {
      const { agreement, text } = await sessions.ics(req.params.agreement);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${agreement.slug}-rounds.ics"`)
        .send(text);
    },
  });
}
