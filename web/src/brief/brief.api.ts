/** The situation brief's model as of a day ("" for today in the agreement's zone). */
import { useQuery } from '@tanstack/react-query';
import { BriefView } from '../../../src/contract/index.ts';
import { api } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';
import { briefApiUrl } from './brief.ts';

export function useBrief(slug: string, asOf: string) {
  return useQuery({ queryKey: [...queryKeys.agreement(slug), 'brief', asOf], queryFn: () => api.get(briefApiUrl(slug, asOf), BriefView) });
}
