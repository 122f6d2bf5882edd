/** /api/agreements/:agreement/notes: party notes, confidential ones only to their party's circle. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementRefParams, Deleted, Id, NoteCreate, NoteUpdate, NoteView, VersionQuery } from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import type { NoteService } from './notes.service.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';
import { routeSchema } from '../route-schema.ts';

const tags = ['notes'];
const ItemParams = AgreementRefParams.extend({ id: Id });
const NoteList = z.object({ items: z.array(NoteView) });

export function noteRoutes(app: FastifyInstance, notes: NoteService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/notes';

  // Cached per reader's audiences; every write moves it on, an author's new name included.
  viewRoute(app, base, 'agreement:read', { tags, summary: 'Notes you may read: shared ones, and confidential ones of your own party (mediators: all)', params: AgreementRefParams, querystring: z.object({ partyId: Id.optional(), provisionId: Id.optional() }) }, {
    view: 'notes', schema: NoteList, follows: 'everything',
    build: async (req) => ({ value: { items: await notes.list(agreementOf(req).id, req.principal, req.query) } }),
  });

  r.post(base, {
    ...routeSchema('note:write', { tags, summary: "Write a note for a party (a delegate: their own party's only)", params: AgreementRefParams, body: NoteCreate }, { 201: NoteView }),
    handler: async (req, reply) => reply.status(201).send(await notes.create(req.params.agreement, req.body, req.principal, actorOf(req))),
  });

  r.get(`${base}/:id`, {
    ...routeSchema('agreement:read', { tags, summary: 'Read a note', params: ItemParams }, { 200: NoteView }),
    handler: async (req) => notes.get(req.params.agreement, req.params.id, req.principal),
  });

  r.patch(`${base}/:id`, {
    ...routeSchema('note:write', { tags, summary: 'Edit a note (send the version you read)', params: ItemParams, body: NoteUpdate }, { 200: NoteView }),
    handler: async (req) => notes.update(req.params.agreement, req.params.id, req.body, req.principal, actorOf(req)),
  });

  r.delete(`${base}/:id`, {
    ...routeSchema('note:write', { tags, summary: 'Delete a note (send the version you read)', params: ItemParams, querystring: VersionQuery }, { 200: Deleted }),
    handler: async (req) => {
      await notes.remove(req.params.agreement, req.params.id, req.query.version, req.principal, actorOf(req));
      return { deleted: true as const, id: req.params.id };
    },
  });
}
