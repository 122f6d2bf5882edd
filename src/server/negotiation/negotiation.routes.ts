/** /api/agreements/:agreement/documents: negotiated texts, their clauses, versions, stances and consensus. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementRefParams,
  ClauseUpdate,
  ClauseVersionList,
  ClauseView,
  Deleted,
  DiffQuery,
  DiffView,
  DocumentCreate,
  DocumentList,
  DocumentUpdate,
  DocumentView,
  errorResponses,
  Id,
  MarkdownQuery,
  SettleRequest,
  StanceCreate,
  StanceList,
  StanceView,
  VersionQuery,
} from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { agreementOf } from '../views/view-cache.ts';
import type { NegotiationService } from './negotiation.service.ts';

const tags = ['negotiation'];
const DocumentParams = AgreementRefParams.extend({ document: Id });
const ClauseParams = DocumentParams.extend({ clause: Id });
const BRACKETS = "A bracket that does not pair up is refused with 400 bracket_syntax, its details naming the line and column; nothing is written.";

export function negotiationRoutes(app: FastifyInstance, negotiation: NegotiationService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/documents';
  const one = `${base}/:document`;
  const clause = `${one}/clauses/:clause`;

  // Consensus is computed from the stances each reader may see: cached per reader's audiences.
  r.get(base, {
    config: { permission: 'agreement:read' },
    schema: {
      tags,
      summary: "The agreement's negotiated documents, with their consensus counts from the stances you may see",
      params: AgreementRefParams,
      response: { 200: DocumentList, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.sendView({
        view: 'documents',
        schema: DocumentList,
        follows: 'agreement',
        build: async () => ({ value: { items: await negotiation.list(agreementOf(req), req.principal) } }),
      }),
  });

  r.post(base, {
    config: { permission: 'document:write' },
    schema: {
      tags,
      summary: 'Import a document from Markdown',
      description: `The title defaults to the first level-1 heading (400 when there is neither). ${BRACKETS}`,
      params: AgreementRefParams,
      body: DocumentCreate,
      response: { 201: DocumentView, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await negotiation.create(agreementOf(req), req.body, req.principal, actorOf(req))),
  });

  // Authors' names are in it: it follows every write, keyed per document and reader.
  r.get(one, {
    config: { permission: 'agreement:read' },
    schema: {
      tags,
      summary: 'A document: sections, clauses with their alternatives, the current stances you may see and the consensus from them',
      params: DocumentParams,
      response: { 200: DocumentView, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.sendView({
        view: 'document',
        schema: DocumentView,
        follows: 'everything',
        key: req.params.document,
        build: async () => ({ value: await negotiation.view(agreementOf(req), req.params.document, req.principal) }),
      }),
  });

  r.patch(one, {
    config: { permission: 'document:write' },
    schema: { tags, summary: "Edit a document's title or deadline (send the version you read)", params: DocumentParams, body: DocumentUpdate, response: { 200: DocumentView, ...errorResponses } },
    handler: async (req) => negotiation.update(agreementOf(req), req.params.document, req.body, req.principal, actorOf(req)),
  });

  r.delete(one, {
    config: { permission: 'document:write' },
    schema: { tags, summary: 'Delete a document with its clauses, versions and stances', params: DocumentParams, querystring: VersionQuery, response: { 200: Deleted, ...errorResponses } },
    handler: async (req) => {
      await negotiation.remove(agreementOf(req), req.params.document, req.query.version, actorOf(req));
      return { deleted: true as const, id: req.params.document };
    },
  });

  r.get(`${one}/markdown`, {
    config: { permission: 'agreement:read' },
    schema: {
      tags,
      summary: 'The document as Markdown (text/markdown), now or at a past revision',
      params: DocumentParams,
      querystring: MarkdownQuery,
      response: { 200: z.string().describe('text/markdown'), ...errorResponses },
    },
    handler: async (req, reply) => {
      const { document, markdown } = await negotiation.markdown(agreementOf(req), req.params.document, req.query.revision);
      const name = `${document.id}${req.query.revision ? `-r${req.query.revision}` : ''}.md`;
      return reply.type('text/markdown; charset=utf-8').header('content-disposition', `inline; filename="${name}"`).send(markdown);
    },
  });

  r.get(`${one}/diff`, {
    config: { permission: 'agreement:read' },
    schema: {
      tags,
      summary: "Word diff between two revisions of the document's Markdown (default: the previous one and the current one)",
      params: DocumentParams,
      querystring: DiffQuery,
      response: { 200: DiffView, ...errorResponses },
    },
    handler: async (req) => negotiation.documentDiff(agreementOf(req), req.params.document, req.query),
  });

  r.patch(clause, {
    config: { permission: 'document:write' },
    schema: {
      tags,
      summary: "Edit a clause: a new text makes a new version (a reason is required) and moves the document's revision on",
      description: BRACKETS,
      params: ClauseParams,
      body: ClauseUpdate,
      response: { 200: ClauseView, ...errorResponses },
    },
    handler: async (req) => negotiation.updateClause(agreementOf(req), req.params.document, req.params.clause, req.body, req.principal, actorOf(req)),
  });

  r.get(`${clause}/versions`, {
    config: { permission: 'agreement:read' },
    schema: { tags, summary: "A clause's versions, oldest first, with author and reason", params: ClauseParams, response: { 200: ClauseVersionList, ...errorResponses } },
    handler: async (req) => ({ items: await negotiation.versions(agreementOf(req), req.params.document, req.params.clause) }),
  });

  r.get(`${clause}/diff`, {
    config: { permission: 'agreement:read' },
    schema: {
      tags,
      summary: 'Word diff between two versions of a clause (default: the previous one and the current one)',
      params: ClauseParams,
      querystring: DiffQuery,
      response: { 200: DiffView, ...errorResponses },
    },
    handler: async (req) => negotiation.clauseDiff(agreementOf(req), req.params.document, req.params.clause, req.query),
  });

  r.get(`${clause}/stances`, {
    config: { permission: 'agreement:read' },
    schema: { tags, summary: 'The stances on a clause you may see, newest first (the history)', params: ClauseParams, response: { 200: StanceList, ...errorResponses } },
    handler: async (req) => ({ items: await negotiation.stances(agreementOf(req), req.params.document, req.params.clause, req.principal) }),
  });

  r.post(`${clause}/stances`, {
    config: { permission: 'stance:write' },
    schema: {
      tags,
      summary: "State a party's stance on one alternative of a bracket group (a delegate: its own party's, never for the mediators only)",
      description: 'The group must be one of the clause’s current text and the alternative within it (422 otherwise).',
      params: ClauseParams,
      body: StanceCreate,
      response: { 201: StanceView, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await negotiation.addStance(agreementOf(req), req.params.document, req.params.clause, req.body, req.principal, actorOf(req))),
  });

  r.post(`${clause}/settle`, {
    config: { permission: 'document:write' },
    schema: {
      tags,
      summary: 'Settle an agreed bracket group: a new version keeping the agreed alternative without brackets (422 when not agreed)',
      params: ClauseParams,
      body: SettleRequest,
      response: { 200: ClauseView, ...errorResponses },
    },
    handler: async (req) => negotiation.settle(agreementOf(req), req.params.document, req.params.clause, req.body, req.principal, actorOf(req)),
  });
}
