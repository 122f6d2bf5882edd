/** The collapse risk (docs/FORECAST.md): its parts per reader, weights per agreement, the history per audience. */
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Write } from '../write.ts';
import type { ForceService } from '../force/force.service.ts';
import type { ForecastService } from '../forecast/forecast.service.ts';
import type { GatesService } from '../gates/gates.service.ts';
import type { PrecedentsService } from '../precedents/precedents.service.ts';

export function riskService(_deps: { repos: Repositories; write: Write; clock: Clock; forecast: ForecastService; precedents: PrecedentsService; gates: GatesService; force: ForceService }) {
  return {};
}
export type RiskService = ReturnType<typeof riskService>;
