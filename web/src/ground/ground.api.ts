/**
 * The ground through the API (docs/GATES.md): the withdrawal schedule with its verifications, the
 * indicators with their series and observations (one by one or a CSV file), and the areas held per
 * sector over time. Every query sits under groundKeys.all, which each write invalidates (with the
 * zones, whose indicators the map reads).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AreaHistoryView,
  IndicatorSeriesView,
  IndicatorView,
  ObservationImportResult,
  ObservationPage,
  ObservationView,
  WithdrawalItemView,
  type IndicatorCreate,
  type IndicatorUpdate,
  type ObservationCreate,
  type WithdrawalItemCreate,
  type WithdrawalItemUpdate,
  type WithdrawalVerificationCreate,
} from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export const OBSERVATION_PAGE_SIZE = 25;

const agreementPath = (slug: string) => `/agreements/${encodeURIComponent(slug)}`;
const itemPath = (slug: string, id: string) => `${agreementPath(slug)}/withdrawal-items/${encodeURIComponent(id)}`;
const indicatorPath = (slug: string, id: string) => `${agreementPath(slug)}/indicators/${encodeURIComponent(id)}`;

const WithdrawalList = z.object({ items: z.array(WithdrawalItemView) });
const IndicatorList = z.object({ items: z.array(IndicatorView) });

/** The ground's query keys: all of them under the agreement's, so that its other writes refresh them too. */
export const groundKeys = {
  all: (slug: string) => [...queryKeys.agreement(slug), 'ground'] as const,
  withdrawals: (slug: string) => [...queryKeys.agreement(slug), 'ground', 'withdrawals'] as const,
  indicators: (slug: string) => [...queryKeys.agreement(slug), 'ground', 'indicators'] as const,
  series: (slug: string, id: string) => [...queryKeys.agreement(slug), 'ground', 'series', id] as const,
  observations: (slug: string, id: string, offset: number) => [...queryKeys.agreement(slug), 'ground', 'observations', id, offset] as const,
  areaHistory: (slug: string) => [...queryKeys.agreement(slug), 'ground', 'areas'] as const,
  zoneIndicators: (slug: string, zoneId: string) => [...queryKeys.agreement(slug), 'ground', 'zone', zoneId] as const,
};

export const withdrawalApi = {
  list: async (slug: string) => (await api.get(apiPath(`${agreementPath(slug)}/withdrawal-items`), WithdrawalList)).items,
  get: (slug: string, id: string) => api.get(apiPath(itemPath(slug, id)), WithdrawalItemView),
  create: (slug: string, body: WithdrawalItemCreate) => api.post(apiPath(`${agreementPath(slug)}/withdrawal-items`), WithdrawalItemView, body),
  update: (slug: string, id: string, body: WithdrawalItemUpdate) => api.patch(apiPath(itemPath(slug, id)), WithdrawalItemView, body),
  verify: (slug: string, id: string, body: WithdrawalVerificationCreate) => api.post(apiPath(`${itemPath(slug, id)}/verifications`), WithdrawalItemView, body),
};

export const indicatorsApi = {
  list: async (slug: string) => (await api.get(apiPath(`${agreementPath(slug)}/indicators`), IndicatorList)).items,
  get: (slug: string, id: string) => api.get(apiPath(indicatorPath(slug, id)), IndicatorView),
  create: (slug: string, body: IndicatorCreate) => api.post(apiPath(`${agreementPath(slug)}/indicators`), IndicatorView, body),
  update: (slug: string, id: string, body: IndicatorUpdate) => api.patch(apiPath(indicatorPath(slug, id)), IndicatorView, body),
  series: (slug: string, id: string) => api.get(apiPath(`${indicatorPath(slug, id)}/series`), IndicatorSeriesView),
  observations: (slug: string, id: string, offset: number) =>
    api.get(apiPath(`${indicatorPath(slug, id)}/observations`, { limit: OBSERVATION_PAGE_SIZE, offset, order: 'desc' }), ObservationPage),
  observe: (slug: string, id: string, body: ObservationCreate) => api.post(apiPath(`${indicatorPath(slug, id)}/observations`), ObservationView, body),
  importCsv: (slug: string, id: string, file: Blob) =>
    api.postFile(apiPath(`${indicatorPath(slug, id)}/observations/import`), ObservationImportResult, file, 'text/csv'),
  forZone: async (slug: string, zoneId: string) =>
    (await api.get(apiPath(`${agreementPath(slug)}/zones/${encodeURIComponent(zoneId)}/indicators`), IndicatorList)).items,
  areaHistory: (slug: string) => api.get(apiPath(`${agreementPath(slug)}/areas/history`), AreaHistoryView),
};

export function useWithdrawalItems(slug: string) {
  return useQuery({ queryKey: groundKeys.withdrawals(slug), queryFn: () => withdrawalApi.list(slug) });
}

export function useIndicators(slug: string) {
  return useQuery({ queryKey: groundKeys.indicators(slug), queryFn: () => indicatorsApi.list(slug) });
}

export function useIndicatorSeries(slug: string, id: string) {
  return useQuery({ queryKey: groundKeys.series(slug, id), queryFn: () => indicatorsApi.series(slug, id) });
}

export function useObservationPage(slug: string, id: string, offset: number) {
  return useQuery({ queryKey: groundKeys.observations(slug, id, offset), queryFn: () => indicatorsApi.observations(slug, id, offset), placeholderData: keepPreviousData });
}

export function useAreaHistory(slug: string) {
  return useQuery({ queryKey: groundKeys.areaHistory(slug), queryFn: () => indicatorsApi.areaHistory(slug) });
}

/** The indicators measuring a crossing's or corridor's flows; off for other zones. */
export function useZoneIndicators(slug: string, zoneId: string, enabled: boolean) {
  return useQuery({ queryKey: groundKeys.zoneIndicators(slug, zoneId), queryFn: () => indicatorsApi.forZone(slug, zoneId), enabled });
}

/** A write on the ground that refreshes every ground query of the agreement when it succeeds. */
export function useGroundWrite<I, O>(slug: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: groundKeys.all(slug) }),
  });
}
