/** Who holds which role on one agreement (administrators). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MembershipView } from '../../../src/contract/index.ts';
import type { AgreementRole } from '../../../src/core/access.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

const MemberList = z.object({ items: z.array(MembershipView) });
const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/members`;

export function useMembers(slug: string) {
  return useQuery({ queryKey: queryKeys.members(slug), queryFn: async () => (await api.get(apiPath(base(slug)), MemberList)).items });
}

export function useSetMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string; role: AgreementRole; partyId: string | null }) =>
      api.put(apiPath(`${base(slug)}/${userId}`), MembershipView, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.members(slug) }),
  });
}

export function useRemoveMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(apiPath(`${base(slug)}/${userId}`), z.object({ deleted: z.literal(true) })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.members(slug) }),
  });
}
