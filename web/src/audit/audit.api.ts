/** One page of an agreement's audit log, by the page's filters, with the names of what it shows. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditPage } from '../../../src/contract/index.ts';
import { api, apiPath, type QueryParams } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

/** `enabled` is false while the filters cannot be sent (the days the wrong way round) or the reader may not read the log. */
export function useAuditPage(slug: string, query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: queryKeys.audit(slug, query),
    queryFn: () => api.get(apiPath(`/agreements/${encodeURIComponent(slug)}/audit`, query), AuditPage),
    placeholderData: keepPreviousData,
    enabled,
  });
}
