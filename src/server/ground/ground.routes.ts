/** Filled in by issue 11's work (docs/GATES.md). */
import type { FastifyInstance } from 'fastify';
import type { GroundService } from './ground.service.ts';

export function groundRoutes(app: FastifyInstance, service: GroundService): void {
  void app;
  void service;
}
