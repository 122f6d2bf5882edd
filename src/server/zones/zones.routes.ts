/** /api/agreements/:agreement/zones: zones and features on the map, drawn or imported from GeoJSON. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementRefParams,
  errorResponses,
  FeatureCollectionBody,
  ZoneCreate,
  ZoneFeatureCollection,
  ZoneImportQuery,
  ZoneImportResult,
  ZoneListQuery,
  ZoneUpdate,
  ZoneView,
} from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { partRoutes } from '../parts/part-routes.ts';
import type { ZoneService } from './zones.service.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';

const tags = ['zones'];
const ZoneList = z.object({ items: z.array(ZoneView) });

/** Largest GeoJSON import; one OCHA admin-2 layer of a country is about 2 MB. */
export const MAX_ZONE_IMPORT_BYTES = 20 * 1_048_576;

export function zoneRoutes(app: FastifyInstance, service: ZoneService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/agreements/:agreement/zones';

  viewRoute(app, base, 'agreement:read', { tags, summary: 'List zones with their geometry (filter by kind and bounding box)', params: AgreementRefParams, querystring: ZoneListQuery }, {
    view: 'zones', schema: ZoneList, follows: 'agreement',
    build: async (req) => ({ value: { items: await service.filter(agreementOf(req).id, req.query) } }),
  });

  viewRoute(app, `${base}/geojson`, 'agreement:read', { tags, summary: 'The zones as a GeoJSON FeatureCollection, for a map', params: AgreementRefParams, querystring: ZoneListQuery }, {
    view: 'zones.geojson', schema: ZoneFeatureCollection, follows: 'agreement',
    build: async (req) => ({
      value: {
        type: 'FeatureCollection' as const,
        features: (await service.filter(agreementOf(req).id, req.query)).map((z) => ({
          type: 'Feature' as const,
          id: z.id,
          properties: { id: z.id, name: z.name, kind: z.kind, description: z.description, areaSqKm: z.areaSqKm },
          geometry: z.geometry,
          bbox: z.bbox,
        })),
      },
    }),
  });

  r.post(`${base}/import`, {
    config: { permission: 'zone:write' },
    bodyLimit: MAX_ZONE_IMPORT_BYTES,
    schema: {
      tags,
      summary: 'Import a GeoJSON FeatureCollection as zones of one kind, all or nothing (422 names each bad feature)',
      params: AgreementRefParams,
      querystring: ZoneImportQuery,
      body: FeatureCollectionBody,
      response: { 201: ZoneImportResult, ...errorResponses },
    },
    handler: async (req, reply) => {
      const items = await service.importCollection(req.params.agreement, req.body, req.query, actorOf(req));
      return reply.status(201).send({ created: items.length, items });
    },
  });

  partRoutes(
    app,
    {
      path: 'zones',
      noun: 'zone',
      create: ZoneCreate,
      update: ZoneUpdate,
      view: ZoneView,
      writePermission: 'zone:write',
      list: false,
      summaries: {
        create: 'Add a zone (GeoJSON geometry, [lon, lat])',
        update: 'Edit a zone (send the version you read)',
        delete: 'Delete a zone (send the version you read); its incidents keep their point and lose the zone',
      },
    },
    service,
  );
}
