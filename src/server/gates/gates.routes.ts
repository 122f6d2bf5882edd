/** Filled in by issue 11's work (docs/GATES.md). */
import type { FastifyInstance } from 'fastify';
import type { GatesService } from './gates.service.ts';

export function gatesRoutes(app: FastifyInstance, service: GatesService): void {
  void app;
  void service;
}
