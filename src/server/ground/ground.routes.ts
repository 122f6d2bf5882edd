/**
 * The ground against the agreement (docs/GATES.md), under /api/agreements/:agreement: coverage of
 * sectors by a zone and the areas held over time, the withdrawal schedule with its verifications,
 * indicators with their observations (CSV import included), series and streaks.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementRefParams,
  AreaHistoryView,
  CoverageQuery,
  errorResponses,
  GroundItemParams,
  IndicatorCreate,
  IndicatorSeriesView,
  IndicatorUpdate,
  IndicatorView,
  ObservationCreate,
  ObservationCsvBody,
  ObservationImportResult,
  ObservationPage,
  ObservationPageQuery,
  ObservationView,
  SeriesQuery,
  WithdrawalItemCreate,
  WithdrawalItemUpdate,
  WithdrawalItemView,
  WithdrawalVerificationCreate,
  ZoneCoverageView,
} from '../../contract/index.ts';
import { DomainError } from '../../core/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { partRoutes } from '../parts/part-routes.ts';
import { routeSchema } from '../route-schema.ts';
import type { GroundService } from './ground.service.ts';

/** Largest observations CSV: as the GeoJSON import (100,000 rows of date, value and a source fit well inside). */
export const MAX_OBSERVATION_IMPORT_BYTES = 20 * 1_048_576;

export function groundRoutes(app: FastifyInstance, service: GroundService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement';

  // --- Areas held and coverage ---
  r.get(`${base}/zones/:id/coverage`, {
    ...routeSchema('agreement:read', { tags: ['zones'], summary: 'How much of each zone of a kind (sector by default) a zone covers, in km² and shares', params: GroundItemParams, querystring: CoverageQuery }, { 200: ZoneCoverageView }),
    handler: async (req) => service.areas.coverage(req.params.agreement, req.params.id, req.query.kind),
  });

  r.get(`${base}/areas/history`, {
    ...routeSchema('agreement:read', { tags: ['zones'], summary: "Each controlled area's snapshots over time, with its coverage of each zone of a kind (sector by default)", params: AgreementRefParams, querystring: CoverageQuery }, { 200: AreaHistoryView }),
    handler: async (req) => service.areas.history(req.params.agreement, req.query.kind),
  });

  r.get(`${base}/zones/:id/indicators`, {
    ...routeSchema('agreement:read', { tags: ['indicators'], summary: "The indicators measuring a zone's flows (an aid corridor's, a crossing's), with their streaks", params: GroundItemParams }, { 200: z.object({ items: z.array(IndicatorView) }) }),
    handler: async (req) => ({ items: await service.indicators.forZone(req.params.agreement, req.params.id) }),
  });

  // --- Withdrawal schedule ---
  partRoutes(
    app,
    {
      path: 'withdrawal-items',
      noun: 'withdrawal item',
      create: WithdrawalItemCreate,
      update: WithdrawalItemUpdate,
      view: WithdrawalItemView,
      writePermission: 'ground:write',
      summaries: { create: 'Add a withdrawal item (a force leaving an area by a deadline)' },
    },
    service.withdrawals,
  );

  r.post(`${base}/withdrawal-items/:id/verifications`, {
    ...routeSchema('ground:observe', { tags: ['withdrawal-items'], summary: 'Record what was observed of a withdrawal (append-only); answers the item with its status now', params: GroundItemParams, body: WithdrawalVerificationCreate }, { 201: WithdrawalItemView }),
    handler: async (req, reply) => reply.status(201).send(await service.withdrawals.verify(req.params.agreement, req.params.id, req.body, actorOf(req))),
  });

  // --- Indicators ---
  partRoutes(
    app,
    {
      path: 'indicators',
      noun: 'indicator',
      create: IndicatorCreate,
      update: IndicatorUpdate,
      view: IndicatorView,
      writePermission: 'ground:write',
      summaries: { create: 'Add an indicator (a measured quantity with a target)' },
    },
    service.indicators,
  );

  r.get(`${base}/indicators/:id/observations`, {
    ...routeSchema('agreement:read', { tags: ['indicators'], summary: "An indicator's observations, one page, by date", params: GroundItemParams, querystring: ObservationPageQuery }, { 200: ObservationPage }),
    handler: async (req) => service.indicators.observations(req.params.agreement, req.params.id, req.query),
  });

  r.post(`${base}/indicators/:id/observations`, {
    ...routeSchema('ground:observe', { tags: ['indicators'], summary: 'Record one observation (one per date: another on the same date is a 409)', params: GroundItemParams, body: ObservationCreate }, { 201: ObservationView }),
    handler: async (req, reply) => reply.status(201).send(await service.indicators.observe(req.params.agreement, req.params.id, req.body, actorOf(req))),
  });

  r.get(`${base}/indicators/:id/series`, {
    ...routeSchema('agreement:read', { tags: ['indicators'], summary: 'The observations as a chart draws them (target and met per point) and the current streak', params: GroundItemParams, querystring: SeriesQuery }, { 200: IndicatorSeriesView }),
    handler: async (req) => service.indicators.series(req.params.agreement, req.params.id, req.query),
  });

  // The CSV is taken as text on this route only, up to the import's size limit.
  app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_OBSERVATION_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(`${base}/indicators/:id/observations/import`, {
      config: { permission: 'ground:observe' },
      bodyLimit: MAX_OBSERVATION_IMPORT_BYTES,
      schema: {
        tags: ['indicators'],
        summary: 'Import observations from CSV (Content-Type: text/csv; date,value[,source]), all or nothing: 400 invalid_csv lists every error with its line',
        params: GroundItemParams,
        body: ObservationCsvBody,
        response: { 201: ObservationImportResult, ...errorResponses },
      },
      handler: async (req, reply) => {
        if (!/^text\/(csv|plain)\b/i.test(String(req.headers['content-type'] ?? ''))) {
          throw new DomainError('unsupported_media_type', 'Send the CSV as the body with Content-Type: text/csv');
        }
        return reply.status(201).send(await service.indicators.importCsv(req.params.agreement, req.params.id, req.body, actorOf(req)));
      },
    });
  });
}
