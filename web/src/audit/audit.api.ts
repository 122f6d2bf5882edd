/** One page of an agreement's audit log, newest first. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditPage } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export const AUDIT_PAGE_SIZE = 20;

export function useAuditPage(slug: string, offset: number) {
  return useQuery({
    queryKey: queryKeys.audit(slug, offset),
    queryFn: () => api.get(apiPath(`/agreements/${encodeURIComponent(slug)}/audit`, { limit: AUDIT_PAGE_SIZE, offset, order: 'desc' }), AuditPage),
    placeholderData: keepPreviousData,
  });
}
