/**
 * The map's reads and writes: the zones (with their version, for edits), the incidents matching the
 * filters (the streamed GeoJSON export, newest first, at most MAP_INCIDENT_LIMIT of them), zone writes
 * and filing an incident.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Deleted, Id, IncidentView, ZoneView, type ZoneCreate, type ZoneUpdate } from '../../../src/contract/index.ts';
import { api, apiPath, type QueryParams } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

const agreementPath = (slug: string) => `/agreements/${encodeURIComponent(slug)}`;

const ZoneList = z.object({ items: z.array(ZoneView) });

/** The export's GeoJSON: each feature's properties are the incident as the API views it. */
const IncidentExport = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: Id,
      geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) }).nullable(),
      properties: IncidentView,
    }),
  ),
});

export function useZones(slug: string) {
  return useQuery({
    queryKey: queryKeys.zones(slug),
    queryFn: async () => (await api.get(apiPath(`${agreementPath(slug)}/zones`), ZoneList)).items,
  });
}

/**
 * The most incidents the map draws at once. Beyond it the browser would spend seconds parsing and
 * clustering: the map draws the newest and says that the filters must narrow the rest.
 */
export const MAP_INCIDENT_LIMIT = 20_000;

/** The first `limit` items, and whether there were more (the request asks for one more than it shows). */
export function capped<T>(items: T[], limit: number): { items: T[]; more: boolean } {
  return items.length > limit ? { items: items.slice(0, limit), more: true } : { items, more: false };
}

/** The newest incidents matching the export parameters; off (no request) for callers who may not read incidents. */
export function useMapIncidents(slug: string, params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.incidentMap(slug, params),
    queryFn: async () => {
      const collection = await api.get(apiPath(`${agreementPath(slug)}/incidents/export`, { ...params, limit: MAP_INCIDENT_LIMIT + 1 }), IncidentExport);
      return capped(
        collection.features.map((f) => f.properties),
        MAP_INCIDENT_LIMIT,
      );
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

export const zonesApi = {
  get: (slug: string, id: string) => api.get(apiPath(`${agreementPath(slug)}/zones/${id}`), ZoneView),
  create: (slug: string, body: ZoneCreate) => api.post(apiPath(`${agreementPath(slug)}/zones`), ZoneView, body),
  update: (slug: string, id: string, body: ZoneUpdate) => api.patch(apiPath(`${agreementPath(slug)}/zones/${id}`), ZoneView, body),
  remove: (slug: string, id: string, version: number) => api.delete(apiPath(`${agreementPath(slug)}/zones/${id}`, { version }), Deleted),
};
