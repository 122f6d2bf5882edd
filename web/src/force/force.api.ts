/**
 * The stabilization force of one agreement (docs/GATES.md): the overview as the reader sees it, the
 * parties' positions on contributors, and the writes: a part (requirement, contributor, pledge,
 * budget line, funding entry) created or patched at its version, a position stated under an audience.
 * Every write reads the agreement again: gaps feed the gates and the matrix.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  AcceptabilityList,
  AcceptabilityView,
  BudgetLineView,
  ForceContributorView,
  ForceOverview,
  ForcePledgeView,
  ForceRequirementView,
  FundingEntryView,
  type AcceptabilityCreate,
} from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';
import { queryKeys } from '../shared/queryKeys.ts';

export type AcceptabilityBody = z.input<typeof AcceptabilityCreate>;

const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/force`;

export const forceKeys = {
  overview: (slug: string) => [...queryKeys.agreement(slug), 'force'] as const,
  acceptability: (slug: string) => [...queryKeys.agreement(slug), 'force', 'acceptability'] as const,
};

/** The force's parts, each with the five routes of partRoutes. */
export const FORCE_PARTS = {
  requirements: ForceRequirementView,
  contributors: ForceContributorView,
  pledges: ForcePledgeView,
  'budget-lines': BudgetLineView,
  funding: FundingEntryView,
} as const;
export type ForcePart = keyof typeof FORCE_PARTS;

export const forceApi = {
  overview: (slug: string) => api.get(apiPath(base(slug)), ForceOverview),
  acceptability: (slug: string) => api.get(apiPath(`${base(slug)}/acceptability`), AcceptabilityList),
  addAcceptability: (slug: string, body: AcceptabilityBody) => api.post(apiPath(`${base(slug)}/acceptability`), AcceptabilityView, body),
  create: <P extends ForcePart>(slug: string, part: P, body: unknown) => api.post(apiPath(`${base(slug)}/${part}`), FORCE_PARTS[part], body),
  update: <P extends ForcePart>(slug: string, part: P, id: string, body: unknown) =>
    api.patch(apiPath(`${base(slug)}/${part}/${encodeURIComponent(id)}`), FORCE_PARTS[part], body),
  get: <P extends ForcePart>(slug: string, part: P, id: string) => api.get(apiPath(`${base(slug)}/${part}/${encodeURIComponent(id)}`), FORCE_PARTS[part]),
};

export function useForce(slug: string) {
  return useQuery({ queryKey: forceKeys.overview(slug), queryFn: () => forceApi.overview(slug) });
}

export function useAddAcceptability(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptabilityBody) => forceApi.addAcceptability(slug, body),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.agreement(slug) }),
  });
}
