/** Filled in by issue 11's work (docs/GATES.md). */
import type { FastifyInstance } from 'fastify';
import type { ForceService } from './force.service.ts';

export function forceRoutes(app: FastifyInstance, service: ForceService): void {
  void app;
  void service;
}
