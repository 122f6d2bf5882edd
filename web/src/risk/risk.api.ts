/**
 * The collapse risk and the forecast of one agreement (docs/FORECAST.md): read as of a day, the
 * weights saved at their version (a stale one is 409), and the score recorded in the history once per
 * audience. A weight saved or a score recorded reads the risk again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AgreementForecastView, RiskRecordView, RiskView, RiskWeightsView, type RiskWeightsBody } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export type WeightsBody = z.input<typeof RiskWeightsBody>;

const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}`;

export const riskKeys = {
  /** Everything of the risk (every as-of day, the weights): what a save invalidates. */
  all: (slug: string) => [...queryKeys.agreement(slug), 'risk'] as const,
  risk: (slug: string, asOf: string) => [...queryKeys.agreement(slug), 'risk', 'view', asOf] as const,
  weights: (slug: string) => [...queryKeys.agreement(slug), 'risk', 'weights'] as const,
  forecast: (slug: string, asOf: string) => [...queryKeys.agreement(slug), 'forecast', asOf] as const,
};

export const riskApi = {
  risk: (slug: string, asOf: string) => api.get(apiPath(`${base(slug)}/risk`, { asOf }), RiskView),
  forecast: (slug: string, asOf: string) => api.get(apiPath(`${base(slug)}/forecast`, { asOf }), AgreementForecastView),
  weights: (slug: string) => api.get(apiPath(`${base(slug)}/risk/weights`), RiskWeightsView),
  saveWeights: (slug: string, body: WeightsBody) => api.put(apiPath(`${base(slug)}/risk/weights`), RiskWeightsView, body),
  record: (slug: string) => api.post(apiPath(`${base(slug)}/risk/snapshots`), RiskRecordView, {}),
};

/** The risk as of a day ("" for today in the agreement's zone). */
export function useRisk(slug: string, asOf: string) {
  return useQuery({ queryKey: riskKeys.risk(slug, asOf), queryFn: () => riskApi.risk(slug, asOf) });
}

/** The forecast as of a day; not asked for when the reader may not read incidents (its permission). */
export function useForecast(slug: string, asOf: string, enabled: boolean) {
  return useQuery({ queryKey: riskKeys.forecast(slug, asOf), queryFn: () => riskApi.forecast(slug, asOf), enabled });
}

export function useSaveWeights(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WeightsBody) => riskApi.saveWeights(slug, body),
    onSuccess: () => client.invalidateQueries({ queryKey: riskKeys.all(slug) }),
  });
}

export function useRecordSnapshot(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => riskApi.record(slug),
    onSuccess: () => client.invalidateQueries({ queryKey: riskKeys.all(slug) }),
  });
}
