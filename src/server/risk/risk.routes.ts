/**
 * /api/agreements/:agreement/risk: the collapse risk with its parts as you may see them and the
 * history of your own view; .../risk/weights (read, set at a version); .../risk/snapshots (record the
 * score once per audience). Reads are cached per reader until a write, midnight or the next deadline.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementRefParams, AsOfQuery, RiskRecordView, RiskView, RiskWeightsBody, RiskWeightsView } from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { routeSchema } from '../route-schema.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';
import type { RiskService } from './risk.service.ts';

const tags = ['risk'];
const RecordBody = AsOfQuery.extend({}).describe('The day to record as of (default today in the agreement\'s zone)');

export function riskRoutes(app: FastifyInstance, service: RiskService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/risk';

  viewRoute(
    app,
    base,
    'agreement:read',
    { tags, summary: "The collapse risk as of a day: each part's value, source, weight, score and explanation, the score, and the recorded history of your own view (everyone's, the mediators' or your party's circle)", params: AgreementRefParams, querystring: AsOfQuery },
    {
      view: 'risk', schema: RiskView, follows: 'agreement',
      build: async (req) => {
        const { view, validUntil } = await service.currentWithValidity(agreementOf(req).id, req.principal, req.query.asOf);
        return { value: view, validUntil };
      },
    },
  );

  viewRoute(app, `${base}/weights`, 'agreement:read', { tags, summary: "The risk's weight per part (0 to 10; never set: 1) and the version to send when setting them", params: AgreementRefParams }, {
    view: 'risk-weights', schema: RiskWeightsView, follows: 'agreement',
    build: async (req) => ({ value: await service.weights(agreementOf(req).id) }),
  });

  r.put(`${base}/weights`, {
    ...routeSchema('risk:write', { tags, summary: 'Set the weights (parts not named weigh 1) at the version read (0 when never set); a stale version is 409', params: AgreementRefParams, body: RiskWeightsBody }, { 200: RiskWeightsView }),
    handler: async (req) => service.setWeights(req.params.agreement, req.body, actorOf(req)),
  });

  r.post(`${base}/snapshots`, {
    ...routeSchema(
      'risk:write',
      { tags, summary: "Record the score as of a day once per audience (everyone's view, the mediators', each party's circle); append-only", params: AgreementRefParams, body: RecordBody.nullish() },
      { 201: RiskRecordView },
    ),
    handler: async (req, reply) => reply.status(201).send(await service.record(req.params.agreement, actorOf(req), (req.body as z.output<typeof RecordBody> | null | undefined)?.asOf)),
  });
}
