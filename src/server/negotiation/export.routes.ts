/** GET /api/agreements/:agreement/documents/:document/export: a negotiated document as a DOCX, PDF or Markdown download. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementRefParams, ErrorBody, errorResponses, Id, INT4_MAX } from '../../contract/index.ts';
import type { Clock } from '../clock.ts';
import { agreementOf } from '../views/view-cache.ts';
import { ChromiumMissingError, PdfPrintError } from './export-pdf.ts';
import { EXPORT_FORMATS, exportDocument } from './export.ts';
import type { NegotiationService } from './negotiation.service.ts';

const ExportParams = AgreementRefParams.extend({ document: Id });
const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).describe('docx (Word), pdf (printed by Chromium on the server) or md (Markdown)'),
  revision: z.coerce.number().int().min(1).max(INT4_MAX).optional().describe('A past revision of the document; defaults to the current one'),
});

export interface ExportRouteOptions {
  clock: Clock;
  /** How to print PDF (CHROMIUM_PATH, when configured); null: this app prints no PDF. */
  pdf: { chromiumPath?: string | undefined } | null;
}

export function documentExportRoutes(app: FastifyInstance, negotiation: NegotiationService, options: ExportRouteOptions): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/documents/:document/export', {
    config: { permission: 'agreement:read' },
    schema: {
      tags: ['negotiation'],
      summary: 'Download a document as DOCX, PDF or Markdown, now or at a past revision; bracketed text is marked as not agreed',
      description: 'PDF is printed by Chromium on the server: 422 pdf_unavailable when the server has none (CHROMIUM_PATH), 503 pdf_failed when it could not print.',
      params: ExportParams,
      querystring: ExportQuery,
      response: { 200: z.unknown().describe('The file (Content-Disposition: attachment)'), ...errorResponses, 503: ErrorBody },
    },
    handler: async (req, reply) => {
      try {
        if (req.query.format === 'pdf' && !options.pdf) throw new ChromiumMissingError('this server was started without PDF printing');
        const exported = await exportDocument(negotiation, agreementOf(req), req.params.document, {
          format: req.query.format,
          revision: req.query.revision,
          now: options.clock.now(),
          print: { chromiumPath: options.pdf?.chromiumPath, searchPath: process.env.PATH },
        });
        return await reply
          .type(exported.contentType)
          .header('content-disposition', `attachment; filename="${exported.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(exported.body);
      } catch (err) {
        // No browser is how this server is set up, not a fault (422, as DOCX and Markdown still work); a print that failed is one (503).
        if (err instanceof ChromiumMissingError || err instanceof PdfPrintError) {
          return reply.status(err instanceof ChromiumMissingError ? 422 : 503).send({ error: { code: err.code, message: err.message, details: {} } });
        }
        throw err;
      }
    },
  });
}
