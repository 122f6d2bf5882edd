/** /api/precedents: the UCDP Peace Agreement library and survival curves. */
import type { FastifyInstance } from 'fastify';
import type { PrecedentsService } from './precedents.service.ts';

export function precedentsRoutes(_app: FastifyInstance, _service: PrecedentsService): void {}
