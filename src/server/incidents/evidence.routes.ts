/** Evidence (links and files with their SHA-256) and parties' responses on an incident. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../core/index.ts';
import { EvidenceFileQuery, EvidenceLinkCreate, EvidenceView, errorResponses, Id, ResponseCreate, ResponseView } from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { MAX_EVIDENCE_BYTES, type EvidenceService } from './evidence.service.ts';
import { ItemParams } from './incidents.routes.ts';
import { routeSchema } from '../route-schema.ts';

const tags = ['incidents'];

// Types a browser may show inline; anything else is served as bytes to save.
const INLINE_SAFE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'video/mp4', 'audio/mpeg', 'audio/wav']);

export function evidenceRoutes(app: FastifyInstance, service: EvidenceService): void {
  const base = '/api/agreements/:agreement/incidents/:id';

  app.withTypeProvider<ZodTypeProvider>().post(`${base}/evidence`, {
    ...routeSchema('incident:report', { tags, summary: 'Add a link as evidence', params: ItemParams, body: EvidenceLinkCreate }, { 201: EvidenceView }),
    handler: async (req, reply) => reply.status(201).send(await service.addLink(req.params.agreement, req.params.id, req.body, req.principal, actorOf(req))),
  });

  // Raw bytes are accepted on this route only, up to the evidence size limit.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().put(`${base}/evidence`, {
      config: { permission: 'incident:report' },
      bodyLimit: MAX_EVIDENCE_BYTES,
      schema: {
        tags,
        summary: 'Upload a file as evidence (body: application/octet-stream, at most 20 MiB); the server computes its SHA-256',
        params: ItemParams,
        querystring: EvidenceFileQuery,
        response: { 201: EvidenceView, ...errorResponses },
      },
      handler: async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) {
          throw new DomainError('unsupported_media_type', 'Send the file as the body with Content-Type: application/octet-stream');
        }
        const evidence = await service.addFile(req.params.agreement, req.params.id, req.body, req.query, req.principal, actorOf(req));
        return reply.status(201).send(evidence);
      },
    });
  });

  app.withTypeProvider<ZodTypeProvider>().get(`${base}/evidence/:evidenceId/file`, {
    ...routeSchema('incident:read', { tags, summary: 'Download an evidence file; Repr-Digest carries its SHA-256', params: ItemParams.extend({ evidenceId: Id }) }, { 200: z.unknown().describe('The file as uploaded') }),
    handler: async (req, reply) => {
      const { evidence, bytes } = await service.file(req.params.agreement, req.params.id, req.params.evidenceId);
      const type = evidence.contentType && INLINE_SAFE.has(evidence.contentType) ? evidence.contentType : 'application/octet-stream';
      return reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(evidence.name)}`)
        .header('repr-digest', `sha-256=:${Buffer.from(evidence.sha256 ?? '', 'hex').toString('base64')}:`)
        .header('etag', `"${evidence.sha256}"`)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  });

  app.withTypeProvider<ZodTypeProvider>().post(`${base}/responses`, {
    ...routeSchema('incident:respond', { tags, summary: "Respond to the allegation for the party it names (a delegate: its own party's only)", params: ItemParams, body: ResponseCreate }, { 201: ResponseView }),
    handler: async (req, reply) => reply.status(201).send(await service.respond(req.params.agreement, req.params.id, req.body, req.principal, actorOf(req))),
  });
}
