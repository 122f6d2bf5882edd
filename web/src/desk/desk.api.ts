/**
 * The daily desk (docs/DESK.md): an agreement's "since" view, the visit that ends it, and the home
 * page's counts. A view, once loaded, is kept as it is while the page is open (no refetch on focus):
 * marking the visit would otherwise turn it into an empty one under the reader's eyes.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DeskView, SeenView, SinceView } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/since`;

export const deskKeys = {
  /** The home page's counts: what a visit marked invalidates. */
  desk: ['desk'] as const,
  since: (slug: string, since: string) => [...queryKeys.agreement(slug), 'since', since] as const,
};

export const deskApi = {
  since: (slug: string, since: string) => api.get(apiPath(`${base(slug)}`, { since: since || undefined }), SinceView),
  seen: (slug: string, until: string) => api.post(apiPath(`${base(slug)}/seen`), SeenView, { until }),
  desk: () => api.get(apiPath('/desk'), DeskView),
};

/** What changed since `since` (a day, YYYY-MM-DD), or "" for since the last visit. Read once per opening of the page. */
export function useSince(slug: string, since: string) {
  return useQuery({
    queryKey: deskKeys.since(slug, since),
    queryFn: () => deskApi.since(slug, since),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Marks the view seen up to its end: the next one starts there. */
export function useMarkSeen(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (until: string) => deskApi.seen(slug, until),
    onSuccess: () => client.invalidateQueries({ queryKey: deskKeys.desk }),
  });
}

/** Per agreement the user belongs to: new, overdue and due-soon counts. Off for visitors. */
export function useDesk(enabled: boolean) {
  return useQuery({ queryKey: deskKeys.desk, queryFn: deskApi.desk, enabled });
}
