/** /api/agreements/:agreement/brief: the situation brief as JSON, Markdown, HTML or PDF. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementRefParams, BriefQuery, BriefView, ErrorBody } from '../../contract/index.ts';
import { BRIEF_CSP } from '../../core/index.ts';
import { ChromiumMissingError, PdfPrintError } from '../negotiation/export-pdf.ts';
import { routeSchema } from '../route-schema.ts';
import { agreementOf } from '../views/view-cache.ts';
import { briefFileName, type BriefService } from './brief.service.ts';

export function briefRoutes(app: FastifyInstance, service: BriefService, options: { pdf: { chromiumPath?: string | undefined } | null }): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/brief', {
    ...routeSchema(
      'agreement:read',
      {
        tags: ['brief'],
        summary: 'The situation brief as of a day, for your view: headline, matrix, negotiation state, rounds, ground, force, forecast, collapse risk and sources',
        params: AgreementRefParams,
        querystring: BriefQuery,
      },
      { 200: z.unknown().describe('format=json: the model (BriefView in the schemas); md, html, pdf: the file (Content-Disposition: attachment)'), 503: ErrorBody },
    ),
    handler: async (req, reply) => {
      const ref = agreementOf(req).id;
      const { asOf, format } = req.query;
      // A brief names a day and a reader: never cached by anyone else.
      reply.header('cache-control', 'private, no-store');
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(BriefView.parse(await service.model(ref, req.principal, asOf)));
      if (format === 'md') {
        const { view, text } = await service.markdown(ref, req.principal, asOf);
        return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${briefFileName(view, 'md')}"`).send(text);
      }
      if (format === 'html') {
        const { view, text } = await service.html(ref, req.principal, asOf);
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', BRIEF_CSP)
          .header('content-disposition', `attachment; filename="${briefFileName(view, 'html')}"`)
          .send(text);
      }
      try {
        if (!options.pdf) throw new ChromiumMissingError('this server was started without PDF printing');
        const { view, bytes } = await service.pdf(ref, req.principal, asOf, { chromiumPath: options.pdf.chromiumPath, searchPath: process.env.PATH });
        return await reply.type('application/pdf').header('content-disposition', `attachment; filename="${briefFileName(view, 'pdf')}"`).send(bytes);
      } catch (err) {
        // No browser is how this server is set up (422: the other formats still work); a print that failed is a fault (503).
        if (err instanceof ChromiumMissingError || err instanceof PdfPrintError) {
          return reply.status(err instanceof ChromiumMissingError ? 422 : 503).send({ error: { code: err.code, message: err.message, details: {} } });
        }
        throw err;
      }
    },
  });
}
