/** The situation brief (docs/FORECAST.md): its model for one reader as of one day, and its Markdown, HTML and PDF. */
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { ForceService } from '../force/force.service.ts';
import type { ForecastService } from '../forecast/forecast.service.ts';
import type { GatesService } from '../gates/gates.service.ts';
import type { GroundService } from '../ground/ground.service.ts';
import type { MatrixService } from '../matrix/matrix.service.ts';
import type { NegotiationService } from '../negotiation/negotiation.service.ts';
import type { PrecedentsService } from '../precedents/precedents.service.ts';
import type { RiskService } from '../risk/risk.service.ts';
import type { SessionService } from '../rounds/sessions.service.ts';

export interface BriefDeps {
  repos: Repositories;
  clock: Clock;
  matrix: MatrixService;
  negotiation: NegotiationService;
  sessions: SessionService;
  ground: GroundService;
  force: ForceService;
  gates: GatesService;
  forecast: ForecastService;
  risk: RiskService;
  precedents: PrecedentsService;
}

export function briefService(_deps: BriefDeps) {
  return {};
}
export type BriefService = ReturnType<typeof briefService>;
