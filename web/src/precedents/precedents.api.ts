/** The UCDP Peace Agreement library: a page of agreements, survival curves, and an agreement's precedents. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AgreementPrecedentsView, PrecedentListView, PrecedentSurvivalView } from '../../../src/contract/index.ts';
import { api, apiPath, type QueryParams } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export interface PrecedentListParams extends QueryParams {
  q?: string;
  conflict?: string;
  from?: string;
  to?: string;
  type?: string;
  with?: string;
  without?: string;
  sort: string;
  order: string;
  limit: number;
  offset: number;
}

// A published dataset that does not change while the server runs.
const STATIC = { staleTime: Infinity } as const;

export function usePrecedentList(params: PrecedentListParams) {
  return useQuery({
    queryKey: ['precedents', 'list', params],
    queryFn: () => api.get(apiPath('/precedents', params), PrecedentListView),
    placeholderData: keepPreviousData,
    ...STATIC,
  });
}

export function usePrecedentSurvival(params: { with?: string; without?: string }) {
  return useQuery({
    queryKey: ['precedents', 'survival', params],
    queryFn: () => api.get(apiPath('/precedents/survival', params), PrecedentSurvivalView),
    placeholderData: keepPreviousData,
    ...STATIC,
  });
}

export function useAgreementPrecedents(slug: string) {
  return useQuery({
    queryKey: [...queryKeys.agreement(slug), 'precedents'],
    queryFn: () => api.get(apiPath(`/agreements/${encodeURIComponent(slug)}/precedents`), AgreementPrecedentsView),
  });
}
