/** Negotiation rounds of one agreement, for the timeline. */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { RoundView } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

const RoundList = z.object({ items: z.array(RoundView) });

export function useRounds(slug: string) {
  return useQuery({
    queryKey: queryKeys.rounds(slug),
    queryFn: async () => (await api.get(apiPath(`/agreements/${encodeURIComponent(slug)}/rounds`), RoundList)).items,
  });
}
