/** /api/agreements/:agreement/matrix: the Strategic Matrix, computed from the data, cached (src/server/views). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, errorResponses, MatrixView } from '../../contract/index.ts';
import type { MatrixService } from './matrix.service.ts';
import { agreementOf } from '../views/view-cache.ts';

export function matrixRoutes(app: FastifyInstance, service: MatrixService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/matrix', {
    config: { permission: 'agreement:read' },
    schema: {
      tags: ['matrix'],
      summary: 'The Strategic Matrix: per phase, objective, ground realities and bottlenecks, computed now',
      params: AgreementRefParams,
      response: { 200: MatrixView, ...errorResponses },
    },
    // From memory until a write to the agreement or the next deadline or violation-window boundary.
    handler: async (req, reply) =>
      reply.sendView({
        view: 'matrix',
        schema: MatrixView,
        follows: 'agreement',
        build: async () => {
          const { matrix, validUntil } = await service.current(agreementOf(req));
          return { value: matrix, validUntil };
        },
      }),
  });
}
