/**
 * GET /api/agreements/:agreement/documents/:document/events: the document, live. A Server-Sent
 * Events stream that says `change` whenever what this reader may see of the document changed: an
 * edit, a settled group, a stance they may read. A stance confidential to an audience the reader is
 * outside of changes nothing they see, so it sends them nothing (live-feed.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementRefParams, errorResponses, Id } from '../../contract/index.ts';
import { streamEvents } from '../live/live-feed.ts';
import { agreementOf } from '../views/view-cache.ts';
import type { NegotiationService } from './negotiation.service.ts';

const DocumentParams = AgreementRefParams.extend({ document: Id });

export function documentEventRoutes(app: FastifyInstance, negotiation: NegotiationService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/documents/:document/events', {
    config: { permission: 'agreement:read' },
    schema: {
      tags: ['negotiation'],
      summary: 'Live changes of a document, as Server-Sent Events (only what you may see)',
      description:
        'A `text/event-stream`: `event: ready` at once, then `event: change` (data `{ "fingerprint" }`) within two seconds of ' +
        'any write that changes what you may see of the document; reload the document on each. Nothing is sent for ' +
        'a change you may not see. The stream ends after a few minutes and the browser reconnects (checking the session again).',
      params: DocumentParams,
      produces: ['text/event-stream'],
      response: { 200: z.string().describe('An event stream'), ...errorResponses },
    },
    handler: async (req, reply) => {
      const agreement = agreementOf(req);
      const view = () => negotiation.view(agreement, req.params.document, req.principal);
      await streamEvents(req, reply, {
        feed: app.live.feed,
        agreementId: agreement.id,
        version: req.agreementState?.version ?? null,
        view,
        maxMs: app.live.maxMs,
      });
    },
  });
}
