/**
 * The agreement loader: the agreement with its parties, phases and provisions, for the pages that
 * show it and file against it (incidents, the map) without computing the Strategic Matrix.
 */
import { useQuery } from '@tanstack/react-query';
import { AgreementSummaryView } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export function useAgreementSummary(slug: string) {
  return useQuery({
    queryKey: queryKeys.summary(slug),
    queryFn: () => api.get(apiPath(`/agreements/${encodeURIComponent(slug)}/summary`), AgreementSummaryView),
  });
}
