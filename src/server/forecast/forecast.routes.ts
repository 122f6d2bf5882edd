/** /api/agreements/:agreement/forecast: the escalation model and the count forecasts with their backtests. */
import type { FastifyInstance } from 'fastify';
import { AgreementForecastView, AgreementRefParams, AsOfQuery } from '../../contract/index.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';
import type { ForecastService } from './forecast.service.ts';

export function forecastRoutes(app: FastifyInstance, service: ForecastService): void {
  // Built from verified incidents and indicators: read by whoever may read incidents. Cached until a
  // write; without asOf (today) also until the agreement's next midnight, when today moves on.
  viewRoute(
    app,
    '/api/agreements/:agreement/forecast',
    'incident:read',
    {
      tags: ['forecast'],
      summary: "The agreement's forecast as of a day: the escalation model on its verified incidents, and the count model on its daily series with backtests",
      params: AgreementRefParams,
      querystring: AsOfQuery,
    },
    {
      view: 'forecast',
      schema: AgreementForecastView,
      follows: 'agreement',
      build: async (req) => {
        const agreement = agreementOf(req);
        const value = await service.agreement(agreement.id, req.query.asOf);
        return { value, validUntil: req.query.asOf ? null : service.nextMidnight(agreement.timeZone, value.asOf) };
      },
    },
  );
}
