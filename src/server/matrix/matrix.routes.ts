/** /api/agreements/:agreement/matrix: the Strategic Matrix, computed from the data, cached (src/server/views). */
import type { FastifyInstance } from 'fastify';
import { AgreementRefParams, MatrixView } from '../../contract/index.ts';
import type { MatrixService } from './matrix.service.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';

export function matrixRoutes(app: FastifyInstance, service: MatrixService): void {
  // From memory until a write to the agreement or the next deadline or violation-window boundary.
  viewRoute(app, '/api/agreements/:agreement/matrix', 'agreement:read', { tags: ['matrix'], summary: 'The Strategic Matrix: per phase, objective, ground realities and bottlenecks, computed now', params: AgreementRefParams }, {
    view: 'matrix', schema: MatrixView, follows: 'agreement',
    build: async (req) => {
      const { matrix, validUntil } = await service.current(agreementOf(req), req.principal);
      return { value: matrix, validUntil };
    },
  });
}
