/** /api/agreements/:agreement/matrix: the Strategic Matrix, computed from the data. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgreementRefParams, errorResponses, MatrixView } from '../../contract/index.ts';
import type { MatrixService } from './matrix.service.ts';

export function matrixRoutes(app: FastifyInstance, service: MatrixService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agreements/:agreement/matrix', {
    config: { permission: 'agreement:read' },
    schema: {
      tags: ['matrix'],
      summary: 'The Strategic Matrix: per phase, objective, ground realities and bottlenecks, computed now',
      params: AgreementRefParams,
      response: { 200: MatrixView, ...errorResponses },
    },
    handler: async (req) => service.get(req.params.agreement),
  });
}
