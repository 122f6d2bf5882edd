/** /api/agreements/:agreement/documents: negotiated texts, their clauses, versions, stances and consensus. */
import type { FastifyInstance } from 'fastify';
import type { NegotiationService } from './negotiation.service.ts';

export function negotiationRoutes(_app: FastifyInstance, _negotiation: NegotiationService): void {}
