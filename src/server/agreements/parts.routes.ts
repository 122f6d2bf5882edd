/** /api/agreements/:agreement/{parties,phases,pillars,rounds}: the five routes of each part. */
import type { FastifyInstance } from 'fastify';
import {
  PartyCreate,
  PartyUpdate,
  PartyView,
  PhaseCreate,
  PhaseUpdate,
  PhaseView,
  PillarCreate,
  PillarUpdate,
  PillarView,
  RoundCreate,
  RoundUpdate,
  RoundView,
} from '../../contract/index.ts';
import { partRoutes } from '../parts/part-routes.ts';
import type { AgreementService } from './agreements.service.ts';

export function agreementPartRoutes(app: FastifyInstance, service: AgreementService): void {
  const writePermission = 'structure:write';
  partRoutes(app, { path: 'parties', noun: 'party', create: PartyCreate, update: PartyUpdate, view: PartyView, writePermission }, service.parties);
  partRoutes(app, { path: 'phases', noun: 'phase', create: PhaseCreate, update: PhaseUpdate, view: PhaseView, writePermission }, service.phases);
  partRoutes(app, { path: 'pillars', noun: 'pillar', create: PillarCreate, update: PillarUpdate, view: PillarView, writePermission }, service.pillars);
  partRoutes(
    app,
    { path: 'rounds', noun: 'negotiation round', create: RoundCreate, update: RoundUpdate, view: RoundView, writePermission },
    service.rounds,
  );
}
