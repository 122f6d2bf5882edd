/** /api/agreements/:agreement/forecast: the escalation model and the count forecasts with their backtests. */
import type { FastifyInstance } from 'fastify';
import type { ForecastService } from './forecast.service.ts';

export function forecastRoutes(_app: FastifyInstance, _service: ForecastService): void {}
