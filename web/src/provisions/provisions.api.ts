/** Reading and saving the provisions of an agreement, a provision's page and its status history. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProvisionPageView, ProvisionView, StatusChanged, type ProvisionCreate, type ProvisionUpdate, type StatusChangeRequest } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/provisions`;
const one = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;

export const provisionsApi = {
  get: (slug: string, id: string) => api.get(apiPath(one(slug, id)), ProvisionView),
  create: (slug: string, body: ProvisionCreate) => api.post(apiPath(base(slug)), ProvisionView, body),
  update: (slug: string, id: string, body: ProvisionUpdate) => api.patch(apiPath(one(slug, id)), ProvisionView, body),
  page: (slug: string, id: string) => api.get(apiPath(`${one(slug, id)}/page`), ProvisionPageView),
  changeStatus: (slug: string, id: string, body: StatusChangeRequest) => api.post(apiPath(`${one(slug, id)}/status`), StatusChanged, body),
};

/** The download of a provision's status history, as CSV or JSON. */
export const historyHref = (slug: string, id: string, format: 'csv' | 'json'): string => apiPath(`${one(slug, id)}/history`, { format });

/** A provision's page; under the agreement's key, so that any save on the agreement reads it again. */
export const provisionPageKey = (slug: string, id: string) => [...queryKeys.agreement(slug), 'provision-page', id] as const;

export function useProvisionPage(slug: string, id: string) {
  return useQuery({ queryKey: provisionPageKey(slug, id), queryFn: () => provisionsApi.page(slug, id) });
}

/** A change of status: when it succeeds, everything of the agreement is read again (the matrix, this page). */
export function useStatusChange(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusChangeRequest) => provisionsApi.changeStatus(slug, id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.agreement(slug) }),
  });
}
