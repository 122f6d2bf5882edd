/**
 * /api/agreements/:agreement/incidents: the list (text search, filters, keyset paging, totals by status), reports, edits, the
 * verification workflow, and the streamed export.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementRefParams,
  encodeCursor,
  errorResponses,
  ExportQuery,
  Id,
  IncidentCreate,
  IncidentDetail,
  IncidentListQuery,
  IncidentPage,
  IncidentUpdate,
  IncidentView,
  TransitionRequest,
} from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { EXPORT_CONTENT_TYPES, startExport } from './export.ts';
import type { IncidentService } from './incidents.service.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';
import { routeSchema } from '../route-schema.ts';

const tags = ['incidents'];
export const ItemParams = AgreementRefParams.extend({ id: Id });

export function incidentRoutes(app: FastifyInstance, service: IncidentService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/incidents';

  viewRoute(app, base, 'incident:read', { tags, summary: 'List incidents, newest first (search words of the description and place; filter by time, status, category, party, zone, source, provision, box; keyset paging), with the totals by status', params: AgreementRefParams, querystring: IncidentListQuery }, {
    view: 'incidents', schema: IncidentPage, follows: 'agreement',
    build: async (req) => {
      const page = await service.page(agreementOf(req).id, req.query);
      const value = { ...page, limit: req.query.limit, offset: req.query.cursor ? 0 : req.query.offset, nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null };
      return { value };
    },
  });

  r.post(base, {
    ...routeSchema('incident:report', { tags, summary: 'Report an incident (a point is given its zone; a party delegate files a party complaint)', params: AgreementRefParams, body: IncidentCreate }, { 201: IncidentView }),
    handler: async (req, reply) => reply.status(201).send(await service.create(req.params.agreement, req.body, req.principal, actorOf(req))),
  });

  r.get(`${base}/export`, {
    config: { permission: 'incident:read' },
    schema: {
      tags,
      summary: 'Export the incidents matching the list filters as CSV, JSON or GeoJSON, streamed',
      params: AgreementRefParams,
      querystring: ExportQuery,
      response: { 200: z.unknown().describe('CSV (header row first), a JSON array, or a GeoJSON FeatureCollection'), ...errorResponses },
    },
    handler: async (req, reply) => {
      const { format, limit, from, to, ...filter } = req.query;
      const selection = { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
      const { agreement, chunks: all } = await service.exportOf(req.params.agreement, selection, format, limit);
      const chunks = await startExport(all);
      const extension = format === 'geojson' ? 'geojson' : format;
      return reply
        .header('content-type', EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${agreement.slug}-incidents.${extension}"`)
        .send(Readable.from(chunks));
    },
  });

  r.get(`${base}/:id`, {
    ...routeSchema('incident:read', { tags, summary: 'Read an incident with its history, evidence, responses and the steps open to it', params: ItemParams }, { 200: IncidentDetail }),
    handler: async (req) => service.detail(req.params.agreement, req.params.id),
  });

  r.patch(`${base}/:id`, {
    ...routeSchema('incident:report', { tags, summary: 'Edit a report (send the version you read); status and attribution change only through transitions', params: ItemParams, body: IncidentUpdate }, { 200: IncidentView }),
    handler: async (req) => service.update(req.params.agreement, req.params.id, req.body, req.principal, actorOf(req)),
  });

  r.post(`${base}/:id/transitions`, {
    ...routeSchema('incident:verify', { tags, summary: 'Move the incident one step through the verification workflow (409 lists the allowed steps)', params: ItemParams, body: TransitionRequest }, { 200: IncidentDetail }),
    handler: async (req) => {
      await service.transition(req.params.agreement, req.params.id, req.body, actorOf(req));
      return service.detail(req.params.agreement, req.params.id);
    },
  });
}
