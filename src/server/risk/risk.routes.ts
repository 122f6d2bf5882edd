/** /api/agreements/:agreement/risk: the collapse risk with its parts, its weights and its history. */
import type { FastifyInstance } from 'fastify';
import type { RiskService } from './risk.service.ts';

export function riskRoutes(_app: FastifyInstance, _service: RiskService): void {}
