/** The agreement's forecast (docs/FORECAST.md): escalation on verified incidents, counts and backtests. */
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { GroundService } from '../ground/ground.service.ts';

export function forecastService(_deps: { repos: Repositories; clock: Clock; ground: GroundService }) {
  return {};
}
export type ForecastService = ReturnType<typeof forecastService>;
